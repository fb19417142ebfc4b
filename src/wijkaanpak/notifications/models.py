"""An outbox: a message is stored with the change that causes it, then sent and retried.

A failing mail server therefore never loses a notification (security.md R5).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("wacht op verzending")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("mislukt, wordt niet meer geprobeerd")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    created_at = models.DateTimeField(auto_now_add=True)
    recipient = models.EmailField(_("ontvanger"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    # What the message is about, for the history of that object; no foreign key so any
    # module can use the outbox without this app knowing it.
    topic_type = models.CharField(max_length=60)
    topic_id = models.CharField(max_length=64)
    kind = models.CharField(_("soort bericht"), max_length=60)
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} -> {self.topic_type} {self.topic_id} ({self.state})"
