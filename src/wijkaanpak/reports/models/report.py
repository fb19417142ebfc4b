from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Area, Neighbourhood, Organisation

from .category import Category


class Status(models.TextChoices):
    RECEIVED = "received", _("ontvangen")
    PICKED_UP = "picked_up", _("in behandeling")
    PLANNED = "planned", _("ingepland")
    WAITING_FOR_THIRD_PARTY = "waiting_for_third_party", _("wacht op een andere partij")
    RESOLVED = "resolved", _("opgelost")
    REOPENED = "reopened", _("heropend")
    CANCELLED = "cancelled", _("geannuleerd")
    DUPLICATE = "duplicate", _("dubbele melding")


class Report(models.Model):
    """A resident's report about the public space ("melding")."""

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    # The private status link carries this token; it is not personal data and not guessable.
    status_token = models.CharField(max_length=64, unique=True)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="reports")
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.PROTECT, related_name="reports"
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="reports")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="reports",
        help_text=_("De organisatie die de melding behandelt."),
    )
    address = models.CharField(_("adres"), max_length=200, blank=True)
    location_description = models.CharField(_("plek"), max_length=300, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(_("omschrijving"))
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("ontvangen op"))
    pickup_due_on = models.DateField(_("uiterlijk opgepakt op"))
    resolution_due_on = models.DateField(_("uiterlijk afgehandeld op"))
    picked_up_at = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    picked_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    public_reason = models.TextField(
        _("uitleg voor de melder"),
        blank=True,
        help_text=_("Waarom de melding is opgelost, geannuleerd of later wordt opgepakt."),
    )
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    source = models.CharField(_("binnengekomen via"), max_length=40, default="website")
    contact_anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["organisation", "status", "pickup_due_on"]),
            models.Index(fields=["category", "status"]),
            models.Index(fields=["neighbourhood", "received_at"]),
            # Open311 lists an area's newest reports in a window (docs/performance.md).
            models.Index(fields=["area", "received_at"], name="report_area_received"),
            # next_reference: the highest kenmerk of a year without sorting the year.
            models.Index(
                Length("reference").desc(), F("reference").desc(), name="report_reference_newest"
            ),
        ]
        # Two partial indexes for the daily deadline check exist on PostgreSQL only
        # (migration 0003): their conditions use AT TIME ZONE, which SQLite lacks.

    def __str__(self):
        return self.reference


class ReportContact(models.Model):
    """A person to keep informed: the reporter, or a resident who joined an open report."""

    class Role(models.TextChoices):
        REPORTER = "reporter", _("melder")
        SUPPORTER = "supporter", _("ook gemeld")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.REPORTER)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    wants_updates = models.BooleanField(_("wil op de hoogte blijven"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self):
        return f"{self.report} ({self.get_role_display()})"


def photo_path(instance, filename):
    # Never the uploader's file name: it may hold personal data, and it is guessable.
    return f"reports/{instance.report.status_token[:2]}/{instance.report.status_token}/{filename}"


class ReportPhoto(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(upload_to=photo_path)
    content_type = models.CharField(max_length=40)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("foto")
        verbose_name_plural = _("foto's")

    def __str__(self):
        return f"{self.report} foto {self.pk}"
