"""Warm referrals: a professional refers a household to an offer, with consent recorded first.

Minimal data (security.md P5): a name or initials, a contact route, a short reason and the
urgency. Those fields are encrypted at rest (P4) and erased after the retention term (P6);
the row itself stays, so counts per offer and month survive the erasure.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Area, Neighbourhood, Organisation
from wijkaanpak.crypto import EncryptedTextField
from wijkaanpak.interventions.models import AgeBand
from wijkaanpak.socialmap.models import Offer


class DataKind(models.TextChoices):
    """Kinds of personal data a consent can cover; the processing log uses the same codes."""

    NAME = "name", _("naam of initialen")
    CONTACT = "contact", _("hoe we contact opnemen")
    REASON = "reason", _("reden van de verwijzing")
    URGENCY = "urgency", _("urgentie")
    AGE_BAND = "age_band", _("leeftijdsgroep")
    NEIGHBOURHOOD = "neighbourhood", _("buurt")


class Consent(models.Model):
    """Who agreed, when, to which offer and which data going to the receiving partner (P9)."""

    class Relation(models.TextChoices):
        SELF = "self", _("de persoon zelf")
        PARENT = "parent", _("ouder")
        GUARDIAN = "guardian", _("voogd of wettelijk vertegenwoordiger")

    class Method(models.TextChoices):
        SPOKEN = "spoken", _("mondeling, in een gesprek")
        WRITTEN = "written", _("op papier getekend")
        DIGITAL = "digital", _("digitaal (mail of bericht)")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="consents")
    given_by = EncryptedTextField(_("toestemming gegeven door (naam of initialen)"))
    relation = models.CharField(_("wie is dat"), max_length=20, choices=Relation.choices)
    given_on = models.DateField(_("datum van de toestemming"))
    method = models.CharField(_("hoe gegeven"), max_length=20, choices=Method.choices)
    data_kinds = models.JSONField(
        _("welke gegevens mogen mee"), default=list, help_text=_("Codes uit DataKind.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self):
        return f"Toestemming {self.pk} voor {self.offer}"


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the referrer's and the receiver's organisations see a referral (A1)."""
        if not (user.is_authenticated and user.has_perm("referrals.view_referral")):
            return self.none()
        organisations = user.memberships.values("organisation")
        return self.filter(
            Q(referring_organisation__in=organisations)
            | Q(receiving_organisation__in=organisations)
        )


class Referral(models.Model):
    class State(models.TextChoices):
        SENT = "sent", _("verstuurd")
        RECEIVED = "received", _("ontvangen")
        INTAKE_PLANNED = "intake_planned", _("intake gepland")
        STARTED = "started", _("gestart")
        COMPLETED = "completed", _("afgerond")
        NOT_STARTED = "not_started", _("niet gestart")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("gewoon")
        URGENT = "urgent", _("met spoed")

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    # A pseudonym of the referred household: the processing log and the inzage use it.
    subject_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="referrals")
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="referrals")
    consent = models.OneToOneField(Consent, on_delete=models.PROTECT, related_name="referral")
    referring_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals_sent"
    )
    receiving_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals_received"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    person_name = EncryptedTextField(_("naam of initialen"))
    contact_route = EncryptedTextField(
        _("hoe neemt de partner contact op"),
        help_text=_("Bijvoorbeeld een telefoonnummer, of 'via de gezinsspecialist van school'."),
    )
    reason = EncryptedTextField(_("korte reden"))
    urgency = models.CharField(
        _("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    age_band = models.CharField(_("leeftijd"), max_length=10, choices=AgeBand.choices, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("stand"), max_length=20, choices=State.choices, default=State.SENT)
    sent_at = models.DateTimeField(_("verstuurd op"))
    receive_due_on = models.DateField(_("ontvangen uiterlijk"))
    received_at = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    intake_on = models.DateField(_("intake op"), null=True, blank=True)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("opgeschaald op"), null=True, blank=True)
    not_started_reason = EncryptedTextField(_("waarom niet gestart"), blank=True)
    erased_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-sent_at"]
        permissions = [
            ("handle_subject_request", _("Verzoeken van betrokkenen afhandelen (inzage, wissen)"))
        ]
        indexes = [models.Index(fields=["state", "receive_due_on"])]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("referrals:detail", args=[self.area.slug, self.reference])


class ReferralEvent(models.Model):
    """One state change or note, append-only: what the referrer sees happen."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="events")
    from_state = models.CharField(max_length=20, choices=Referral.State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=Referral.State.choices)
    note = EncryptedTextField(_("toelichting"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verloop van een verwijzing")
        verbose_name_plural = _("verloop van verwijzingen")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.referral}: {self.from_state} -> {self.to_state}"


class ErasureRecord(models.Model):
    """Proof that personal fields were erased, without the data itself (P6, P7)."""

    class Ground(models.TextChoices):
        RETENTION = "retention", _("bewaartermijn verstreken")
        REQUEST = "request", _("verzoek van de betrokkene")

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="erasures")
    ground = models.CharField(max_length=20, choices=Ground.choices)
    fields = models.JSONField(default=list)
    erased_at = models.DateTimeField()
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("verwijderverslag")
        verbose_name_plural = _("verwijderverslagen")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.referral} gewist ({self.get_ground_display()})"
