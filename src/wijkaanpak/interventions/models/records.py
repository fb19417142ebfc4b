"""What happens to an intervention over time: status changes, money, reach, evaluations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Neighbourhood
from wijkaanpak.programme.models import ProgrammeLine

from .intervention import EvidenceLevel, Intervention


class StatusChange(models.Model):
    """Every change of an intervention's status, dated and with a reason. Append-only."""

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=Intervention.Status.choices)
    to_status = models.CharField(max_length=20, choices=Intervention.Status.choices)
    changed_on = models.DateField(_("datum"))
    reason = models.TextField(_("reden"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["changed_on", "recorded_at"]

    def __str__(self):
        return f"{self.intervention}: {self.from_status} -> {self.to_status} ({self.changed_on})"


class LineBudget(models.Model):
    """Money a programme line ("tafel") has for short-term actions in one year."""

    line = models.ForeignKey(ProgrammeLine, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount_cents = models.BigIntegerField(_("bedrag (centen)"))
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("budget van een lijn")
        verbose_name_plural = _("budgetten van lijnen")
        ordering = ["line", "year"]
        constraints = [
            models.UniqueConstraint(fields=["line", "year"], name="one_budget_per_line_year"),
            models.CheckConstraint(
                condition=models.Q(amount_cents__gte=0), name="line_budget_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.line} {self.year}"


class SpendingEntry(models.Model):
    """Money committed to or spent on an intervention; corrections are new entries."""

    class Kind(models.TextChoices):
        COMMITTED = "committed", _("toegezegd")
        SPENT = "spent", _("uitgegeven")

    intervention = models.ForeignKey(
        Intervention, on_delete=models.PROTECT, related_name="spending"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    amount_cents = models.BigIntegerField(
        _("bedrag (centen)"), help_text=_("Negatief alleen om een eerdere boeking te herstellen.")
    )
    on = models.DateField(_("datum"))
    note = models.TextField(_("toelichting"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["on", "entered_at"]

    def __str__(self):
        return f"{self.intervention} {self.kind} {self.amount_cents} ({self.on})"


class AgeBand(models.TextChoices):
    CHILDREN_0_4 = "0-4", _("0 tot 4 jaar")
    CHILDREN_4_12 = "4-12", _("4 tot 12 jaar")
    YOUTH_12_18 = "12-18", _("12 tot 18 jaar")
    YOUNG_ADULTS_18_27 = "18-27", _("18 tot 27 jaar")
    PARENTS_ADULTS = "adults", _("ouders en volwassenen")
    UNKNOWN = "unknown", _("leeftijd onbekend")


class ReachRecord(models.Model):
    """People reached and activities held in a period: counts only, never persons."""

    intervention = models.ForeignKey(Intervention, on_delete=models.PROTECT, related_name="reach")
    period_start = models.DateField(_("begin periode"))
    period_end = models.DateField(_("einde periode"))
    age_band = models.CharField(_("leeftijd"), max_length=10, choices=AgeBand.choices)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg als de buurt niet bekend is."),
    )
    participants = models.PositiveIntegerField(_("deelnemers"))
    activities_held = models.PositiveIntegerField(_("activiteiten"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bereik")
        verbose_name_plural = _("bereik")
        ordering = ["period_start", "age_band"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="reach_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.intervention} {self.period_start}-{self.period_end}: {self.participants}"


class Evaluation(models.Model):
    class Judgement(models.TextChoices):
        CONTINUE = "continue", _("doorgaan")
        ADJUST = "adjust", _("aanpassen")
        STOP = "stop", _("stoppen")

    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="evaluations"
    )
    evaluated_on = models.DateField(_("datum"))
    method = models.CharField(_("methode"), max_length=200)
    evaluator = models.CharField(_("wie evalueerde"), max_length=200)
    findings = models.TextField(_("bevindingen"))
    judgement = models.CharField(_("oordeel"), max_length=10, choices=Judgement.choices)
    evidence_level = models.CharField(
        _("bewijskracht"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.NOT_ASSESSED,
    )
    databank_reference = models.CharField(_("databank en vindplaats"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["-evaluated_on"]

    def __str__(self):
        return f"{self.intervention} ({self.evaluated_on})"
