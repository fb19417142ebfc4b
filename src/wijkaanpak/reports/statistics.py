"""How many reports, and the share picked up within 5 working days: the counting rule.

The rule (the overview page says the same in plain Dutch):

- A report counts in the month it was received (the date in Amsterdam).
- Cancelled reports and duplicates do not count at all: not in the number of reports and
  not in the share.
- A report is on time when it was picked up on or before its pickup date (5 working days
  after receipt, Dutch public holidays excluded; see domain/deadlines.py). A report that a
  handler resolved without a separate pickup counts as picked up on the day it was resolved.
- A report that was not picked up and whose pickup date has passed is late.
- A report that was not picked up and whose pickup date has not passed yet (today included)
  is "not yet known": it counts in the number of reports, but not in the share.
- The share is on time / (on time + late), as a percentage with one decimal. When there is
  nothing to count, the share is unknown (None), never 0%.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.models import Report, Status

NOT_COUNTED_STATUSES = frozenset({Status.CANCELLED, Status.DUPLICATE})
ONE_DECIMAL = Decimal("0.1")


class Outcome(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    NOT_YET_KNOWN = "not_yet_known"
    NOT_COUNTED = "not_counted"


@dataclass(frozen=True)
class ReportFacts:
    """What the rule needs of one report; no personal data."""

    received_on: dt.date
    pickup_due_on: dt.date
    picked_up_on: dt.date | None
    status: str
    neighbourhood: str = ""
    category: str = ""


def pickup_outcome(facts: ReportFacts, today: dt.date) -> Outcome:
    if facts.status in NOT_COUNTED_STATUSES:
        return Outcome.NOT_COUNTED
    if facts.picked_up_on is not None:
        return Outcome.ON_TIME if facts.picked_up_on <= facts.pickup_due_on else Outcome.LATE
    return Outcome.LATE if today > facts.pickup_due_on else Outcome.NOT_YET_KNOWN


@dataclass(frozen=True)
class Share:
    on_time: int = 0
    late: int = 0
    not_yet_known: int = 0

    @property
    def reports(self) -> int:
        """The number of reports that count (cancelled and duplicates left out)."""
        return self.on_time + self.late + self.not_yet_known

    @property
    def counted(self) -> int:
        return self.on_time + self.late

    @property
    def percentage(self) -> Decimal | None:
        if not self.counted:
            return None
        value = Decimal(self.on_time * 100) / Decimal(self.counted)
        return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def share(facts: Iterable[ReportFacts], today: dt.date) -> Share:
    counts = {Outcome.ON_TIME: 0, Outcome.LATE: 0, Outcome.NOT_YET_KNOWN: 0}
    for item in facts:
        outcome = pickup_outcome(item, today)
        if outcome in counts:
            counts[outcome] += 1
    return Share(counts[Outcome.ON_TIME], counts[Outcome.LATE], counts[Outcome.NOT_YET_KNOWN])


def month_starts(today: dt.date, months: int = 12) -> list[dt.date]:
    """The first days of the last `months` calendar months, oldest first, this month last."""
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def by_month(
    facts: Iterable[ReportFacts], today: dt.date, months: list[dt.date]
) -> list[tuple[dt.date, Share]]:
    """One row per month in `months` (first days), also for a month without reports."""
    grouped: dict[dt.date, list[ReportFacts]] = defaultdict(list)
    for item in facts:
        grouped[item.received_on.replace(day=1)].append(item)
    return [(month, share(grouped.get(month, []), today)) for month in months]


def by_group(
    facts: Iterable[ReportFacts], today: dt.date, key: Callable[[ReportFacts], str]
) -> list[tuple[str, Share]]:
    """One row per group that has reports that count, sorted by name."""
    grouped: dict[str, list[ReportFacts]] = defaultdict(list)
    for item in facts:
        grouped[key(item)].append(item)
    rows = [(name, share(items, today)) for name, items in grouped.items()]
    return sorted((row for row in rows if row[1].reports), key=lambda row: row[0].casefold())


def _picked_up_on(row: dict) -> dt.date | None:
    if row["picked_up_at"] is not None:
        return deadlines.local_date(row["picked_up_at"])
    if row["status"] == Status.RESOLVED and row["closed_at"] is not None:
        return deadlines.local_date(row["closed_at"])
    return None


def report_facts(reports) -> list[ReportFacts]:
    """ReportFacts for a queryset of reports, in one query."""
    rows = reports.values(
        "received_at",
        "pickup_due_on",
        "picked_up_at",
        "closed_at",
        "status",
        "neighbourhood__name",
        "category__name",
        "category__parent__name",
    )
    return [
        ReportFacts(
            received_on=deadlines.local_date(row["received_at"]),
            pickup_due_on=row["pickup_due_on"],
            picked_up_on=_picked_up_on(row),
            status=row["status"],
            neighbourhood=row["neighbourhood__name"],
            # The main category: sub-categories would make groups too small to say much.
            category=row["category__parent__name"] or row["category__name"],
        )
        for row in rows
    ]


def received_between(reports, first: dt.date, last: dt.date):
    """Reports received from `first` up to and including `last`, dates in Amsterdam."""
    start = dt.datetime.combine(first, dt.time.min, tzinfo=deadlines.AMSTERDAM)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=deadlines.AMSTERDAM)
    return reports.filter(received_at__gte=start, received_at__lt=end)


@dataclass(frozen=True)
class Overview:
    months: list[tuple[dt.date, Share]]
    categories: list[tuple[str, Share]]
    neighbourhoods: list[tuple[str, Share]]
    total: Share
    first: dt.date
    last: dt.date


def area_overview(area, today: dt.date, *, neighbourhood=None, months: int = 12) -> Overview:
    """The public overview of an area (or one of its neighbourhoods) over the last months."""
    starts = month_starts(today, months)
    reports = Report.objects.filter(area=area)
    if neighbourhood is not None:
        reports = reports.filter(neighbourhood=neighbourhood)
    facts = report_facts(received_between(reports, starts[0], today))
    return Overview(
        months=by_month(facts, today, starts),
        categories=by_group(facts, today, lambda f: f.category),
        neighbourhoods=by_group(facts, today, lambda f: f.neighbourhood),
        total=share(facts, today),
        first=starts[0],
        last=today,
    )
