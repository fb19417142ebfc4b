from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .report import Report, Status


class ReportEvent(models.Model):
    """Append-only history of a report: every change, who and when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("ontvangen")
        STATUS_CHANGED = "status_changed", _("status gewijzigd")
        LATE_REASON = "late_reason", _("reden voor later oppakken")
        REASSIGNED = "reassigned", _("naar andere organisatie")
        MERGED = "merged", _("samengevoegd")
        SUPPORTER_JOINED = "supporter_joined", _("bewoner heeft zich aangesloten")
        REPORTER_FEEDBACK = "reporter_feedback", _("reactie van de melder")
        NOTE = "note", _("interne notitie")
        CONTACT_ANONYMISED = "contact_anonymised", _("contactgegevens verwijderd")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(max_length=100, blank=True)
    # The contact the event is about (a resident who joined); the mail goes to them.
    contact = models.ForeignKey(
        "reports.ReportContact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    public_text = models.TextField(_("tekst voor de melder"), blank=True)
    internal_note = models.TextField(_("interne notitie"), blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("geschiedenis")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.report} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class DeadlineBreach(models.Model):
    """A deadline that passed without the promised step: recorded once, never hidden."""

    class Kind(models.TextChoices):
        PICKUP = "pickup", _("niet op tijd opgepakt")
        RESOLUTION = "resolution", _("niet op tijd afgehandeld")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="breaches")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    due_on = models.DateField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    reason_given = models.TextField(
        blank=True, help_text=_("De reden die vóór de termijn aan de melder is gegeven.")
    )

    class Meta:
        verbose_name = _("termijnoverschrijding")
        verbose_name_plural = _("termijnoverschrijdingen")
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="one_breach_per_kind")
        ]

    def __str__(self):
        return f"{self.report} {self.kind}"
