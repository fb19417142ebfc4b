"""The quarterly neighbourhood inspection ("wijkschouw") per quadrant, and its follow-up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Neighbourhood, Organisation
from wijkaanpak.reports.models import Category, Report


class InspectionRound(models.Model):
    class State(models.TextChoices):
        PLANNED = "planned", _("gepland")
        HELD = "held", _("gehouden")
        CANCELLED = "cancelled", _("niet doorgegaan")

    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.PROTECT, related_name="inspection_rounds"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    quarter = models.PositiveSmallIntegerField(_("kwartaal"))
    planned_on = models.DateField(_("gepland op"))
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PLANNED)
    summary = models.TextField(_("verslag"), blank=True)

    class Meta:
        verbose_name = _("schouwronde")
        verbose_name_plural = _("schouwrondes")
        ordering = ["-year", "-quarter", "neighbourhood__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "year", "quarter"], name="one_round_per_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="quarter_1_to_4"
            ),
        ]

    def __str__(self):
        return f"Wijkschouw {self.neighbourhood} {self.year} K{self.quarter}"


class Participant(models.Model):
    class Kind(models.TextChoices):
        STAFF = "staff", _("professional")
        CORE_TEAM = "core_team", _("kernteam")
        RESIDENT = "resident", _("bewoner")

    inspection_round = models.ForeignKey(
        InspectionRound, on_delete=models.CASCADE, related_name="participants"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # Residents are counted, not named: the report page only needs who took part.
    display_name = models.CharField(_("naam of rol"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")

    def __str__(self):
        return self.display_name or self.get_kind_display()


def finding_photo_path(instance, filename):
    return f"inspections/{instance.inspection_round_id}/{filename}"


class Finding(models.Model):
    inspection_round = models.ForeignKey(
        InspectionRound, on_delete=models.CASCADE, related_name="findings"
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="+")
    place = models.CharField(_("plek"), max_length=200)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(_("wat is gezien"))
    photo = models.FileField(upload_to=finding_photo_path, blank=True)
    report = models.OneToOneField(
        Report, on_delete=models.PROTECT, null=True, blank=True, related_name="inspection_finding"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")

    def __str__(self):
        return f"{self.inspection_round}: {self.place}"


class Action(models.Model):
    """An agreement made during the inspection: who fixes what, by when."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("afgerond")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("afspraak"))
    owner_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="inspection_actions"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("klaar op"))
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(_("hoe het is opgelost"), blank=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["due_on"]

    def __str__(self):
        return self.description[:60]
