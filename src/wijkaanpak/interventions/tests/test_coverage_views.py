"""The public coverage pages and their CSV and Excel downloads."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from wijkaanpak.interventions.models import Intervention
from wijkaanpak.programme.models import Programme

pytestmark = pytest.mark.django_db


def url(name, **query):
    path = reverse(f"interventions:{name}", args=["westwijk"])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_index_leads_to_the_goals_page(client, westwijk):
    response = client.get(url("coverage"))
    assert response.status_code == 302
    assert response["Location"] == url("coverage-goals")


def test_goals_page_shows_gaps_in_words_and_links(client, westwijk):
    response = client.get(url("coverage-goals"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "16 van de 21 doelen hebben geen interventie die nu loopt." in html
    assert "Gat: geen lopende interventie, alleen in voorbereiding" in html
    peuters = westwijk.interventions.get(slug="alle-peuters-in-beeld")
    assert f'href="{peuters.get_absolute_url()}"' in html
    assert '<th scope="row"' in html and '<th scope="col"' in html
    assert "In voorbereiding</th>" in html


def test_running_only_hides_what_is_in_preparation(client, westwijk):
    html = client.get(url("coverage-goals", aanbod="running")).content.decode()
    assert "Gat: geen lopende interventie</strong>" in html
    assert "alleen in voorbereiding" not in html
    assert "Alle peuters in beeld" not in html
    assert "In voorbereiding</th>" not in html
    assert "Manifest Onderwijs" in html  # running


def test_an_unknown_filter_value_gets_a_dutch_error_not_a_500(client, westwijk):
    response = client.get(url("coverage-goals", aanbod="alles"))
    assert response.status_code == 200
    assert "Kies &#x27;Alleen lopende interventies&#x27;" in response.content.decode()


def test_age_theme_page(client, westwijk):
    html = client.get(url("coverage-ages")).content.decode()
    assert "47 van de 50 vakken hebben geen interventie die nu loopt." in html
    assert "Centering Parenting" in html
    assert ">Leeftijd onbekend</th>" in html
    assert ">Opvoeding</th>" in html


def test_pages_are_404_for_an_unknown_area_or_a_draft_only_programme(client, westwijk):
    assert client.get("/nergens/sluitend-aanbod/doelen/").status_code == 404
    assert client.get("/nergens/sluitend-aanbod/").status_code == 404
    Programme.objects.update(state=Programme.State.DRAFT)
    assert client.get(url("coverage-ages")).status_code == 404
    assert client.get(url("coverage-goals-csv")).status_code == 404


def test_pages_refuse_a_post(client, westwijk):
    assert client.post(url("coverage-goals")).status_code == 405
    assert client.post(url("coverage-ages-xlsx")).status_code == 405


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_goals_csv(client, westwijk):
    response = client.get(url("coverage-goals-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="westwijk-2023-sluitend-aanbod-doelen.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [
        "Lijn",
        "Doel",
        "Omschrijving van het doel",
        "Lopende interventies",
        "In voorbereiding",
        "Beoordeling",
    ]
    assert len(rows) == 1 + 21
    assert rows[1][4] == "1. Alle peuters in beeld"
    assert rows[1][5] == "Gat: geen lopende interventie, alleen in voorbereiding"


def test_ages_csv_follows_the_filter(client, westwijk):
    rows = read_csv(client.get(url("coverage-ages-csv", aanbod="running")))
    assert rows[0][0] == "Thema" and rows[0][-1] == "leeftijd onbekend"
    assert rows[1][:2] == ["opvoeding", "Gat: geen lopende interventie"]
    rows = read_csv(client.get(url("coverage-ages-csv")))
    assert rows[1][1] == (
        "Gat: geen lopende interventie, alleen in voorbereiding: Centering Parenting"
    )


def test_xlsx_downloads(client, westwijk):
    response = client.get(url("coverage-ages-xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Leeftijd en thema"]
    assert sheet["A1"].value == "Thema" and sheet["B1"].value == "0 tot 4 jaar"
    assert sheet["A2"].value == "opvoeding"
    assert "Ook interventies in voorbereiding" in book["Uitleg"]["A2"].value

    book = load_workbook(io.BytesIO(client.get(url("coverage-goals-xlsx")).content))
    sheet = book["Doelen"]
    assert [c.value for c in sheet[2]][:2] == ["Het Kind", 1]


def test_a_status_change_shows_on_the_page(client, westwijk):
    Intervention.objects.filter(slug="alle-peuters-in-beeld").update(
        status=Intervention.Status.RUNNING
    )
    html = client.get(url("coverage-goals", aanbod="running")).content.decode()
    assert "15 van de 21 doelen hebben geen interventie die nu loopt." in html
    assert "Alle peuters in beeld" in html
