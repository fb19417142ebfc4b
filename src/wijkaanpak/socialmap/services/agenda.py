"""The agenda ("Deze week in de Westwijk"): dated occurrences of published offers, per day."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from wijkaanpak.workdays import today as amsterdam_today

from ..domain.recurrence import Occurrence, day_window, occurrences
from ..models import Event
from .search import event_at_place, event_in_neighbourhood, with_theme

WEEK = 7


@dataclass
class AgendaDay:
    date: dt.date
    occurrences: list[Occurrence] = field(default_factory=list)


def published_events(area) -> QuerySet:
    return Event.objects.filter(offer__area=area, offer__is_published=True).select_related(
        "offer", "offer__area", "place"
    )


def filter_events(events: QuerySet, *, neighbourhood=None, place=None, theme="", offer=None):
    if neighbourhood is not None:
        events = events.filter(event_in_neighbourhood(neighbourhood))
    if place is not None:
        events = events.filter(event_at_place(place))
    if theme:
        events = events.filter(with_theme(theme, via="offer__"))
    if offer is not None:
        events = events.filter(offer=offer)
    return events


def expand(events, first: dt.date, days: int) -> list[Occurrence]:
    start, end = day_window(first, days)
    found = [o for event in events for o in occurrences(event, start, end)]
    return sorted(found, key=lambda o: (o.starts_at, o.event.display_title, o.event.pk))


def agenda(
    area,
    *,
    first: dt.date | None = None,
    days: int = WEEK,
    neighbourhood=None,
    place=None,
    theme: str = "",
    offer=None,
) -> list[AgendaDay]:
    """Every day from `first` (default today) for `days` days, each with its occurrences."""
    first = first or amsterdam_today()
    events = filter_events(
        published_events(area), neighbourhood=neighbourhood, place=place, theme=theme, offer=offer
    )
    dates = [first + dt.timedelta(days=n) for n in range(days)]
    by_day = {date: AgendaDay(date) for date in dates}
    for occurrence in expand(events, first, days):
        by_day[occurrence.date].occurrences.append(occurrence)
    return list(by_day.values())


def upcoming(events, *, first: dt.date | None = None, days: int = 56, limit: int = 10):
    """The next `limit` occurrences of `events` within `days` days."""
    return expand(events, first or amsterdam_today(), days)[:limit]
