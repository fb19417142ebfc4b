"""Replays of a creating request with the same Idempotency-Key get the first answer (E6)."""

from django.db import models


class IdempotencyRecord(models.Model):
    scope = models.CharField(max_length=100)
    key = models.CharField(max_length=200)
    request_fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    response_body = models.TextField()
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="unique_idempotency_key")
        ]

    def __str__(self):
        return f"{self.scope}:{self.key}"
