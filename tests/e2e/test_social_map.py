"""A parent finds an activity on the social map in chromium and subscribes to its calendar.

"Activities for my 9-year-old on Wednesday in Wetering": the search form works without
JavaScript, shows only what fits, and the iCal link gives a feed with the weekly rule.
The search, offer and agenda pages pass axe-core (WCAG 2.1 A/AA); the flyer prints on one A4.
"""

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from wijkaanpak.areas.models import Neighbourhood
from wijkaanpak.socialmap.tests.factories import (
    AMSTERDAM,
    EventFactory,
    OfferFactory,
    OpeningHoursFactory,
    PlaceFactory,
)

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SEARCH = "/westwijk/sociale-kaart/"
TUESDAY = {"starts_at": dt.datetime(2026, 1, 6, 15, tzinfo=AMSTERDAM)}


@pytest.fixture
def social_map(loaded):
    wetering = Neighbourhood.objects.get(area__slug="westwijk", slug="wetering")
    lage_weide = Neighbourhood.objects.get(area__slug="westwijk", slug="lage-weide")
    buurthuis = PlaceFactory(
        name="Buurthuis De Wetering", address="Weteringstraat 12", neighbourhood=wetering
    )
    OpeningHoursFactory(place=buurthuis)
    elsewhere = PlaceFactory(name="Speeltuin Lage Weide", neighbourhood=lage_weide)

    def offer(name, place, *, ages, **event):
        created = OfferFactory(
            name=name,
            summary=f"{name} voor kinderen uit de buurt.",
            age_min=ages[0],
            age_max=ages[1],
            places=[place],
        )
        EventFactory(offer=created, place=place, **event)
        return created

    offer("Knutselclub", buurthuis, ages=(6, 12))  # weekly on Wednesday
    offer(
        "Sportinstuif", buurthuis, ages=(6, 12), recurrence_rule="FREQ=WEEKLY;BYDAY=TU", **TUESDAY
    )
    offer("Peuterochtend", buurthuis, ages=(0, 4))
    offer("Buitenspelen", elsewhere, ages=(6, 12))
    return loaded


def test_a_parent_finds_an_activity_and_subscribes(page, social_map):
    page.goto(social_map.url + SEARCH)
    assert axe_violations(page) == []

    page.get_by_label("Leeftijd").fill("9")
    page.get_by_label("Dag").select_option(label="Woensdag")
    page.get_by_label("Buurt").select_option(label="Wetering")
    page.get_by_role("button", name="Zoeken").click()

    assert "leeftijd=9" in page.url and "dag=2" in page.url and "buurt=wetering" in page.url
    results = page.get_by_role("region", name="Gevonden aanbod").inner_text()
    assert "1 resultaat gevonden." in results
    assert "Knutselclub" in results
    for other in ["Sportinstuif", "Peuterochtend", "Buitenspelen"]:  # day, age, neighbourhood
        assert other not in results
    assert axe_violations(page) == []

    page.get_by_role("link", name="Knutselclub").click()
    assert page.locator("h1").inner_text() == "Knutselclub"
    main = page.locator("main").inner_text()
    assert "Elke woensdag, 15:00 tot 16:30, in Buurthuis De Wetering." in main
    assert "Weteringstraat 12" in main
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Zet Knutselclub in uw agenda (iCal)").click()
    feed = Calendar.from_ical(Path(download.value.path()).read_bytes())
    (event,) = feed.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Knutselclub"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert event["RRULE"]["BYDAY"] == ["WE"]
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert "Buurthuis De Wetering" in str(event["LOCATION"])


def test_the_agenda_shows_this_week(page, social_map):
    page.goto(social_map.url + SEARCH + "agenda/")
    assert page.locator("h1").inner_text() == "Deze week in de Westwijk"
    main = page.locator("main").inner_text()
    for name in ["Knutselclub", "Sportinstuif", "Peuterochtend", "Buitenspelen"]:
        assert name in main
    assert axe_violations(page) == []

    page.get_by_label("Buurt").select_option(label="Lage Weide")
    page.get_by_role("button", name="Toon").click()
    main = page.locator("main").inner_text()
    assert "Buitenspelen" in main and "Knutselclub" not in main
    assert axe_violations(page) == []


def test_a_wrong_age_gets_a_dutch_error(page, social_map):
    page.goto(social_map.url + SEARCH + "?leeftijd=abc")
    alert = page.get_by_role("alert").inner_text()
    assert "Vul bij leeftijd een heel getal in, bijvoorbeeld 9." in alert
    assert axe_violations(page) == []


def test_a_full_flyer_prints_on_one_a4(page, social_map):
    wetering = Neighbourhood.objects.get(area__slug="westwijk", slug="wetering")
    place = PlaceFactory(name="Kindcentrum Wetering", neighbourhood=wetering)
    long_summary = (
        "Samen spelen, leren en ontmoeten in de buurt, met vrijwilligers uit de wijk. " * 2
    )
    for n in range(14):
        offer = OfferFactory(
            name=f"Activiteit nummer {n}", summary=long_summary[:200], places=[place]
        )
        EventFactory(offer=offer, place=place, recurrence_rule="FREQ=DAILY")
    page.goto(social_map.url + SEARCH + "flyer/wetering/")
    assert "En meer: kijk op de website." in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
