"""The exports and the read API over the real Westwijk 2023 data, as the loader stores it."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from wijkaanpak.exports.services import programme_as_dict, programme_as_xlsx
from wijkaanpak.programme.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def westwijk():
    call_command("load_programme", stdout=io.StringIO())
    return Programme.objects.get(area__slug="westwijk", edition_year=2023)


def test_export_covers_the_source(westwijk):
    data = programme_as_dict(westwijk)

    assert len(data["lines"]) == 5
    assert len(data["goals"]) == 4 + 5 + 3 + 5 + 4
    vitamine = next(i for i in data["interventions"] if "Vitamine G" in i["name"])
    # The source claims a goal 6 that the line does not have: kept, not hidden.
    assert 6 in vitamine["claimed_goal_numbers"]
    assert data["source_notes"]

    book = load_workbook(io.BytesIO(programme_as_xlsx(westwijk)))
    assert book["Lijnen"].max_row == 1 + 5


def test_export_carries_the_themes_and_lead_partners(westwijk):
    data = programme_as_dict(westwijk)
    peuters = next(i for i in data["interventions"] if i["slug"] == "alle-peuters-in-beeld")
    assert (peuters["themes"], peuters["lead_partner"]) == (["care", "education"], "cjg")
    assert all(i["themes"] for i in data["interventions"])
    assert data["programme"]["state"] == "adopted"

    book = load_workbook(io.BytesIO(programme_as_xlsx(westwijk)))
    rows = list(book["Interventies"].iter_rows(values_only=True))
    themes = rows[0].index("Thema's")
    assert rows[1][themes] == "zorg, onderwijs"


def test_api_lists_every_indicator_with_progress(client, westwijk):
    response = client.get(reverse("v1:indicator-list"), {"area": "westwijk", "limit": 500})

    assert response.status_code == 200
    items = response.json()["results"]
    assert len(items) == westwijk.indicators.count()
    assert all(item["progress"]["status"] for item in items)
