"""Finding offers on the social map: by words, age, theme, neighbourhood, day and costs.

The rules, as a resident would expect them:

- Only published offers of the area.
- Age: the offer's age range contains the age; an open end counts as open. An offer
  without any age range is left out when an age is given (the same rule as for
  interventions): whether it fits is unknown, and a parent of a 9-year-old should not get
  an offer that turns out to be for adults.
- Theme: the offer has that theme.
- Neighbourhood: one of the offer's places, or the place of one of its events, is in it.
- Day of the week (0 = Monday): an offer with events matches when one of them happens on
  that day within the coming `WEEKDAY_HORIZON_DAYS`. A building's opening hours say nothing
  about when an activity is, so they count only for an offer without any events (a
  walk-in desk): then one of its places must be open that day. With a neighbourhood given,
  only events and places in that neighbourhood count.
- Free only: `is_free` is True; unknown costs are not free.
- Words: every meaningful word must match (any of its prefixes, see domain.dutch) in the
  name, summary, description or organisation name. PostgreSQL matches the prefixes against
  its Dutch stems and ranks the results; SQLite looks for the prefixes as plain text.
"""

import datetime as dt

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

from wijkaanpak.interventions.services.search import covers_age
from wijkaanpak.workdays import today as amsterdam_today

from ..domain.dutch import search_terms
from ..domain.recurrence import day_window, occurrences
from ..models import Event, Offer, OpeningHours

# Long enough for an activity once a month.
WEEKDAY_HORIZON_DAYS = 56
TEXT_FIELDS = ("name", "summary", "description", "organisation__name")


def published_offers(area) -> QuerySet:
    return Offer.objects.filter(area=area, is_published=True)


def with_theme(theme: str, via: str = "") -> Q:
    """Offers (or, with `via="offer__"`, events of offers) with the theme code `theme`."""
    # The themes are a JSON list of codes; matching the quoted code in its text works on
    # SQLite and PostgreSQL alike, and codes never contain quotes.
    return Q(**{f"{via}themes__icontains": f'"{theme}"'})


def offer_in_neighbourhood(neighbourhood) -> Q:
    near = Offer.objects.filter(
        Q(places__neighbourhood=neighbourhood) | Q(events__place__neighbourhood=neighbourhood)
    )
    return Q(pk__in=near.values("pk"))


def offer_at_place(place) -> Q:
    at = Offer.objects.filter(Q(places=place) | Q(events__place=place))
    return Q(pk__in=at.values("pk"))


def event_in_neighbourhood(neighbourhood) -> Q:
    """At a place in the neighbourhood; an event without a place is at its offer's places."""
    near = Event.objects.filter(
        Q(place__neighbourhood=neighbourhood)
        | Q(place__isnull=True, offer__places__neighbourhood=neighbourhood)
    )
    return Q(pk__in=near.values("pk"))


def event_at_place(place) -> Q:
    at = Event.objects.filter(Q(place=place) | Q(place__isnull=True, offer__places=place))
    return Q(pk__in=at.values("pk"))


def offers_on_weekday(offers: QuerySet, weekday: int, *, today: dt.date, neighbourhood=None):
    """The pks of `offers` that happen on `weekday` (see the module's rules)."""
    events = Event.objects.filter(offer__in=offers)
    if neighbourhood is not None:
        events = events.filter(event_in_neighbourhood(neighbourhood))
    start, end = day_window(today, WEEKDAY_HORIZON_DAYS)
    pks = {
        event.offer_id
        for event in events
        if any(o.starts_at.weekday() == weekday for o in occurrences(event, start, end))
    }
    open_hours = OpeningHours.objects.filter(weekday=weekday)
    if neighbourhood is not None:
        open_hours = open_hours.filter(place__neighbourhood=neighbourhood)
    walk_in = offers.filter(events__isnull=True, places__in=open_hours.values("place"))
    return pks | set(walk_in.values_list("pk", flat=True))


def _tsquery(terms: list[list[str]]) -> str:
    # search_terms gives only [a-z0-9] prefixes, so nothing here can break the query syntax.
    return " & ".join("(" + " | ".join(f"{p}:*" for p in prefixes) + ")" for prefixes in terms)


def matching_text(offers: QuerySet, text: str) -> QuerySet:
    terms = search_terms(text)
    if not terms:
        return offers
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("name", weight="A", config="dutch")
            + SearchVector("summary", weight="B", config="dutch")
            + SearchVector("description", "organisation__name", weight="C", config="dutch")
        )
        query = SearchQuery(_tsquery(terms), search_type="raw", config="simple")
        return (
            offers.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)
            .order_by("-rank", "name")
        )
    for prefixes in terms:
        word = Q()
        for prefix in prefixes:
            for field in TEXT_FIELDS:
                word |= Q(**{f"{field}__icontains": prefix})
        offers = offers.filter(word)
    return offers


def find_offers(
    area,
    *,
    text: str = "",
    age: int | None = None,
    theme: str = "",
    neighbourhood=None,
    weekday: int | None = None,
    free_only: bool = False,
    today: dt.date | None = None,
) -> QuerySet:
    offers = published_offers(area)
    if age is not None:
        offers = offers.filter(covers_age(age))
    if theme:
        offers = offers.filter(with_theme(theme))
    if neighbourhood is not None:
        offers = offers.filter(offer_in_neighbourhood(neighbourhood))
    if free_only:
        offers = offers.filter(is_free=True)
    if weekday is not None:
        on_day = offers_on_weekday(
            offers, weekday, today=today or amsterdam_today(), neighbourhood=neighbourhood
        )
        offers = offers.filter(pk__in=on_day)
    return matching_text(offers.select_related("organisation"), text)
