"""Public pages of the social map: content, 404s, hidden offers, bad input."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkaanpak.areas.tests.factories import OrganisationFactory
from wijkaanpak.socialmap.tests.factories import (
    AMSTERDAM,
    EventFactory,
    NeighbourhoodFactory,
    OfferFactory,
    OpeningHoursFactory,
    PlaceFactory,
    WestwijkFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def monday_morning():
    """Monday 16 March 2026; the factories' weekly event is on Wednesdays at 15:00."""
    with time_machine.travel(dt.datetime(2026, 3, 16, 9, tzinfo=AMSTERDAM), tick=False):
        yield


BASE = "/westwijk/sociale-kaart/"


@pytest.fixture
def swim():
    wetering = NeighbourhoodFactory()
    place = PlaceFactory(
        name="IKC De Wereldwijzer",
        slug="ikc-de-wereldwijzer",
        address="Wetering 1",
        neighbourhood=wetering,
    )
    OpeningHoursFactory(place=place)
    offer = OfferFactory(
        name="Zwemles",
        slug="zwemles",
        summary="Leer zwemmen in het zwembad.",
        description="Voor elk kind dat nog geen diploma heeft.",
        age_min=6,
        age_max=12,
        is_free=None,
        how_to_join="Meld u aan bij de balie.",
        phone="010 123 45 67",
        organisation=OrganisationFactory(name="Vlaardingen in Beweging"),
        places=[place],
    )
    EventFactory(offer=offer, place=place)
    return offer


def text(response):
    return response.content.decode()


class TestSearch:
    def test_lists_every_published_offer(self, client, swim):
        OfferFactory(name="Geheim", is_published=False)
        response = client.get(BASE)
        assert response.status_code == 200
        page = text(response)
        assert "Sociale kaart van de Westwijk" in page
        assert "Zwemles" in page and "Geheim" not in page
        assert "1 resultaat gevonden." in page
        assert "6 tot en met 12 jaar" in page
        assert "Onbekend" in page  # the costs
        assert reverse("socialmap:flyer", args=["westwijk", "wetering"]) in page

    def test_filters(self, client, swim):
        OfferFactory(name="Voor volwassenen", age_min=18)
        found = text(
            client.get(BASE, {"zoek": "zwemmen", "leeftijd": "9", "dag": "2", "buurt": "wetering"})
        )
        assert "Zwemles" in found and "Voor volwassenen" not in found
        assert "Zwemles" not in text(client.get(BASE, {"dag": "1"}))
        assert "Zwemles" not in text(client.get(BASE, {"gratis": "on"}))
        assert "0 resultaten gevonden." in text(client.get(BASE, {"thema": "care"}))

    @pytest.mark.parametrize(
        ("query", "error"),
        [
            ({"leeftijd": "abc"}, "Vul bij leeftijd een heel getal in, bijvoorbeeld 9."),
            ({"leeftijd": "-1"}, "Vul bij leeftijd een getal in van 0 of meer."),
            ({"leeftijd": "200"}, "Vul bij leeftijd een getal in tot en met 120."),
            ({"thema": "ruimtevaart"}, "Kies bij thema een thema uit de lijst."),
            ({"buurt": "atlantis"}, "Kies bij buurt een buurt uit de lijst."),
            ({"dag": "9"}, "Kies bij dag een dag uit de lijst."),
            ({"dag": "woensdag"}, "Kies bij dag een dag uit de lijst."),
            ({"zoek": "zwem " * 100}, "minder woorden"),
        ],
    )
    def test_bad_input_shows_a_dutch_error_and_keeps_the_input(self, client, swim, query, error):
        response = client.get(BASE, {**query, "zoek": query.get("zoek", "zwemmen")})
        assert response.status_code == 200
        page = text(response)
        assert error in page
        assert "Controleer uw keuze" in page
        assert 'value="zwem' in page  # what was typed stays
        assert "Pas eerst uw keuze aan." in page

    def test_more_offers_take_no_more_queries(self, client, swim, django_assert_num_queries):
        with CaptureQueriesContext(connection) as one:
            client.get(BASE, {"zoek": "zwemmen", "dag": "2"})
        for n in range(5):
            offer = OfferFactory(name=f"Zwemles {n}", places=swim.places.all())
            EventFactory(offer=offer)
        with django_assert_num_queries(len(one)):
            response = client.get(BASE, {"zoek": "zwemmen", "dag": "2"})
        assert "6 resultaten gevonden." in text(response)

    def test_unknown_area(self, client):
        assert client.get("/nergens/sociale-kaart/").status_code == 404


