"""Reach pages: public tables per intervention and per line; the staff form and its refusals."""

import datetime as dt

import pytest
import time_machine

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory, join_areas
from wijkaanpak.interventions.models import AgeBand, ReachRecord
from wijkaanpak.interventions.services.reach import record_reach

CHANGE = "interventions.change_intervention"
NOW = dt.datetime(2024, 6, 12, 10, tzinfo=dt.UTC)
PATH = "/westwijk/interventies/krachtbus/bereik/"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def june_2024():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def krachtbus(westwijk):
    return westwijk.interventions.get(slug="krachtbus")


@pytest.fixture
def coordinator(client, login_verified, westwijk):
    user = UserFactory(username="coordinator", permissions=[CHANGE])
    login_verified(client, join_areas(user, westwijk.area))
    return user


def test_reach_is_public_per_intervention_and_per_line(client, krachtbus, westwijk):
    hood = westwijk.area.neighbourhoods.order_by("name").first()
    user = UserFactory(username="invoerder", first_name="Ingrid")
    common = {"source": "presentielijst", "user": user}
    record_reach(
        krachtbus,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 3, 31),
        age_band=AgeBand.YOUTH_12_18,
        participants=17,
        neighbourhood=hood,
        activities_held=9,
        **common,
    )
    record_reach(
        krachtbus,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 3, 31),
        age_band=AgeBand.PARENTS_ADULTS,
        participants=6,
        **common,
    )
    html = client.get(PATH).content.decode()
    assert f"Bereik van {krachtbus.name}" in html
    assert ">23<" in html and ">17<" in html and ">6<" in html and ">9<" in html
    assert hood.name in html and "buurt onbekend" in html
    assert "ouders en volwassenen" in html
    assert "Ingrid" not in html and "Bereik invullen" not in html

    overview = client.get("/westwijk/bereik/").content.decode()
    assert krachtbus.name in overview and "Totaal van deze lijn" in overview
    assert ">23<" in overview and "niet ingevuld" in overview


def test_an_empty_reach_page_says_so(client, krachtbus):
    assert "nog geen bereik ingevuld" in client.get(PATH).content.decode()
    assert "nog geen bereik ingevuld" in client.get("/westwijk/bereik/").content.decode()
    assert client.get("/westwijk/interventies/bestaat-niet/bereik/").status_code == 404


def test_the_staff_form_refuses_anonymous_and_users_without_the_right(
    client, login_verified, krachtbus
):
    data = {"period_start": "2024-01-01", "period_end": "2024-01-31", "band_adults": "3"}
    data["source"] = "lijst"
    response = client.post(PATH + "nieuw/", data)
    assert response.status_code == 302 and "/accounts/" in response.url
    login_verified(client, UserFactory(username="lezer"))
    assert client.post(PATH + "nieuw/", data).status_code == 403
    assert client.get(PATH + "nieuw/").status_code == 403
    assert not ReachRecord.objects.exists()


def test_coordinator_enters_reach_for_several_age_bands_at_once(client, coordinator, krachtbus):
    hood = krachtbus.programme.area.neighbourhoods.first()
    assert client.get(PATH + "nieuw/").status_code == 200
    response = client.post(
        PATH + "nieuw/",
        {
            "period_start": "2024-04-01",
            "period_end": "2024-04-30",
            "neighbourhood": hood.pk,
            "band_12_18": "11",
            "band_adults": "4",
            "band_0_4": "",
            "activities_held": "5",
            "source": "Presentielijst april",
        },
    )
    assert response.status_code == 302 and response.url == PATH
    rows = list(
        ReachRecord.objects.order_by("age_band").values_list(
            "age_band", "participants", "activities_held", "neighbourhood", "entered_by"
        )
    )
    assert rows == [
        ("12-18", 11, 5, hood.pk, coordinator.pk),
        ("adults", 4, None, hood.pk, coordinator.pk),
    ]
    assert "Bereik invullen" in client.get(PATH).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"period_end": "2024-07-31"}, "in de toekomst"),
        ({"period_start": "2024-05-01", "period_end": "2024-04-01"}, "voor het begin"),
        ({"band_12_18": ""}, "minstens één leeftijdsgroep"),
        ({"band_12_18": "-3"}, "0 of meer"),
        ({"band_12_18": "veel"}, "heel getal"),
        ({"source": ""}, "waar het cijfer vandaan komt"),
        ({"period_start": "31-13-2024"}, "Vul een datum in"),
    ],
)
def test_bad_reach_is_explained_and_nothing_is_stored(
    client, coordinator, krachtbus, data, message
):
    values = {
        "period_start": "2024-04-01",
        "period_end": "2024-04-30",
        "band_12_18": "11",
        "source": "lijst",
        **data,
    }
    response = client.post(PATH + "nieuw/", values)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReachRecord.objects.exists()


def test_a_double_count_is_refused_as_a_whole(client, coordinator, krachtbus):
    values = {"period_start": "2024-04-01", "period_end": "2024-04-30", "source": "lijst"}
    client.post(PATH + "nieuw/", {**values, "band_12_18": "11"})
    response = client.post(PATH + "nieuw/", {**values, "band_4_12": "2", "band_12_18": "11"})
    assert response.status_code == 200
    assert "dubbel tellen" in response.content.decode()
    assert ReachRecord.objects.count() == 1  # the 4-12 row was not stored either


def test_a_neighbourhood_of_another_area_cannot_be_chosen(client, coordinator, krachtbus):
    elsewhere = NeighbourhoodFactory()
    values = {"period_start": "2024-04-01", "period_end": "2024-04-30", "source": "lijst"}
    response = client.post(
        PATH + "nieuw/", {**values, "band_12_18": "1", "neighbourhood": elsewhere.pk}
    )
    assert response.status_code == 200
    assert not ReachRecord.objects.exists()
