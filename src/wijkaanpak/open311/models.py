"""Who may create reports through Open311: an API client with a key.

Only a SHA-256 hash of the key is stored. The key is a 256-bit random string, so a fast
hash is enough (no password stretching needed) and lets the key be found by its hash.
The prefix is the first characters of the key, kept to tell keys apart in the admin.
"""

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Organisation

PREFIX_LENGTH = 8


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiClient(models.Model):
    name = models.CharField(_("naam"), max_length=120)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="open311_clients",
    )
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Wie we bellen of mailen als er iets mis is met deze koppeling."),
    )
    key_prefix = models.CharField(_("begin van de sleutel"), max_length=PREFIX_LENGTH)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("Open311-koppeling")
        verbose_name_plural = _("Open311-koppelingen")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.key_prefix}…)"

    def set_new_key(self) -> str:
        """Give the client a new key and return it; it is not stored and cannot be shown later."""
        key = secrets.token_urlsafe(32)
        self.key_prefix = key[:PREFIX_LENGTH]
        self.key_hash = hash_key(key)
        return key

    @classmethod
    def create_with_key(cls, **fields) -> tuple["ApiClient", str]:
        client = cls(**fields)
        key = client.set_new_key()
        client.save()
        return client, key


class Submission(models.Model):
    """Which client sent which report: to find a misbehaving client's reports."""

    client = models.ForeignKey(ApiClient, on_delete=models.PROTECT, related_name="submissions")
    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="open311_submission"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Open311-melding")
        verbose_name_plural = _("Open311-meldingen")

    def __str__(self):
        return f"{self.report} via {self.client}"
