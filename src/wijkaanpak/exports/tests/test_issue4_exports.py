"""The export carries everything issue 4 added: one spot value of each, in JSON and in Excel."""

import datetime
import io
import json
import re
import zipfile
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import (
    AreaFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    join_areas,
)
from wijkaanpak.exports.columns import EURO_FORMAT, euros
from wijkaanpak.exports.services import programme_as_xlsx
from wijkaanpak.interventions.models import (
    AgeBand,
    Evaluation,
    EvidenceLevel,
    Intervention,
    LineBudget,
    ReachRecord,
    SpendingEntry,
    StatusChange,
)
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.models import CurveStory, Programme
from wijkaanpak.programme.tests.factories import (
    IndicatorFactory,
    ProgrammeFactory,
    ProgrammeLineFactory,
)

pytestmark = pytest.mark.django_db

# 2**53 + 1 cents: a float cannot hold it, so only an exact path gets it right.
HUGE_CENTS = 9_007_199_254_740_993


@pytest.mark.parametrize(
    ("cents", "expected"),
    [
        (1999, Decimal("19.99")),
        (10, Decimal("0.10")),
        (-1, Decimal("-0.01")),
        (0, Decimal("0.00")),
        (HUGE_CENTS, Decimal("90071992547409.93")),
        (None, None),
    ],
)
def test_cents_become_euros_exactly(cents, expected):
    result = euros(cents)
    assert result == expected
    if expected is not None:
        assert str(result) == str(expected)  # two decimals, always


@pytest.fixture
def coordinator():
    return UserFactory(username="coordinator", is_staff=True)


@pytest.fixture
def edition(coordinator):
    area = AreaFactory(slug="westwijk", name="Westwijk")
    join_areas(coordinator, area)
    zuidbuurt = NeighbourhoodFactory(area=area, slug="zuidbuurt", name="Zuidbuurt")
    minters = OrganisationFactory(slug="minters", name="Minters")
    old = ProgrammeFactory(area=area, edition_year=2023)
    old_line = ProgrammeLineFactory(programme=old, number=2, slug="ouders")
    old_krachtbus = InterventionFactory(programme=old, line=old_line, slug="krachtbus")
    new = ProgrammeFactory(
        area=area,
        edition_year=2024,
        state=Programme.State.ADOPTED,
        adopted_at=datetime.datetime(2024, 2, 1, 10, tzinfo=datetime.UTC),
        adopted_by=coordinator,
        previous_edition=old,
        change_rationale="Krachtbus loopt; Gewoon Gaaf stopt.",
    )
    line = ProgrammeLineFactory(programme=new, number=2, slug="ouders", name="De Ouders")
    LineBudget.objects.create(line=line, year=2024, amount_cents=1_234_567, note="Korte acties")
    krachtbus = InterventionFactory(
        programme=new,
        line=line,
        slug="krachtbus",
        name="Krachtbus",
        status=Intervention.Status.RUNNING,
        themes=["care", "leisure"],
        lead_partner=minters,
        starts_on=datetime.date(2024, 3, 1),
        recurrence="elke week",
        planned_capacity=40,
        budget_cents=250_000,
        evidence_level=EvidenceLevel.WELL_DESCRIBED,
        databank_reference="Movisie",
        previous=old_krachtbus,
    )
    StatusChange.objects.create(
        intervention=krachtbus,
        from_status=Intervention.Status.IN_PREPARATION,
        to_status=Intervention.Status.RUNNING,
        changed_on=datetime.date(2024, 3, 1),
        reason="De bus rijdt.",
        changed_by=coordinator,
    )
    for cents, on in [(1999, 1), (-1, 2), (HUGE_CENTS, 3)]:
        SpendingEntry.objects.create(
            intervention=krachtbus,
            kind=SpendingEntry.Kind.SPENT,
            amount_cents=cents,
            on=datetime.date(2024, 4, on),
            note=f"boeking {on}",
            entered_by=coordinator,
        )
    ReachRecord.objects.create(
        intervention=krachtbus,
        period_start=datetime.date(2024, 3, 1),
        period_end=datetime.date(2024, 3, 31),
        age_band=AgeBand.PARENTS_ADULTS,
        neighbourhood=zuidbuurt,
        participants=37,
        activities_held=4,
        source="Turflijst Minters",
    )
    Evaluation.objects.create(
        intervention=krachtbus,
        evaluated_on=datetime.date(2024, 6, 1),
        method="Gesprekken met bezoekers",
        evaluator="Minters",
        findings="Druk bezocht.",
        judgement=Evaluation.Judgement.ADJUST,
        evidence_level=EvidenceLevel.WELL_DESCRIBED,
    )
    poverty = IndicatorFactory(programme=new, line=line, slug="armoede", name="Armoede")
    CurveStory.objects.create(
        indicator=poverty, story_behind_the_curve="Energieprijzen", action_plan="Fixen"
    )
    return new


@pytest.fixture
def staff(client, coordinator, login_verified):
    login_verified(client, coordinator)
    return client


