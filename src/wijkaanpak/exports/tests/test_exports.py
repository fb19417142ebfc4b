import datetime
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Membership, Neighbourhood
from wijkaanpak.areas.tests.factories import (
    AreaFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    PlaceFactory,
    join_areas,
)
from wijkaanpak.exports.services import programme_as_dict, programme_as_xlsx
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.models import Scope, SourceNote
from wijkaanpak.programme.tests.factories import (
    GoalFactory,
    HorizonFactory,
    IndicatorFactory,
    MeasurementFactory,
    ProgrammeFactory,
    ProgrammeLineFactory,
    ReferenceValueFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db

SHEETS = [
    "Programma",
    "Lijnen",
    "Doelen",
    "Indicatoren",
    "Referentiewaarden",
    "Streefwaarden",
    "Metingen",
    "Interventies",
    "Statuswijzigingen",
    "Boekingen",
    "Bereik",
    "Evaluaties",
    "Lijnbudgetten",
    "Verhaal achter de curve",
    "Bronopmerkingen",
]


@pytest.fixture
def coordinator():
    return UserFactory(username="coordinator", is_staff=True)


@pytest.fixture
def programme(coordinator):
    area = AreaFactory(slug="westwijk", name="Westwijk")
    ProgrammeFactory(area=area, edition_year=2022, title="Oude editie")
    programme = ProgrammeFactory(area=area, edition_year=2023, title="Wij de Westwijk")
    NeighbourhoodFactory(area=area, name="Zuidbuurt", slug="zuidbuurt")
    partner = OrganisationFactory(name="Minters", slug="minters")
    partner.areas.add(area)
    Membership.objects.create(user=coordinator, organisation=partner)  # works in the area
    place = PlaceFactory(area=area, slug="wereldwijzer")
    line = ProgrammeLineFactory(programme=programme, number=2, slug="ouders", name="De Ouders")
    goal = GoalFactory(line=line, number=1, text="Rondkomen")
    horizon = HorizonFactory(programme=programme, years=4, due_on=datetime.date(2027, 7, 1))

    poverty = IndicatorFactory(
        programme=programme, line=line, slug="armoede", name="Kinderen in armoede"
    )
    poverty.goals.add(goal)
    ReferenceValueFactory(indicator=poverty, scope=Scope.AREA, value=Decimal("15.5"))
    ReferenceValueFactory(indicator=poverty, scope=Scope.NETHERLANDS, value=Decimal("7.1"))
    TargetFactory(indicator=poverty, horizon=horizon, value=Decimal("10.9"))
    old = MeasurementFactory(indicator=poverty, value=Decimal("71"), entered_by=coordinator)
    old.superseded_at = datetime.datetime(2024, 3, 1, 12, tzinfo=datetime.UTC)
    old.save()
    MeasurementFactory(
        indicator=poverty, value=Decimal("7.1"), supersedes=old, entered_by=coordinator
    )
    IndicatorFactory(programme=programme, line=line, slug="welbevinden", name="Welbevinden")

    InterventionFactory(
        programme=programme,
        line=line,
        number=13,
        slug="vitamine-g",
        name="Vitamine G",
        claimed_goal_numbers=[1, 6],
        goals=[goal],
        partners=[partner],
        places=[place],
    )
    programme.source_notes.create(
        key="armoede-ocr",
        kind=SourceNote.Kind.OCR_CORRECTION,
        subject="Armoede",
        description="71 is 7,1",
    )
    return programme


def test_dict_holds_the_whole_programme(programme):
    data = programme_as_dict(programme)

    assert data["export"]["generator"] == "wijkaanpak"
    assert data["export"]["generator_version"]
    assert data["export"]["exported_at"]
    assert data["area"]["slug"] == "westwijk"
    assert [n["slug"] for n in data["neighbourhoods"]] == ["zuidbuurt"]
    assert data["neighbourhoods"][0]["role"] == Neighbourhood.Role.QUADRANT
    assert [p["slug"] for p in data["partners"]] == ["minters"]
    assert data["programme"]["edition_year"] == 2023
    assert [h["years"] for h in data["horizons"]] == [4]
    assert [line["slug"] for line in data["lines"]] == ["ouders"]
    assert data["goals"] == [
        {"line": "ouders", "number": 1, "text": "Rondkomen", "source_reference": ""}
    ]
    assert [s["key"] for s in data["source_notes"]] == ["armoede-ocr"]
    [intervention] = data["interventions"]
    assert intervention["goals"] == ["2.1"]
    assert intervention["claimed_goal_numbers"] == [1, 6]
    assert intervention["partners"] == ["minters"]


def test_dict_keeps_superseded_measurements_with_history(programme, coordinator):
    poverty = next(i for i in programme_as_dict(programme)["indicators"] if i["slug"] == "armoede")

    old, new = sorted(poverty["measurements"], key=lambda m: m["id"])
    assert (old["value"], old["current"], old["superseded_by"]) == (Decimal("71"), False, new["id"])
    assert old["superseded_at"] == datetime.datetime(2024, 3, 1, 12, tzinfo=datetime.UTC)
    assert (new["value"], new["current"], new["supersedes"]) == (Decimal("7.1"), True, old["id"])
    assert new["superseded_by"] is None
    assert new["entered_by"] == "coordinator"
    assert new["entered_at"] is not None


def staff_client(client, coordinator, login_verified):
    login_verified(client, coordinator)
    return client


def test_json_download_round_trips(client, coordinator, programme, login_verified):
    response = staff_client(client, coordinator, login_verified).get(
        reverse("exports:json", args=["westwijk"])
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="westwijk-2023-programma-{today}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["programme"]["title"] == "Wij de Westwijk"  # the latest edition
    poverty = next(i for i in data["indicators"] if i["slug"] == "armoede")
    assert {r["scope"]: r["value"] for r in poverty["reference_values"]} == {
        "area": "15.5000",
        "netherlands": "7.1000",
    }
    assert poverty["targets"][0]["value"] == "10.9000"
    assert poverty["targets"][0]["due_on"] == "2027-07-01"
    values = sorted((m["value"], m["current"]) for m in poverty["measurements"])
    assert values == [("7.1000", True), ("71.0000", False)]
    welbevinden = next(i for i in data["indicators"] if i["slug"] == "welbevinden")
    assert welbevinden["reference_values"] == []
    assert welbevinden["measurements"] == []


def test_xlsx_has_the_sheets_with_typed_values(client, coordinator, programme, login_verified):
    response = staff_client(client, coordinator, login_verified).get(
        reverse("exports:xlsx", args=["westwijk"])
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="westwijk-2023-programma-'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[: len(SHEETS)] == SHEETS
    for name in SHEETS:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])

    references = rows_by_header(book["Referentiewaarden"])
    area_value = next(r for r in references if r["Schaal"] == "wijk")
    assert area_value["Waarde"] == 15.5
    assert area_value["Peildatum"] == datetime.datetime(2023, 1, 1)

    measurements = rows_by_header(book["Metingen"])
    assert sorted((m["Waarde"], m["Actueel"]) for m in measurements) == [
        (7.1, "ja"),
        (71, "nee"),
    ]
    assert {m["Ingevoerd door"] for m in measurements} == {"coordinator"}
    corrected = next(m for m in measurements if m["Actueel"] == "nee")
    assert isinstance(corrected["Vervangen op"], datetime.datetime)

    targets = rows_by_header(book["Streefwaarden"])
    assert targets[0]["Streefwaarde"] == 10.9
    assert targets[0]["Status"] == "afgesproken"
    # A value nobody knows yet is an empty cell, never 0.
    assert targets[0]["Bevestigd op"] is None

    interventions = rows_by_header(book["Interventies"])
    assert interventions[0]["Naam"] == "Vitamine G"
    assert interventions[0]["Nummer"] == 13
    assert interventions[0]["Leeftijd vanaf"] is None
    assert interventions[0]["Doelen volgens de bron"] == "1, 6"


def test_xlsx_service_returns_a_workbook(programme):
    book = load_workbook(io.BytesIO(programme_as_xlsx(programme)))

    indicators = rows_by_header(book["Indicatoren"])
    assert [i["Sleutel"] for i in indicators] == ["armoede", "welbevinden"]
    assert rows_by_header(book["Programma"])[0]["Editie"] == 2023


def rows_by_header(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("name", ["exports:xlsx", "exports:json"])
def test_anonymous_is_sent_to_login(client, programme, name):
    url = reverse(name, args=["westwijk"])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", ["exports:xlsx", "exports:json"])
def test_non_staff_is_refused(client, programme, name, login_verified):
    login_verified(client, UserFactory(is_staff=False))

    response = client.get(reverse(name, args=["westwijk"]))

    assert response.status_code == 403
    assert b"armoede" not in response.content


@pytest.mark.parametrize("name", ["exports:xlsx", "exports:json"])
def test_staff_of_another_area_get_404(client, programme, name, login_verified):
    other = AreaFactory(slug="nieuwland-oost", name="Nieuwland-Oost", municipality="Schiedam")
    login_verified(client, join_areas(UserFactory(is_staff=True), other))

    response = client.get(reverse(name, args=["westwijk"]))

    assert response.status_code == 404
    assert b"armoede" not in response.content


def test_unknown_area_is_404(client, coordinator, login_verified):
    login_verified(client, coordinator)

    assert client.get(reverse("exports:json", args=["nergens"])).status_code == 404


def test_post_is_not_allowed(client, coordinator, programme, login_verified):
    login_verified(client, coordinator)

    assert client.post(reverse("exports:json", args=["westwijk"])).status_code == 405
