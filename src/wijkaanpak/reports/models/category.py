from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Organisation


class Category(models.Model):
    """What a report is about; a main category with sub-categories, each with its handler."""

    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(unique=True)
    public_description = models.CharField(_("uitleg voor bewoners"), max_length=300, blank=True)
    handling_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="report_categories"
    )
    resolution_term_days = models.PositiveSmallIntegerField(
        _("afhandeltermijn (werkdagen)"), help_text=_("Werkdagen na ontvangst.")
    )
    is_active = models.BooleanField(_("in gebruik"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["position", "name"]

    def __str__(self):
        return f"{self.parent.name} - {self.name}" if self.parent_id else self.name