class TestOffer:
    def test_everything_a_parent_needs(self, client, swim):
        response = client.get(swim.get_absolute_url())
        assert response.status_code == 200
        page = text(response)
        for part in [
            '<h1 class="utrecht-heading-1">Zwemles</h1>',
            "Leer zwemmen in het zwembad.",
            "Voor elk kind dat nog geen diploma heeft.",
            "6 tot en met 12 jaar",
            "Vrije tijd",
            "Onbekend",  # costs
            "Meld u aan bij de balie.",
            "010 123 45 67",
            "Vlaardingen in Beweging",
            "IKC De Wereldwijzer",
            "Wetering 1",
            "Woensdag: 09:00 tot 17:00",
            "Elke woensdag, 15:00 tot 16:30",
            "woensdag 18 maart",  # the next date
            "Zet Zwemles in uw agenda (iCal)",
            reverse("socialmap:event-ical", args=["westwijk", swim.events.get().pk]),
        ]:
            assert part in page, part
        assert "Voorbeeldgegevens" not in page

    def test_missing_data_reads_as_unknown(self, client):
        offer = OfferFactory(slug="kaal", is_free=None)
        page = text(client.get(offer.get_absolute_url()))
        assert "Leeftijd onbekend" in page
        assert "Contactgegevens: onbekend." in page
        assert "De plek is onbekend." in page
        assert "Er zijn geen vaste data." in page

    def test_example_data_says_so(self, client):
        offer = OfferFactory(slug="voorbeeld", is_example=True)
        page = text(client.get(offer.get_absolute_url()))
        assert "Voorbeeldgegevens: deze tijden en plekken zijn verzonnen voor de demo." in page

    def test_unpublished_unknown_and_other_area_are_404(self, client, swim):
        hidden = OfferFactory(slug="verborgen", is_published=False)
        assert client.get(hidden.get_absolute_url()).status_code == 404
        assert client.get(BASE + "aanbod/bestaat-niet/").status_code == 404
        WestwijkFactory(slug="holy", name="Holy")
        assert client.get("/holy/sociale-kaart/aanbod/zwemles/").status_code == 404

    def test_a_bad_rule_does_not_break_the_page(self, client, swim):
        EventFactory(offer=swim, recurrence_rule="FREQ=WEEKLY;BYDAY=XX", title="Kapot")
        response = client.get(swim.get_absolute_url())
        assert response.status_code == 200
        assert "Op vaste data" in text(response)


class TestPlace:
    def test_opening_hours_offers_and_feed(self, client, swim):
        OfferFactory(name="Geheim", is_published=False, places=[swim.places.get()])
        response = client.get(BASE + "plek/ikc-de-wereldwijzer/")
        assert response.status_code == 200
        page = text(response)
        assert "IKC De Wereldwijzer" in page
        assert "Woensdag: 09:00 tot 17:00" in page
        assert "Zwemles" in page and "Geheim" not in page
        assert reverse("socialmap:place-ical", args=["westwijk", "ikc-de-wereldwijzer"]) in page

    def test_unknown_place(self, client, swim):
        assert client.get(BASE + "plek/bestaat-niet/").status_code == 404


class TestTheme:
    def test_offers_and_feed(self, client, swim):
        OfferFactory(name="Opvoedspreekuur", themes=["upbringing"])
        page = text(client.get(BASE + "thema/leisure/"))
        assert "Aanbod over vrije tijd in de Westwijk" in page
        assert "Zwemles" in page and "Opvoedspreekuur" not in page
        assert reverse("socialmap:theme-ical", args=["westwijk", "leisure"]) in page

    def test_unknown_theme(self, client, swim):
        assert client.get(BASE + "thema/ruimtevaart/").status_code == 404


class TestAgenda:
    def test_this_week(self, client, swim):
        EventFactory(offer=OfferFactory(name="Geheim", is_published=False))
        response = client.get(BASE + "agenda/")
        assert response.status_code == 200
        page = text(response)
        assert "Deze week in de Westwijk" in page
        assert "Maandag 16 maart" in page and "Zondag 22 maart" in page
        assert "Maandag 23 maart" not in page
        assert "15:00</time> tot 16:30" in page and "Zwemles" in page
        assert "Geheim" not in page

    def test_filter_and_bad_input(self, client, swim):
        assert "Zwemles" not in text(client.get(BASE + "agenda/", {"thema": "care"}))
        assert "Zwemles" in text(client.get(BASE + "agenda/", {"buurt": "wetering"}))
        page = text(client.get(BASE + "agenda/", {"buurt": "atlantis"}))
        assert "Kies bij buurt een buurt uit de lijst." in page


class TestFlyer:
    def test_one_neighbourhood_on_one_page(self, client, swim):
        lage_weide = NeighbourhoodFactory(slug="lage-weide", name="Lage Weide")
        OfferFactory(name="Elders", places=[PlaceFactory(neighbourhood=lage_weide)])
        response = client.get(BASE + "flyer/wetering/")
        assert response.status_code == 200
        page = text(response)
        assert "Wat is er te doen in Wetering?" in page
        assert "Print deze flyer" in page
        assert "socialmap/flyer.css" in page
        assert "Zwemles" in page and "Elders" not in page
        assert "wo 18 mrt 15:00" in page
        assert "http://testserver/westwijk/sociale-kaart/" in page

    def test_a_long_list_is_cut_with_a_pointer_to_the_website(self, client):
        wetering = NeighbourhoodFactory()
        place = PlaceFactory(neighbourhood=wetering)
        for n in range(15):
            OfferFactory(name=f"Aanbod {n:02}", places=[place])
        page = text(client.get(BASE + "flyer/wetering/"))
        assert "Aanbod 11" in page and "Aanbod 12" not in page
        assert "En meer: kijk op de website." in page

    def test_unknown_neighbourhood(self, client, swim):
        assert client.get(BASE + "flyer/atlantis/").status_code == 404
