"""The national comparison page and its API: which figures, from where, and at a fixed cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.programme.models import Programme, Scope
from wijkaanpak.programme.services.measurements import correct_measurement

from .national_factories import (
    NationalIndicatorFactory,
    area_programme,
    linked_indicator,
    measure,
    nieuwland_oost,
    reference,
)

pytestmark = pytest.mark.django_db
NL, AREA = Scope.NETHERLANDS, Scope.AREA
PAGE = "/vergelijken/"


@pytest.fixture
def poverty():
    return NationalIndicatorFactory(key="personen-in-armoede", name="Personen in armoede")


@pytest.fixture
def income():
    return NationalIndicatorFactory(
        key="gemiddeld-inkomen-per-inwoner",
        name="Gemiddeld inkomen per inwoner",
        unit="euro",
        polarity="higher_is_better",
        decimals=0,
    )


@pytest.fixture
def westwijk(poverty, income):
    area = AreaFactory(slug="westwijk", name="Westwijk", municipality="Vlaardingen")
    programme = area_programme(area)
    armoede = linked_indicator(programme, poverty, slug="armoede")
    reference(armoede, "15.5", 2021, AREA)
    reference(armoede, "7.1", 2021, NL)
    measure(armoede, "14.0", 2022)
    measure(armoede, "13.0", 2023)
    measure(armoede, "7.0", 2023, NL)
    inkomen = linked_indicator(programme, income, slug="inkomen")
    for year, area_value, nl_value in [(2020, "22000", "27000"), (2023, "24000", "28000")]:
        measure(inkomen, area_value, year)
        measure(inkomen, nl_value, year, NL)
    return area


@pytest.fixture
def nieuwland(poverty):
    area = nieuwland_oost()
    indicator = linked_indicator(area_programme(area), poverty, slug="personen-in-armoede")
    reference(indicator, "7.1", 2021, NL)
    measure(indicator, "12.0", 2023)
    return area


def sections(response):
    return {
        s["national"].key: {r["area"].slug: r for r in s["rows"]}
        for s in response.context["sections"]
    }


def test_the_page_compares_each_linking_area_with_the_netherlands(client, westwijk, nieuwland):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert reverse("programme:national-comparison") == PAGE
    found = sections(response)
    assert list(found) == ["gemiddeld-inkomen-per-inwoner", "personen-in-armoede"]
    assert set(found["personen-in-armoede"]) == {"westwijk", "nieuwland-oost"}
    assert set(found["gemiddeld-inkomen-per-inwoner"]) == {"westwijk"}

    ww = found["personen-in-armoede"]["westwijk"]
    assert ww["latest"]["value"] == "13,0%" and ww["latest"]["when"] == "meting over 2023"
    assert ww["netherlands"]["value"] == "7,0%"  # the NL measurement wins over the reference
    assert ww["gap"] == "+6,0%" and str(ww["position"]) == "slechter dan Nederland"
    # Baseline: the reference values of 2021, earlier than the first measurement (2022).
    assert ww["baseline_gap"] == "+8,4%"
    assert ww["baseline"]["area"]["when"] == "referentiewaarde, peildatum 1 januari 2021"
    assert str(ww["movement_label"]) == "kloof kleiner geworden"

    no = found["personen-in-armoede"]["nieuwland-oost"]
    assert no["netherlands"]["value"] == "7,1%"
    assert no["netherlands"]["when"].startswith("referentiewaarde")
    assert no["gap"] == "+4,9%"
    assert str(no["movement_label"]) == "onbekend"
    assert "nog niet opnieuw gemeten" in str(no["explanation"])

    income = found["gemiddeld-inkomen-per-inwoner"]["westwijk"]
    assert income["gap"] == "-€ 4.000" and income["baseline_gap"] == "-€ 5.000"
    assert str(income["movement_label"]) == "kloof kleiner geworden"


def test_every_number_links_to_the_areas_indicator_page(client, westwijk, nieuwland):
    html = client.get(PAGE).content.decode()
    assert html.count('href="/westwijk/indicatoren/armoede/"') == 4
    assert html.count('href="/westwijk/indicatoren/inkomen/"') == 4
    # Nieuwland-Oost too: its one measurement is its baseline as well.
    assert html.count('href="/nieuwland-oost/indicatoren/personen-in-armoede/"') == 4
    assert "CBS 85618NED" in html and "Uitvoeringsprogramma" in html


def test_missing_values_say_onbekend_with_the_reason_never_zero(client, poverty, westwijk):
    area = AreaFactory(slug="zuidwijk", name="Zuidwijk", municipality="Rotterdam")
    linked_indicator(area_programme(area), poverty, slug="armoede")
    response = client.get(PAGE)
    row = sections(response)["personen-in-armoede"]["zuidwijk"]
    assert row["latest"] is None and row["netherlands"] is None and row["gap"] is None
    assert str(row["movement_label"]) == "onbekend"
    html = response.content.decode()
    zuidwijk = html[html.index('data-area="zuidwijk"') :].split("</tr>")[0]
    assert "Er is nog geen meting van het gebied." in zuidwijk
    assert "Er is geen cijfer van Nederland." in zuidwijk
    assert "0,0%" not in zuidwijk and "+0" not in zuidwijk


def test_only_current_adopted_editions_count(client, poverty, westwijk):
    # A draft that links a national indicator is not public.
    draft_area = AreaFactory(slug="concept", name="Conceptwijk", municipality="Delft")
    draft = area_programme(draft_area)
    Programme.objects.filter(pk=draft.pk).update(state=Programme.State.DRAFT)
    linked_indicator(draft, poverty)
    # An area whose older edition linked it, but whose current edition does not.
    moved = AreaFactory(slug="oudwijk", name="Oudwijk", municipality="Leiden")
    linked_indicator(area_programme(moved, 2022), poverty)
    area_programme(moved, 2023)
    assert set(sections(client.get(PAGE))["personen-in-armoede"]) == {"westwijk"}


def test_corrections_and_earlier_editions_of_the_series(client, poverty, nieuwland):
    indicator = nieuwland.programmes.get().indicators.get()
    latest = indicator.measurements.get(scope=AREA)
    correct_measurement(latest, value=latest.value + 1, source="CBS, gecorrigeerd")
    # A measurement entered under an earlier edition belongs to the same series.
    older = area_programme(nieuwland, 2022)
    old_indicator = linked_indicator(older, poverty, slug=indicator.slug)
    measure(old_indicator, "14.0", 2021)
    row = sections(client.get(PAGE))["personen-in-armoede"]["nieuwland-oost"]
    assert row["latest"]["value"] == "13,0%" and row["latest"]["source"] == "CBS, gecorrigeerd"
    assert row["baseline"]["area"]["value"] == "14,0%"
    assert str(row["movement_label"]) == "kloof kleiner geworden"


def test_without_any_linked_indicator_the_page_says_so(client, poverty):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "Er is nog geen cijfer dat gebieden met elkaar kunnen vergelijken." in response.text


def test_the_page_is_public_and_read_only(client, westwijk):
    assert client.post(PAGE).status_code == 405
    assert client.head(PAGE).status_code == 200


def test_the_api_gives_the_same_figures_as_json(client, westwijk, nieuwland):
    response = client.get(reverse("v1-national-comparison"))
    assert response.status_code == 200
    data = {item["national"]["key"]: item for item in response.json()}
    poverty = {row["area"]["slug"]: row for row in data["personen-in-armoede"]["areas"]}
    ww = poverty["westwijk"]
    assert ww["latest"] == {
        "value": "13.0000",
        "date": "2023-12-31",
        "period_start": "2023-01-01",
        "kind": "measurement",
        "source": "CBS 85618NED",
    }
    assert ww["netherlands"]["value"] == "7.0000" and ww["gap"] == "6.0000"
    assert ww["baseline"]["area"]["kind"] == "reference"
    assert ww["baseline_gap"] == "8.4000"
    assert (ww["position"], ww["movement"], ww["reason"]) == ("behind", "smaller", "compared")
    assert ww["indicator"]["url"] == "/westwijk/indicatoren/armoede/"
    no = poverty["nieuwland-oost"]
    assert (no["movement"], no["reason"]) == ("unknown", "nothing_since_baseline")
    assert client.post(reverse("v1-national-comparison")).status_code in (403, 405)


def build_areas(numbers, national):
    """Areas numbered `numbers`, each with reference values and (3 + n) years of area and NL
    measurements: more areas bring more measurements per area too."""
    for n in numbers:
        area = AreaFactory(slug=f"gebied-{n}", name=f"Gebied {n}", municipality=f"Gemeente {n}")
        indicator = linked_indicator(area_programme(area), national, slug="armoede")
        reference(indicator, "15", 2018, AREA)
        reference(indicator, "7", 2018, NL)
        for year in range(2019, 2019 + 3 + n):
            measure(indicator, str(15 - year % 7), year)
            measure(indicator, "7", year, NL)


def queries_for(client, url):
    """The SELECTs a request runs (the savepoints of ATOMIC_REQUESTS aside)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return sum(q["sql"].startswith("SELECT") for q in captured)


def test_the_query_count_is_the_same_for_2_and_6_areas(client, poverty):
    api_url = reverse("v1-national-comparison")
    build_areas(range(2), poverty)
    page, api = queries_for(client, PAGE), queries_for(client, api_url)
    build_areas(range(2, 6), poverty)
    build_areas(range(6, 8), NationalIndicatorFactory(key="tweede"))  # and another indicator
    response = client.get(PAGE)
    assert len(sections(response)["personen-in-armoede"]) == 6
    assert queries_for(client, PAGE) == page
    assert queries_for(client, api_url) == api
    assert page == api == 4
