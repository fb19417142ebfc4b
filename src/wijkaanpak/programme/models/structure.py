from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Area


class Programme(models.Model):
    """One edition of an area's programme; the programme is re-calibrated every year.

    A new edition starts as a draft copied from the current one; once adopted its content
    (lines, goals, indicators, targets, interventions) is read-only.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("concept")
        ADOPTED = "adopted", _("vastgesteld")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="programmes")
    edition_year = models.PositiveSmallIntegerField(_("editie (jaar)"))
    title = models.CharField(_("titel"), max_length=200)
    ambition = models.TextField(_("ambitie"))
    ambition_summary = models.CharField(_("ambitie in één zin"), max_length=300)
    starts_on = models.DateField(_("start van het programma"))
    source_document = models.CharField(_("brondocument"), max_length=300)
    state = models.CharField(
        _("status"), max_length=10, choices=State.choices, default=State.ADOPTED
    )
    adopted_at = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    previous_edition = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_edition"
    )
    change_rationale = models.TextField(
        _("wat er verandert en waarom"),
        blank=True,
        help_text=_("Voor de stuurgroep: de lessen van het afgelopen jaar."),
    )

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["area", "-edition_year"]
        constraints = [
            models.UniqueConstraint(fields=["area", "edition_year"], name="unique_edition")
        ]

    def __str__(self):
        return f"{self.title} ({self.edition_year})"


class Horizon(models.Model):
    """A fixed deadline of the programme: 1, 4 and 15 years, each with its own date."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="horizons")
    years = models.PositiveSmallIntegerField(_("jaren"))
    label = models.CharField(_("omschrijving"), max_length=120)
    due_on = models.DateField(_("uiterste datum"))
    meaning = models.CharField(_("betekenis"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("horizon")
        verbose_name_plural = _("horizonnen")
        ordering = ["programme", "years"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "years"], name="unique_horizon")
        ]

    def __str__(self):
        return self.label


class ProgrammeLine(models.Model):
    """One of the programme's tables ("tafels"), such as Het Kind."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="lines")
    number = models.PositiveSmallIntegerField(_("nummer"))
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField()
    ambition = models.CharField(_("ambitie"), max_length=200, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    source_reference = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_edition"
    )

    class Meta:
        verbose_name = _("programmalijn")
        verbose_name_plural = _("programmalijnen")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_line_number"),
            models.UniqueConstraint(fields=["programme", "slug"], name="unique_line_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:line", args=[self.programme.area.slug, self.slug])


class Goal(models.Model):
    line = models.ForeignKey(ProgrammeLine, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("nummer"))
    text = models.TextField(_("doel"))
    source_reference = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_edition"
    )

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["line", "number"]
        constraints = [
            models.UniqueConstraint(fields=["line", "number"], name="unique_goal_number")
        ]

    def __str__(self):
        return f"{self.line.name} {self.number}: {self.text[:60]}"
