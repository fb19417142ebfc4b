from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Organisation, Place
from wijkaanpak.programme.models import Goal, Programme, ProgrammeLine


class Theme(models.TextChoices):
    """The ten themes of the programme office's "second living room"."""

    UPBRINGING = "upbringing", _("opvoeding")
    CARE = "care", _("zorg")
    EDUCATION = "education", _("onderwijs")
    WORK = "work", _("werk")
    MONEY = "money", _("geld")
    HOUSING = "housing", _("wonen")
    NUISANCE = "nuisance", _("overlast")
    LEISURE = "leisure", _("vrije tijd")
    PUBLIC_SPACE = "public_space", _("openbare ruimte")
    SAFETY = "safety", _("veiligheid")


class EvidenceLevel(models.TextChoices):
    """After the Dutch databanks of effective interventions (Movisie, NJi, RIVM)."""

    NOT_ASSESSED = "not_assessed", _("niet beoordeeld")
    WELL_DESCRIBED = "well_described", _("goed beschreven")
    WELL_FOUNDED = "well_founded", _("goed onderbouwd")
    FIRST_INDICATIONS = "first_indications", _("eerste aanwijzingen voor effectiviteit")
    GOOD_INDICATIONS = "good_indications", _("goede aanwijzingen voor effectiviteit")
    STRONG_INDICATIONS = "strong_indications", _("sterke aanwijzingen voor effectiviteit")


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
    lead_partner = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_interventions",
        verbose_name=_("trekker"),
    )
    themes = models.JSONField(
        _("thema's"), default=list, blank=True, help_text=_("Codes uit Theme.")
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("einde"), null=True, blank=True)
    recurrence = models.CharField(
        _("hoe vaak"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld 'elke maand' of 'drie maanden lang elke week'."),
    )
    planned_capacity = models.PositiveIntegerField(_("geplande plaatsen"), null=True, blank=True)
    budget_cents = models.BigIntegerField(_("budget (centen)"), null=True, blank=True)
    evidence_level = models.CharField(
        _("bewijskracht"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.NOT_ASSESSED,
    )
    databank_reference = models.CharField(_("databank en vindplaats"), max_length=300, blank=True)
    # The same intervention in the previous edition of the programme: the thread a diff follows.
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_edition"
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
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(starts_on__lte=models.F("ends_on")),
                name="intervention_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(budget_cents__isnull=True) | models.Q(budget_cents__gte=0),
                name="intervention_budget_not_negative",
            ),
        ]

    def __str__(self):
        prefix = f"{self.number}. " if self.number else ""
        return f"{prefix}{self.name}"

    def get_absolute_url(self):
        return reverse("interventions:detail", args=[self.programme.area.slug, self.slug])

    def get_edition_status_url(self):
        """Where a coordinator changes the status while preparing this edition."""
        programme = self.programme
        return reverse(
            "interventions:edition-status",
            args=[programme.area.slug, programme.edition_year, self.pk],
        )

    @property
    def age_range_label(self) -> str:
        if self.age_min is None and self.age_max is None:
            return ""
        if self.age_max is None:
            return f"vanaf {self.age_min} jaar"
        return f"{self.age_min or 0}-{self.age_max} jaar"
