"""The handler's queue: open reports sorted by the next deadline that matters.

Before pickup that is the pickup date (the five-day promise); after pickup it is the
resolution date of the category. Sections: overdue, due today, due later this week
(up to and including Sunday), later.

The queue is shown a page at a time (PAGE_SIZE reports, in deadline order, so the
sections follow each other across pages): a large organisation's backlog of hundreds of
open reports costs one page of rows to show, and every report can still be reached.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, DateField, F, Q, QuerySet, When
from django.utils.translation import gettext_lazy as _

from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.domain.workflow import OPEN_STATUSES

PAGE_SIZE = 50


@dataclass
class Section:
    key: str
    title: str
    reports: list  # those on the page shown
    total: int  # in the whole queue
    first_page: int  # the page where the section starts


@dataclass
class QueuePage:
    sections: list[Section]
    number: int
    pages: int
    total: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None


def with_next_due(reports: QuerySet) -> QuerySet:
    return reports.annotate(
        next_due_on=Case(
            When(picked_up_at__isnull=True, then=F("pickup_due_on")),
            default=F("resolution_due_on"),
            output_field=DateField(),
        )
    )


def open_queue(reports: QuerySet) -> QuerySet:
    # The id last, so the order (and with it each page) is the same on every request.
    return with_next_due(reports.filter(status__in=OPEN_STATUSES)).order_by(
        "next_due_on", "received_at", "pk"
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


def page_number(raw, pages: int) -> int:
    """The page asked for; a missing or bad number is the first page, too high the last."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), pages)


def queue_page(reports: QuerySet, page=1, today: dt.date | None = None) -> QueuePage:
    """One page of the open queue, its reports in their sections, with every section's total."""
    today = today or deadlines.today()
    queue = open_queue(reports)
    week_end = end_of_week(today)
    parts = [
        ("overdue", _("Te laat"), Q(next_due_on__lt=today), lambda d: d < today),
        ("today", _("Vandaag uiterlijk"), Q(next_due_on=today), lambda d: d == today),
        (
            "this_week",
            _("Deze week"),
            Q(next_due_on__gt=today, next_due_on__lte=week_end),
            lambda d: today < d <= week_end,
        ),
        ("later", _("Later"), Q(next_due_on__gt=week_end), lambda d: d > week_end),
    ]
    totals = queue.aggregate(**{key: Count("pk", filter=where) for key, _t, where, _in in parts})
    total = sum(totals.values())
    pages = max(1, -(-total // PAGE_SIZE))
    number = page_number(page, pages)
    offset = (number - 1) * PAGE_SIZE
    shown = list(
        queue.select_related("category__parent", "neighbourhood", "organisation")[
            offset : offset + PAGE_SIZE
        ]
    )
    result, start = [], 0
    for key, title, _where, holds in parts:
        rows = [report for report in shown if holds(report.next_due_on)]
        # The queue's order puts each section after the previous one, across the pages.
        result.append(Section(key, title, rows, totals[key], start // PAGE_SIZE + 1))
        start += totals[key]
    return QueuePage(result, number, pages, total)
