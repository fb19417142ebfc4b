"""iCalendar feeds: one VEVENT per event with its rule, exceptions and Amsterdam time zone."""

import datetime as dt

import pytest
from icalendar import Calendar

from wijkaanpak.socialmap.tests.factories import (
    AMSTERDAM,
    EventFactory,
    OfferFactory,
    PlaceFactory,
    WestwijkFactory,
)

pytestmark = pytest.mark.django_db

BASE = "/westwijk/sociale-kaart/"


def feed(client, path):
    response = client.get(BASE + path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def swim():
    place = PlaceFactory(name="Zwembad De Kulk", address="Kulk 1", postal_code="3132 AB")
    offer = OfferFactory(name="Zwemles", slug="zwemles", summary="Leer zwemmen.", places=[place])
    return EventFactory(
        offer=offer,
        place=place,
        recurrence_rule="FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959Z",
        cancelled_dates=["2026-04-01"],
    )


def test_event_feed(client, swim, settings):
    settings.SITE_URL = "https://wijdewestwijk.example"
    cal = feed(client, f"activiteit/{swim.pk}.ics")
    (event,) = cal.walk("VEVENT")
    # The UID follows the site, not the host a request happened to use.
    assert str(event["UID"]) == f"event-{swim.pk}@wijdewestwijk.example"
    assert str(event["SUMMARY"]) == "Zwemles"
    assert str(event["LOCATION"]) == "Zwembad De Kulk, Kulk 1, 3132 AB Vlaardingen"
    assert str(event["DESCRIPTION"]) == "Leer zwemmen."
    assert str(event["URL"]) == "http://testserver/westwijk/sociale-kaart/aanbod/zwemles/"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert event["RRULE"]["BYDAY"] == ["WE"]
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART") == dt.datetime(2026, 1, 7, 15, tzinfo=AMSTERDAM)
    assert event.decoded("DTEND") == dt.datetime(2026, 1, 7, 16, 30, tzinfo=AMSTERDAM)
    exdates = [d.dt for d in event["EXDATE"].dts]
    assert exdates == [dt.datetime(2026, 4, 1, 15, tzinfo=AMSTERDAM)]
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert "DTSTAMP" in event


def test_the_feed_is_the_rule_not_a_list_of_dates(client, swim):
    cal = feed(client, f"activiteit/{swim.pk}.ics")
    assert len(cal.walk("VEVENT")) == 1


def test_uid_stays_the_same(client, swim):
    first = feed(client, f"activiteit/{swim.pk}.ics").walk("VEVENT")[0]["UID"]
    swim.title = "Zwemles voor beginners"
    swim.save()
    again = feed(client, f"activiteit/{swim.pk}.ics").walk("VEVENT")[0]
    assert again["UID"] == first
    assert str(again["SUMMARY"]) == "Zwemles voor beginners"


def test_a_cancelled_one_off_is_marked_cancelled(client):
    event = EventFactory(
        recurrence_rule="",
        starts_at=dt.datetime(2026, 5, 13, 14, tzinfo=AMSTERDAM),
        cancelled_dates=["2026-05-13"],
    )
    (vevent,) = feed(client, f"activiteit/{event.pk}.ics").walk("VEVENT")
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert "RRULE" not in vevent


def test_example_data_says_so(client):
    event = EventFactory(offer=OfferFactory(is_example=True, summary="Samen koken."))
    (vevent,) = feed(client, f"activiteit/{event.pk}.ics").walk("VEVENT")
    assert "verzonnen voor de demo" in str(vevent["DESCRIPTION"])


def test_place_feed(client, swim):
    elsewhere = EventFactory(offer=OfferFactory(name="Elders"))
    # An event without a place is at its offer's place.
    placeless = EventFactory(
        offer=OfferFactory(name="Zwemdiploma", places=[swim.place]), place=None
    )
    hidden = EventFactory(
        offer=OfferFactory(name="Verborgen", is_published=False), place=swim.place
    )
    cal = feed(client, f"plek/{swim.place.slug}.ics")
    assert sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT")) == ["Zwemdiploma", "Zwemles"]
    assert str(cal["X-WR-CALNAME"]) == "Zwembad De Kulk"
    assert elsewhere and placeless and hidden


def test_theme_feed(client, swim):
    EventFactory(offer=OfferFactory(name="Opvoedspreekuur", themes=["upbringing"]))
    cal = feed(client, "thema/leisure.ics")
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Zwemles"]
    assert feed(client, "thema/care.ics").walk("VEVENT") == []


def test_an_unreadable_rule_is_left_out_of_the_feed(client, swim):
    EventFactory(offer=swim.offer, place=swim.place, recurrence_rule="FREQ=WEEKLY;BYDAY=XX")
    cal = feed(client, f"plek/{swim.place.slug}.ics")
    assert len(cal.walk("VEVENT")) == 1


@pytest.mark.parametrize(
    "path",
    [
        "activiteit/999.ics",
        "plek/bestaat-niet.ics",
        "thema/bestaat-niet.ics",
    ],
)
def test_unknown_things_are_404(client, swim, path):
    assert client.get(BASE + path).status_code == 404


def test_unpublished_and_other_areas_are_404(client, swim):
    hidden = EventFactory(offer=OfferFactory(is_published=False))
    assert client.get(f"{BASE}activiteit/{hidden.pk}.ics").status_code == 404
    WestwijkFactory(slug="holy", name="Holy")
    assert client.get(f"/holy/sociale-kaart/activiteit/{swim.pk}.ics").status_code == 404
    assert client.get(f"/nergens/sociale-kaart/activiteit/{swim.pk}.ics").status_code == 404
