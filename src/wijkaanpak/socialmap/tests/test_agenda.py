"""The agenda: this week's dates of published offers, per day, with filters."""

import datetime as dt

import pytest

from wijkaanpak.socialmap.services.agenda import agenda
from wijkaanpak.socialmap.tests.factories import (
    AMSTERDAM,
    EventFactory,
    NeighbourhoodFactory,
    OfferFactory,
    PlaceFactory,
    WestwijkFactory,
)

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 16)


def week(**filters):
    days = agenda(WestwijkFactory(), first=MONDAY, **filters)
    return {
        day.date.isoformat(): [
            f"{o.starts_at:%H:%M} {o.event.display_title}" for o in day.occurrences
        ]
        for day in days
        if day.occurrences
    }


def at(day: int, hour: int, rule: str = "") -> dict:
    return {
        "starts_at": dt.datetime(2026, 3, day, hour, tzinfo=AMSTERDAM),
        "recurrence_rule": rule,
    }


def test_seven_days_from_the_first_day_each_with_its_dates_in_order():
    EventFactory(offer=OfferFactory(name="Zwemles"))  # weekly, Wednesday 15:00
    EventFactory(offer=OfferFactory(name="Taalcafé"), **at(18, 10))
    EventFactory(offer=OfferFactory(name="Buurtlunch"), **at(2, 12, "FREQ=WEEKLY;BYDAY=MO,FR"))
    EventFactory(offer=OfferFactory(name="Volgende week"), **at(23, 10))
    days = agenda(WestwijkFactory(), first=MONDAY)
    assert [d.date for d in days] == [MONDAY + dt.timedelta(days=n) for n in range(7)]
    assert week() == {
        "2026-03-16": ["12:00 Buurtlunch"],
        "2026-03-18": ["10:00 Taalcafé", "15:00 Zwemles"],
        "2026-03-20": ["12:00 Buurtlunch"],
    }


def test_an_events_own_title_and_cancelled_dates():
    EventFactory(offer=OfferFactory(name="Krachtbus"), title="Krachtbus op het plein")
    EventFactory(offer=OfferFactory(name="Afgelast"), cancelled_dates=["2026-03-18"])
    assert week() == {"2026-03-18": ["15:00 Krachtbus op het plein"]}


def test_unpublished_offers_and_bad_rules_stay_out():
    EventFactory(offer=OfferFactory(name="Verborgen", is_published=False))
    EventFactory(offer=OfferFactory(name="Kapotte regel"), recurrence_rule="FREQ=WEEKLY;BYDAY=XX")
    EventFactory(offer=OfferFactory(name="Zichtbaar"))
    assert week() == {"2026-03-18": ["15:00 Zichtbaar"]}


def test_filters():
    wetering = NeighbourhoodFactory()
    lage_weide = NeighbourhoodFactory(slug="lage-weide", name="Lage Weide")
    school = PlaceFactory(neighbourhood=wetering)
    buurthuis = PlaceFactory(neighbourhood=lage_weide)
    swim = OfferFactory(name="Zwemles", themes=["leisure"])
    EventFactory(offer=swim, place=school)
    # Without a place of its own, the event is at its offer's place.
    EventFactory(
        offer=OfferFactory(name="Opvoedspreekuur", themes=["upbringing"], places=[buurthuis]),
        place=None,
        **at(18, 10),
    )
    assert week(neighbourhood=wetering) == {"2026-03-18": ["15:00 Zwemles"]}
    assert week(neighbourhood=lage_weide) == {"2026-03-18": ["10:00 Opvoedspreekuur"]}
    assert week(place=buurthuis) == {"2026-03-18": ["10:00 Opvoedspreekuur"]}
    assert week(theme="leisure") == {"2026-03-18": ["15:00 Zwemles"]}
    assert week(offer=swim) == {"2026-03-18": ["15:00 Zwemles"]}
    assert week(theme="care") == {}
