from django.db import models
from django.utils.translation import gettext_lazy as _

from .structure import Programme


class SourceNote(models.Model):
    """A defect of the source document itself, recorded instead of silently repaired."""

    class Kind(models.TextChoices):
        ILLEGIBLE = "illegible", _("onleesbaar")
        CUT_OFF = "cut_off", _("tekst afgebroken")
        INCONSISTENT = "inconsistent", _("tegenstrijdig")
        AMBIGUOUS = "ambiguous", _("onduidelijk")
        OCR_CORRECTION = "ocr_correction", _("leesfout van de scan")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="source_notes")
    key = models.SlugField(max_length=80, help_text=_("Vaste sleutel, zodat laden herhaalbaar is."))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("onderwerp"), max_length=200)
    description = models.TextField(_("omschrijving"))
    source_text = models.TextField(_("tekst in de bron"), blank=True)
    source_reference = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("opmerking over de bron")
        verbose_name_plural = _("opmerkingen over de bron")
        ordering = ["programme", "key"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "key"], name="unique_source_note")
        ]

    def __str__(self):
        return self.subject
