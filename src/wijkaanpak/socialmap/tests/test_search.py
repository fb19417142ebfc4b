"""Finding offers: words in Dutch forms, age, theme, neighbourhood, day of the week, free."""

import datetime as dt

import pytest
from django.db import connection

from wijkaanpak.areas.tests.factories import AreaFactory, OrganisationFactory
from wijkaanpak.socialmap.domain.dutch import search_terms
from wijkaanpak.socialmap.services.search import find_offers
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

TODAY = dt.date(2026, 3, 16)  # a Monday
MONDAY, TUESDAY, WEDNESDAY = 0, 1, 2


def names(area=None, **filters):
    return sorted(o.name for o in find_offers(area or WestwijkFactory(), today=TODAY, **filters))


@pytest.fixture
def wetering():
    return NeighbourhoodFactory()


@pytest.fixture
def lage_weide():
    return NeighbourhoodFactory(slug="lage-weide", name="Lage Weide")


class TestWords:
    def test_zwemmen_finds_zwemles(self):
        OfferFactory(name="Zwemles", summary="Leer zwemmen in het zwembad.")
        OfferFactory(name="Voetbal", summary="Op het veld achter de school.")
        assert names(text="zwemmen") == ["Zwemles"]

    def test_kinderen_finds_kind(self):
        OfferFactory(name="Huiswerkklas", description="Elk kind krijgt hulp bij het huiswerk.")
        OfferFactory(name="Taalcafé", summary="Oefen Nederlands met buren.")
        assert names(text="kinderen") == ["Huiswerkklas"]

    def test_zwemles_in_the_name_is_found_by_its_own_name(self):
        OfferFactory(name="Zwemles", summary="Een diploma halen.")
        assert names(text="Zwemles") == ["Zwemles"]
        assert names(text="taalcafés") == []

    def test_every_word_must_match(self):
        OfferFactory(name="Zwemles", summary="Voor kinderen van 6 tot 12.")
        OfferFactory(name="Zwemmen voor ouderen", summary="Rustig baantjes trekken.")
        assert names(text="zwemmen kinderen") == ["Zwemles"]
        assert names(text="zwemmen") == ["Zwemles", "Zwemmen voor ouderen"]

    def test_accents_do_not_matter(self):
        OfferFactory(name="Taalcafé", summary="Samen Nederlands praten.")
        assert names(text="taalcafe") == ["Taalcafé"]
        assert names(text="TAALCAFÉS") == ["Taalcafé"]

    def test_organisation_name_counts(self):
        OfferFactory(name="Spreekuur", organisation=OrganisationFactory(name="Buurtgezinnen"))
        assert names(text="buurtgezinnen") == ["Spreekuur"]

    def test_stop_words_only_filter_nothing(self):
        OfferFactory(name="Zwemles")
        assert names(text="voor de") == ["Zwemles"]


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (9, ["6-12", "tot 10", "vanaf 8"]),
        (3, ["tot 10"]),
        (18, ["vanaf 18", "vanaf 8"]),
        (6, ["6-12", "tot 10"]),  # the ends are included
        (12, ["6-12", "vanaf 8"]),
        (0, ["tot 10"]),
    ],
)
def test_age(age, expected):
    OfferFactory(name="6-12", age_min=6, age_max=12)
    OfferFactory(name="vanaf 8", age_min=8)
    OfferFactory(name="tot 10", age_max=10)
    OfferFactory(name="vanaf 18", age_min=18)
    OfferFactory(name="onbekend")  # no age range: left out when an age is asked for
    assert names(age=age) == expected


def test_without_an_age_every_offer_counts():
    OfferFactory(name="onbekend")
    OfferFactory(name="vanaf 18", age_min=18)
    assert names() == ["onbekend", "vanaf 18"]


def test_theme():
    OfferFactory(name="Huiswerkklas", themes=["education", "leisure"])
    OfferFactory(name="Sport", themes=["leisure"])
    OfferFactory(name="Geen thema", themes=[])
    assert names(theme="education") == ["Huiswerkklas"]
    assert names(theme="leisure") == ["Huiswerkklas", "Sport"]
    assert names(theme="care") == []


class TestNeighbourhood:
    def test_by_the_offers_place_or_an_events_place(self, wetering, lage_weide):
        in_wetering = PlaceFactory(neighbourhood=wetering)
        in_lage_weide = PlaceFactory(neighbourhood=lage_weide)
        OfferFactory(name="Op de plek", places=[in_wetering])
        EventFactory(offer=OfferFactory(name="Activiteit daar"), place=in_wetering)
        both = OfferFactory(name="Allebei", places=[in_wetering, in_lage_weide])
        EventFactory(offer=both, place=in_wetering)
        EventFactory(offer=both, place=in_wetering)
        OfferFactory(name="Elders", places=[in_lage_weide])
        OfferFactory(name="Nergens")
        assert names(neighbourhood=wetering) == ["Activiteit daar", "Allebei", "Op de plek"]
        assert names(neighbourhood=lage_weide) == ["Allebei", "Elders"]