def test_json_carries_issue_4(staff, edition):
    data = json.loads(staff.get(reverse("exports:json", args=["westwijk"])).content)

    assert data["export"]["format_version"] == 2
    programme = data["programme"]
    assert (programme["edition_year"], programme["state"]) == (2024, "adopted")
    assert programme["adopted_at"] == "2024-02-01T10:00:00Z"
    assert programme["adopted_by"] == "coordinator"
    assert programme["previous_edition"] == 2023
    assert programme["change_rationale"] == "Krachtbus loopt; Gewoon Gaaf stopt."
    assert data["lines"][0]["budgets"] == [
        {"year": 2024, "amount_cents": 1_234_567, "note": "Korte acties"}
    ]

    [krachtbus] = data["interventions"]
    assert krachtbus["themes"] == ["care", "leisure"]
    assert krachtbus["lead_partner"] == "minters"
    assert (krachtbus["starts_on"], krachtbus["ends_on"]) == ("2024-03-01", None)
    assert (krachtbus["recurrence"], krachtbus["planned_capacity"]) == ("elke week", 40)
    assert krachtbus["budget_cents"] == 250_000
    assert krachtbus["evidence_level"] == "well_described"
    assert krachtbus["previous"] == "krachtbus"
    [change] = krachtbus["status_changes"]
    assert (change["from_status"], change["to_status"], change["reason"]) == (
        "in_preparation",
        "running",
        "De bus rijdt.",
    )
    # Cents are JSON integers, exact even beyond what a float can hold.
    assert [s["amount_cents"] for s in krachtbus["spending"]] == [1999, -1, HUGE_CENTS]
    assert (
        f'"amount_cents": {HUGE_CENTS}'
        in staff.get(reverse("exports:json", args=["westwijk"])).content.decode()
    )
    [reach] = krachtbus["reach"]
    assert (reach["age_band"], reach["neighbourhood"], reach["participants"]) == (
        "adults",
        "zuidbuurt",
        37,
    )
    [evaluation] = krachtbus["evaluations"]
    assert (evaluation["judgement"], evaluation["evaluated_on"]) == ("adjust", "2024-06-01")
    [poverty] = data["indicators"]
    assert poverty["story"]["story_behind_the_curve"] == "Energieprijzen"
    assert poverty["series_key"] == "armoede"


def test_an_older_edition_can_be_asked_for(staff, edition):
    url = reverse("exports:json", args=["westwijk"])
    data = json.loads(staff.get(url, {"editie": "2023"}).content)
    assert (data["programme"]["edition_year"], data["programme"]["previous_edition"]) == (
        2023,
        None,
    )
    assert data["interventions"][0]["spending"] == []
    assert staff.get(url, {"editie": "2019"}).status_code == 404
    assert staff.get(url, {"editie": "vorig-jaar"}).status_code == 404


def rows_by_header(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_workbook_carries_issue_4(edition):
    content = programme_as_xlsx(edition)
    book = load_workbook(io.BytesIO(content))

    [programme] = rows_by_header(book["Programma"])
    assert programme["Status van de editie"] == "vastgesteld"
    assert programme["Vorige editie"] == 2023
    assert programme["Wat er verandert en waarom"].startswith("Krachtbus loopt")

    [krachtbus] = rows_by_header(book["Interventies"])
    assert krachtbus["Thema's"] == "zorg, vrije tijd"
    assert krachtbus["Trekker"] == "minters"
    assert krachtbus["Budget (euro)"] == 2500
    assert krachtbus["Bewijskracht"] == "goed beschreven"
    assert krachtbus["Start"] == datetime.datetime(2024, 3, 1)

    [change] = rows_by_header(book["Statuswijzigingen"])
    assert (change["Van"], change["Naar"], change["Reden"]) == (
        "in voorbereiding",
        "loopt",
        "De bus rijdt.",
    )
    spending = book["Boekingen"]
    amounts = [row["Bedrag (euro)"] for row in rows_by_header(spending)]
    # Beyond Excel's 15 digits an amount becomes text: exact, never rounded.
    assert amounts == [19.99, -0.01, "90071992547409.93"]
    header = [c.value for c in spending[1]]
    amount_column = header.index("Bedrag (euro)")
    assert all(
        row[amount_column].number_format == EURO_FORMAT for row in spending.iter_rows(min_row=2)
    )
    # The stored cell is the exact decimal.
    budgets_xml = _sheet_xml(content, book.sheetnames.index("Lijnbudgetten"))
    assert "<v>12345.67</v>" in budgets_xml

    [reach] = rows_by_header(book["Bereik"])
    assert (reach["Leeftijd"], reach["Buurt"], reach["Deelnemers"]) == (
        "ouders en volwassenen",
        "zuidbuurt",
        37,
    )
    [evaluation] = rows_by_header(book["Evaluaties"])
    assert (evaluation["Oordeel"], evaluation["Methode"]) == (
        "aanpassen",
        "Gesprekken met bezoekers",
    )
    [budget] = rows_by_header(book["Lijnbudgetten"])
    assert (budget["Lijn"], budget["Jaar"], budget["Budget (euro)"]) == ("ouders", 2024, 12345.67)
    [story] = rows_by_header(book["Verhaal achter de curve"])
    assert (story["Indicator"], story["Actieplan"]) == ("armoede", "Fixen")


def _sheet_xml(content: bytes, index: int) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = sorted(
            (n for n in archive.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml", n)),
            key=lambda n: int(re.findall(r"\d+", n)[0]),
        )
        return archive.read(names[index]).decode()
