"""The handler's queue: open reports sorted by the next deadline that matters.

Before pickup that is the pickup date (the five-day promise); after pickup it is the
resolution date of the category. Sections: overdue, due today, due later this week
(up to and including Sunday), later.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, DateField, F, Q, QuerySet, When
from django.utils.translation import gettext_lazy as _

from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.domain.workflow import OPEN_STATUSES

SECTION_LIMIT = 200


@dataclass
class Section:
    key: str
    title: str
    reports: list
    total: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.reports)


def with_next_due(reports: QuerySet) -> QuerySet:
    return reports.annotate(
        next_due_on=Case(
            When(picked_up_at__isnull=True, then=F("pickup_due_on")),
            default=F("resolution_due_on"),
            output_field=DateField(),
        )
    )


def open_queue(reports: QuerySet) -> QuerySet:
    return with_next_due(reports.filter(status__in=OPEN_STATUSES)).order_by(
        "next_due_on", "received_at"
    )


def filter_queue(reports: QuerySet, *, neighbourhood=None, category=None, organisation=None):
    if neighbourhood is not None:
        reports = reports.filter(neighbourhood=neighbourhood)
    if category is not None:
        # A main category includes its sub-categories.
        reports = reports.filter(Q(category=category) | Q(category__parent=category))
    if organisation is not None:
        reports = reports.filter(organisation=organisation)
    return reports


def end_of_week(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=6 - day.weekday())


def sections(reports: QuerySet, today: dt.date | None = None) -> list[Section]:
    today = today or deadlines.today()
    queue = open_queue(reports)
    week_end = end_of_week(today)
    parts = [
        ("overdue", _("Te laat"), queue.filter(next_due_on__lt=today)),
        ("today", _("Vandaag uiterlijk"), queue.filter(next_due_on=today)),
        (
            "this_week",
            _("Deze week"),
            queue.filter(next_due_on__gt=today, next_due_on__lte=week_end),
        ),
        ("later", _("Later"), queue.filter(next_due_on__gt=week_end)),
    ]
    result = []
    for key, title, part in parts:
        part = part.select_related("category", "neighbourhood", "organisation")
        shown = list(part[:SECTION_LIMIT])
        total = len(shown) if len(shown) < SECTION_LIMIT else part.count()
        result.append(Section(key, title, shown, total))
    return result
