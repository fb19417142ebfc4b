"""Counts of referrals per offer and month: sent, received, started, completed, not started.

Counted only from what survives erasure (offer, state and the moments of each step), so the
figures are the same before and after the personal fields are erased (security.md P6). A
referral counts in the month (Amsterdam time) in which a step happened: "sent" in the month
of sending, "started" in the month it started, and so on. The personal fields are never
loaded here (`values()`), so counting decrypts nothing.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from wijkaanpak import workdays
from wijkaanpak.referrals.models import Referral

State = Referral.State
STEPS = ("sent", "received", "started", "completed", "not_started")


@dataclass(frozen=True)
class MonthCounts:
    offer_slug: str
    offer_name: str
    month: dt.date  # the first day of the month
    sent: int
    received: int
    started: int
    completed: int
    not_started: int


def step_moments(row: dict) -> dict[str, dt.datetime | None]:
    """When each counted step happened for one referral (None: not (yet) happened)."""
    closed_at = row["closed_at"]
    return {
        "sent": row["sent_at"],
        "received": row["received_at"],
        "started": row["started_at"],
        "completed": closed_at if row["state"] == State.COMPLETED else None,
        "not_started": closed_at if row["state"] == State.NOT_STARTED else None,
    }


def month_of(moment: dt.datetime) -> dt.date:
    return workdays.local_date(moment).replace(day=1)


def counts(referrals: QuerySet) -> list[MonthCounts]:
    """The counts per offer and month for `referrals`, ordered by offer and month."""
    rows = referrals.order_by().values(
        "offer__slug", "offer__name", "state", "sent_at", "received_at", "started_at", "closed_at"
    )
    tally: dict[tuple[str, str, dt.date], Counter] = {}
    for row in rows:
        for step, moment in step_moments(row).items():
            if moment is not None:
                key = (row["offer__slug"], row["offer__name"], month_of(moment))
                tally.setdefault(key, Counter())[step] += 1
    return [
        MonthCounts(slug, name, month, *(tally[slug, name, month][s] for s in STEPS))
        for slug, name, month in sorted(tally)
    ]


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=workdays.AMSTERDAM)


def offers_matching(area, tokens) -> Q:
    """Referrals to the offers named by slug, or by the slug of the intervention they run."""
    return Q(area=area) & (Q(offer__slug__in=tokens) | Q(offer__intervention__slug__in=tokens))


def started_between(referrals: QuerySet, start: dt.date, end: dt.date) -> int | None:
    """Referrals that started from `start` to `end` (inclusive, Amsterdam dates).

    None when no referral had been sent by the end of the period: the route was not in use
    yet, so there is no figure (never a 0). After that a month without a start is a true 0.
    """
    until = _local_midnight(end + dt.timedelta(days=1))
    if not referrals.filter(sent_at__lt=until).exists():
        return None
    return referrals.filter(started_at__gte=_local_midnight(start), started_at__lt=until).count()
