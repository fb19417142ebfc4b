"""Money pages: the public overview per year, and staff forms with their refusals."""

import datetime as dt

import pytest
import time_machine

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import join_areas
from wijkaanpak.interventions.models import LineBudget, SpendingEntry
from wijkaanpak.interventions.services.money import add_spending, set_line_budget

CHANGE = "interventions.change_intervention"
NOW = dt.datetime(2024, 6, 12, 10, tzinfo=dt.UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def june_2024():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def coordinator(client, login_verified, westwijk):
    user = UserFactory(username="coordinator", first_name="Carla", permissions=[CHANGE])
    login_verified(client, join_areas(user, westwijk.area))
    return user


@pytest.fixture
def krachtbus(westwijk):
    return westwijk.interventions.get(slug="krachtbus")


def test_money_of_this_year_is_public_in_dutch_notation(client, westwijk, krachtbus):
    assert client.get("/westwijk/geld/").url == "/westwijk/geld/2024/"
    set_line_budget(krachtbus.line, 2024, 123456)
    krachtbus.budget_cents = 1000
    krachtbus.save()
    user = UserFactory(username="boeker", first_name="Bert")
    add_spending(
        krachtbus,
        kind=SpendingEntry.Kind.SPENT,
        amount_cents=1001,
        on=dt.date(2024, 5, 1),
        note="Geheime notitie",
        user=user,
    )
    response = client.get("/westwijk/geld/2024/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "€ 1.234,56" in html
    assert "€ 10,01" in html
    assert "Meer uitgegeven dan het budget" in html
    assert "budget niet bekend" in html  # other lines have no budget: not € 0,00
    # Totals are public; who entered what, and the notes, are not.
    assert "Bert" not in html and "boeker" not in html and "Geheime notitie" not in html
    assert "Boekingen" not in html  # no staff links for the public
    assert client.get("/westwijk/geld/2023/").status_code == 200


@pytest.mark.parametrize("path", ["/westwijk/geld/1999/", "/nergens/geld/2024/", "/nergens/geld/"])
def test_unknown_year_or_area_is_404(client, westwijk, path):
    assert client.get(path).status_code == 404


def staff_paths(slug="krachtbus"):
    return [
        "/westwijk/geld/2024/lijnbudget/",
        f"/westwijk/interventies/{slug}/geld/",
        f"/westwijk/interventies/{slug}/geld/budget/",
    ]


@pytest.mark.parametrize("path", staff_paths())
def test_staff_pages_refuse_anonymous_and_users_without_the_right(
    client, login_verified, westwijk, path
):
    response = client.post(path, {"amount": "10,00"})
    assert response.status_code == 302 and "/accounts/" in response.url
    login_verified(
        client, UserFactory(username="lezer", permissions=["interventions.view_intervention"])
    )
    assert client.post(path, {"amount": "10,00"}).status_code == 403
    assert not LineBudget.objects.exists() and not SpendingEntry.objects.exists()


def test_staff_without_the_second_factor_is_sent_to_the_second_step(client, westwijk):
    client.force_login(UserFactory(username="half", permissions=[CHANGE]))
    response = client.get("/westwijk/geld/2024/lijnbudget/")
    assert response.status_code == 302 and "next=" in response.url


def test_coordinator_sets_a_line_budget(client, coordinator, westwijk):
    line = westwijk.lines.order_by("number").first()
    assert client.get("/westwijk/geld/2024/lijnbudget/").status_code == 200
    response = client.post(
        "/westwijk/geld/2024/lijnbudget/",
        {"line": line.pk, "amount": "25.000,50", "note": "Besluit stuurgroep"},
    )
    assert response.status_code == 302
    assert LineBudget.objects.get(line=line, year=2024).amount_cents == 2500050
    html = client.get(response.url).content.decode()
    assert "€ 25.000,50" in html
    assert "Budget van een lijn voor 2024 invullen" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"amount": "12.50"}, "komma voor centen"),
        ({"amount": "-5"}, "niet negatief"),
        ({"amount": ""}, "Vul het bedrag in"),
        ({"amount": "10", "line": ""}, "Kies een programmalijn"),
    ],
)
def test_a_bad_line_budget_is_explained_and_not_stored(
    client, coordinator, westwijk, data, message
):
    line = westwijk.lines.order_by("number").first()
    response = client.post("/westwijk/geld/2024/lijnbudget/", {"line": line.pk, **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LineBudget.objects.exists()


def test_coordinator_books_spending_and_a_correction(client, coordinator, krachtbus):
    path = "/westwijk/interventies/krachtbus/geld/"
    page = client.get(path).content.decode()
    assert "Een boeking toevoegen" in page
    base = {"kind": "committed", "on": "2024-06-01"}
    assert client.post(path, {**base, "amount": "1.500,00", "note": "Huur bus"}).status_code == 302
    response = client.post(path, {**base, "amount": "-250", "note": "Correctie: korting"})
    assert response.status_code == 302
    entries = list(
        krachtbus.spending.order_by("entered_at").values_list("amount_cents", "entered_by")
    )
    assert entries == [(150000, coordinator.pk), (-25000, coordinator.pk)]
    page = client.get(path).content.decode()
    assert "€ 1.250,00" in page and "€ -250,00" in page and "Carla" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"amount": "10", "on": "2024-07-01"}, "niet in de toekomst"),
        ({"amount": "10", "note": ""}, "Schrijf kort waar het geld voor is"),
        ({"amount": "0"}, "geen zin"),
        ({"amount": "-10"}, "groter dan wat er is geboekt"),
        ({"amount": "tien"}, "komma voor centen"),
        ({"amount": "10", "kind": "gift"}, "Soort boeking"),
    ],
)
def test_bad_spending_is_explained_and_not_stored(client, coordinator, krachtbus, data, message):
    values = {"kind": "spent", "on": "2024-06-01", "note": "Koffie", **data}
    response = client.post("/westwijk/interventies/krachtbus/geld/", values)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SpendingEntry.objects.exists()


def test_coordinator_sets_and_clears_an_intervention_budget(client, coordinator, krachtbus):
    path = "/westwijk/interventies/krachtbus/geld/budget/"
    assert client.post(path, {"amount": "2.000"}).status_code == 302
    krachtbus.refresh_from_db()
    assert krachtbus.budget_cents == 200000
    assert "2.000,00" in client.get("/westwijk/interventies/krachtbus/geld/").content.decode()
    assert client.post(path, {"amount": ""}).status_code == 302
    krachtbus.refresh_from_db()
    assert krachtbus.budget_cents is None  # unknown, not 0
    response = client.post(path, {"amount": "-1"})
    assert response.status_code == 200 and "niet negatief" in response.content.decode()
    assert client.get(path).status_code == 405


def test_an_intervention_of_another_area_or_unknown_is_404(client, coordinator, westwijk):
    assert client.get("/westwijk/interventies/bestaat-niet/geld/").status_code == 404
