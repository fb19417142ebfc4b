"""Erasing the personal fields of closed referrals (security.md P6, P7).

REFERRAL_RETENTION_DAYS after a referral was closed (completed, not started or withdrawn),
what can identify the household goes: the name or initials, the contact route, the reason,
the reason it did not start, who gave consent, and every note in its history. The rows stay,
with offer, state and dates, so the counts per offer and month stay the same. An
ErasureRecord says which fields were erased, when and on what ground, and the processing
log gets a "delete" record.

The same erasure runs at once for a data subject's request (ground "request"), but only for
a closed referral: an open one is still being worked on and must be withdrawn first.
Erasing twice does nothing the second time.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wijkaanpak.audit import activities
from wijkaanpak.referrals.domain.workflow import CLOSED_STATES
from wijkaanpak.referrals.models import Consent, ErasureRecord, Referral, ReferralEvent
from wijkaanpak.referrals.services import processing

logger = logging.getLogger(__name__)

Ground = ErasureRecord.Ground
REFERRAL_FIELDS = ("person_name", "contact_route", "reason", "not_started_reason")
ERASED_FIELDS = (
    *(f"referral.{name}" for name in REFERRAL_FIELDS),
    "consent.given_by",
    "event.note",
)
ERASED_DATA_KINDS = ("contact", "name", "reason")


class SystemActor:
    """The actor of the retention run in the processing log: no person, the system itself."""

    pk = "system"

    def get_full_name(self) -> str:
        return "systeem (bewaartermijn)"

    def get_username(self) -> str:
        return "systeem"


SYSTEM = SystemActor()


def is_closed(referral: Referral) -> bool:
    return referral.state in CLOSED_STATES and referral.closed_at is not None


def due(now=None):
    """Closed referrals past the term whose personal fields are still there."""
    limit = (now or timezone.now()) - dt.timedelta(days=settings.REFERRAL_RETENTION_DAYS)
    return Referral.objects.filter(
        state__in=CLOSED_STATES, closed_at__isnull=False, closed_at__lte=limit, erased_at=None
    ).order_by("closed_at", "pk")


def erase(
    referral: Referral, *, ground: str, user=None, request_path: str = "", now=None
) -> ErasureRecord | None:
    """Erase one closed referral's personal fields; None when it is open or already erased."""
    now = now or timezone.now()
    activity = activities.SUBJECT_REQUEST if ground == Ground.REQUEST else activities.WARM_REFERRAL
    with transaction.atomic():
        locked = (
            Referral.objects.select_for_update()
            .filter(pk=referral.pk, erased_at=None)
            .only("pk", "state", "closed_at", "consent_id", "subject_id", "reference")
            .first()
        )
        if locked is None or not is_closed(locked):
            return None
        # Queryset updates: the stored tokens are replaced without decrypting anything first.
        Referral.objects.filter(pk=locked.pk).update(
            **dict.fromkeys(REFERRAL_FIELDS, ""), erased_at=now
        )
        Consent.objects.filter(pk=locked.consent_id).update(given_by="")
        ReferralEvent.objects.filter(referral_id=locked.pk).exclude(note="").update(note="")
        record = ErasureRecord.objects.create(
            referral_id=locked.pk,
            ground=ground,
            fields=list(ERASED_FIELDS),
            erased_at=now,
            erased_by=user,
        )
        processing.record(
            locked,
            user=user or SYSTEM,
            action="delete",
            data_kinds=ERASED_DATA_KINDS,
            request_path=request_path,
            activity=activity,
        )
    return record


def erase_due(*, now=None, dry_run: bool = False) -> list[str]:
    """Erase every referral past the term; the kenmerken done (or that would be, dry run)."""
    now = now or timezone.now()
    candidates = list(due(now).values_list("pk", "reference"))
    if dry_run:
        return [reference for _pk, reference in candidates]
    done = [
        reference
        for pk, reference in candidates
        if erase(Referral(pk=pk), ground=Ground.RETENTION, now=now) is not None
    ]
    logger.info("Referrals: personal fields of %d closed referrals erased.", len(done))
    return done