class TestWeekday:
    def test_an_event_on_that_day(self):
        EventFactory(offer=OfferFactory(name="Woensdag"))  # weekly on Wednesday
        EventFactory(
            offer=OfferFactory(name="Dinsdag"),
            starts_at=dt.datetime(2026, 1, 6, 10, tzinfo=AMSTERDAM),
            recurrence_rule="FREQ=WEEKLY;BYDAY=TU",
        )
        assert names(weekday=WEDNESDAY) == ["Woensdag"]
        assert names(weekday=TUESDAY) == ["Dinsdag"]
        assert names(weekday=MONDAY) == []

    def test_only_events_in_the_coming_weeks_count(self):
        EventFactory(offer=OfferFactory(name="Afgelopen"), recurrence_rule="FREQ=WEEKLY;COUNT=3")
        EventFactory(
            offer=OfferFactory(name="Over drie weken"),
            starts_at=dt.datetime(2026, 4, 8, 15, tzinfo=AMSTERDAM),
            recurrence_rule="",
        )
        EventFactory(
            offer=OfferFactory(name="Na de zomer"),
            starts_at=dt.datetime(2026, 9, 9, 15, tzinfo=AMSTERDAM),
            recurrence_rule="",
        )
        assert names(weekday=WEDNESDAY) == ["Over drie weken"]

    def test_opening_hours_count_only_for_an_offer_without_events(self, wetering):
        place = PlaceFactory(neighbourhood=wetering)
        OpeningHoursFactory(place=place, weekday=MONDAY)
        OfferFactory(name="Inloop", places=[place])
        with_event = OfferFactory(name="Woensdagclub", places=[place])
        EventFactory(offer=with_event, place=place)
        assert names(weekday=MONDAY) == ["Inloop"]
        assert names(weekday=WEDNESDAY) == ["Woensdagclub"]

    def test_with_a_neighbourhood_only_that_neighbourhoods_dates_count(self, wetering, lage_weide):
        offer = OfferFactory(name="Twee plekken")
        EventFactory(offer=offer, place=PlaceFactory(neighbourhood=lage_weide))  # Wednesday
        EventFactory(
            offer=offer,
            place=PlaceFactory(neighbourhood=wetering),
            starts_at=dt.datetime(2026, 1, 5, 15, tzinfo=AMSTERDAM),
            recurrence_rule="FREQ=WEEKLY;BYDAY=MO",
        )
        assert names(weekday=WEDNESDAY, neighbourhood=wetering) == []
        assert names(weekday=MONDAY, neighbourhood=wetering) == ["Twee plekken"]
        assert names(weekday=WEDNESDAY, neighbourhood=lage_weide) == ["Twee plekken"]

    def test_a_cancelled_date_does_not_make_a_day(self):
        EventFactory(
            offer=OfferFactory(name="Eenmalig afgelast"),
            starts_at=dt.datetime(2026, 3, 18, 15, tzinfo=AMSTERDAM),
            recurrence_rule="",
            cancelled_dates=["2026-03-18"],
        )
        assert names(weekday=WEDNESDAY) == []


def test_free_only():
    OfferFactory(name="Gratis", is_free=True)
    OfferFactory(name="Betaald", is_free=False, costs="€ 5")
    OfferFactory(name="Onbekend", is_free=None)
    assert names(free_only=True) == ["Gratis"]
    assert names(free_only=False) == ["Betaald", "Gratis", "Onbekend"]


def test_only_published_offers_of_the_area():
    OfferFactory(name="Zichtbaar")
    OfferFactory(name="Verborgen", is_published=False)
    other = AreaFactory(slug="holy")
    OfferFactory(name="Andere wijk", area=other)
    assert names() == ["Zichtbaar"]
    assert names(area=other) == ["Andere wijk"]
    assert names(text="verborgen") == []


def test_all_filters_together(wetering):
    place = PlaceFactory(neighbourhood=wetering)
    match = OfferFactory(name="Zwemles", age_min=6, age_max=12, themes=["leisure"], places=[place])
    EventFactory(offer=match, place=place)
    wrong_age = OfferFactory(name="Zwemles volwassenen", age_min=18, places=[place])
    EventFactory(offer=wrong_age, place=place)
    assert names(
        text="zwemmen",
        age=9,
        theme="leisure",
        neighbourhood=wetering,
        weekday=WEDNESDAY,
        free_only=True,
    ) == ["Zwemles"]


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's Dutch text search"
)


@postgresql_only
def test_postgresql_ranks_a_name_above_a_description():
    OfferFactory(name="Buurtmoestuin", description="Ook zwemmen kan in de zomer.")
    OfferFactory(name="Zwemles", description="In het zwembad.")
    assert [o.name for o in find_offers(WestwijkFactory(), text="zwemmen")] == [
        "Zwemles",
        "Buurtmoestuin",
    ]


DUTCH_WORDS = """
zwemmen zwemles kinderen kind activiteiten taalcafés taalcafé opvoeding ouders dansen meisjes
huisje boompje kaartje baby's lessen gezondheid voorlezen sporten jongeren peuters knutselen
huiswerkbegeleiding taal spreekuur inloop koffieochtend peuterspeelzaal jeugdverpleegkundige
schoolmaatschappelijk vriendelijke bijzondere mantelzorgers ontmoetingen fietsles maaltijden
""".split()  # noqa: SIM905 - a word list reads best as text


@postgresql_only
def test_postgresql_finds_every_word_by_its_own_search_terms():
    """A word's prefixes must start the Dutch stem PostgreSQL keeps for that same word."""
    missed = []
    with connection.cursor() as cursor:
        for word in DUTCH_WORDS:
            cursor.execute("SELECT tsvector_to_array(to_tsvector('dutch', %s))", [word])
            stems = cursor.fetchone()[0]
            prefixes = search_terms(word)[0]
            if not any(stem.startswith(p) for stem in stems for p in prefixes):
                missed.append((word, stems, prefixes))
    assert missed == []
