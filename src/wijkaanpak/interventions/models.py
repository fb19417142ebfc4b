from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Organisation, Place
from wijkaanpak.programme.models import Goal, Programme, ProgrammeLine


class Intervention(models.Model):
    """A numbered intervention, or a measure the source describes in prose."""

    class Kind(models.TextChoices):
        INTERVENTION = "intervention", _("interventie")
        MEASURE = "measure", _("maatregel")

    class Status(models.TextChoices):
        IDEA = "idea", _("idee")
        IN_PREPARATION = "in_preparation", _("in voorbereiding")
        RUNNING = "running", _("loopt")
        PAUSED = "paused", _("gepauzeerd")
        EVALUATED = "evaluated", _("geëvalueerd")
        STOPPED = "stopped", _("gestopt")
        MADE_PERMANENT = "made_permanent", _("bestendigd")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="interventions")
    line = models.ForeignKey(ProgrammeLine, on_delete=models.CASCADE, related_name="interventions")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("nummer in de bron"), null=True, blank=True)
    slug = models.SlugField(max_length=80)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    theme = models.CharField(
        _("thema of route"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld 'Van huis naar werk' of 'Schoon en heel'."),
    )
    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), null=True, blank=True)
    age_in_text = models.CharField(
        _("leeftijd volgens de lopende tekst"),
        max_length=120,
        blank=True,
        help_text=_("Alleen invullen als de tekst iets anders zegt dan de doelgroep."),
    )
    age_min_in_text = models.PositiveSmallIntegerField(null=True, blank=True)
    age_max_in_text = models.PositiveSmallIntegerField(null=True, blank=True)
    claimed_goal_numbers = models.JSONField(
        _("doelen volgens de bron"),
        default=list,
        blank=True,
        help_text=_("De subdoelen zoals de bron ze noemt, ook als zo'n doel niet bestaat."),
    )
    goals = models.ManyToManyField(Goal, related_name="interventions", blank=True)
    partners = models.ManyToManyField(Organisation, related_name="interventions", blank=True)
    places = models.ManyToManyField(Place, related_name="interventions", blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PREPARATION
    )
    source_reference = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")
        ordering = ["line__number", "position", "number", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="unique_intervention_slug"),
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_min__lte=models.F("age_max")),
                name="intervention_age_range_in_order",
            ),
        ]

    def __str__(self):
        prefix = f"{self.number}. " if self.number else ""
        return f"{prefix}{self.name}"

    def get_absolute_url(self):
        return reverse("interventions:detail", args=[self.programme.area.slug, self.slug])

    @property
    def age_range_label(self) -> str:
        if self.age_min is None and self.age_max is None:
            return ""
        if self.age_max is None:
            return f"vanaf {self.age_min} jaar"
        return f"{self.age_min or 0}-{self.age_max} jaar"
