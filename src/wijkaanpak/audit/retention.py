"""Retention of the processing log itself: records older than AUDIT_RETENTION_DAYS go.

The table refuses DELETE on PostgreSQL (migration 0002) unless the transaction has said it
is the purge; this is the only code that says so, and only for the one statement.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import ProcessingRecord

logger = logging.getLogger(__name__)


def _purge_switch(on: bool) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL wijkaanpak.audit_purge = '{'on' if on else 'off'}'")


def cutoff(now=None):
    return (now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)


def purge_expired(*, now=None) -> int:
    """Delete the records past their retention; return how many. Safe to run again."""
    limit = cutoff(now)
    with transaction.atomic():
        _purge_switch(True)
        try:
            deleted, _ = ProcessingRecord.objects.filter(occurred_at__lt=limit).delete()
        finally:
            # SET LOCAL lasts to the end of the outer transaction; switch it off at once so
            # nothing else in a surrounding transaction can delete.
            _purge_switch(False)
    logger.info("Processing log: %d records older than %s removed.", deleted, limit.date())
    return deleted
