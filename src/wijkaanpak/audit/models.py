"""The processing log (security.md P1, P2), after the VNG standard "Verwerkingenlogging".

One record per read or write of personal data by staff. The table is append-only: the
migration installs database triggers that refuse UPDATE and DELETE.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessingRecord(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("aanmaken")
        READ = "read", _("inzien")
        UPDATE = "update", _("wijzigen")
        DELETE = "delete", _("verwijderen")

    occurred_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    action = models.CharField(_("handeling"), max_length=10, choices=Action.choices)
    # The activity carries purpose, legal ground and retention; they are copied in so a
    # record stays true after the register of activities changes.
    activity_code = models.CharField(_("verwerkingsactiviteit"), max_length=80)
    activity_name = models.CharField(_("naam activiteit"), max_length=200)
    purpose = models.CharField(_("doel"), max_length=300)
    legal_ground = models.CharField(_("grondslag"), max_length=300)
    confidentiality = models.CharField(_("vertrouwelijkheid"), max_length=40)
    retention = models.CharField(_("bewaartermijn"), max_length=100)
    actor_id = models.CharField(_("actor (id)"), max_length=64)
    actor_name = models.CharField(_("actor"), max_length=200)
    actor_organisation = models.CharField(_("organisatie van de actor"), max_length=200, blank=True)
    system = models.CharField(_("systeem"), max_length=60, default="wijkaanpak")
    subject_type = models.CharField(_("soort betrokkene"), max_length=60)
    subject_id = models.CharField(_("betrokkene (id)"), max_length=120)
    object_type = models.CharField(_("soort object"), max_length=60)
    object_id = models.CharField(_("object (id)"), max_length=120)
    data_kinds = models.JSONField(_("soorten gegevens"), default=list)
    request_path = models.CharField(_("adres van het verzoek"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("verwerking")
        verbose_name_plural = _("verwerkingenlog")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_id}"
