"""The public pages render the loaded programme, and reading needs no login."""

from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_redirects_to_the_only_area(client, westwijk):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("programme:overview", args=["westwijk"])


def test_overview_shows_ambition_lines_and_time_left(client, westwijk, time_machine):
    time_machine.move_to("2026-11-29")
    response = client.get(reverse("programme:overview", args=["westwijk"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert westwijk.ambition_summary in html
    for name in ["Het Kind", "De Ouders", "Werk en opleiding", "Veiligheid", "Leefbaarheid"]:
        assert name in html
    assert "Nog 7 maanden tot de doelen voor 4 jaar" in html
    # Nothing is measured yet after the baseline: no indicator may look green.
    assert 'status--achieved">Doel gehaald</span> <strong>0<' in html
    assert 'status--on_track">Op koers</span> <strong>0<' in html


def test_indicator_page_shows_values_sources_and_missing_cells(client, westwijk):
    url = reverse("programme:indicator", args=["westwijk", "schuldsanering-per-1000"])
    html = client.get(url).content.decode()
    assert "Lager is beter" in html
    for value in ["17 per 1000", "26 per 1000", "39 per 1000"]:
        assert value in html
    assert "<svg" in html and 'role="img"' in html
    assert "Geen meting" in html  # status: nothing measured after the baseline
    # The 1-year target is an empty cell in the source: shown as unknown, not as 0.
    assert "Nog niet afgesproken" in html
    assert "0 per 1000" not in html


def test_indicator_with_measurements_shows_status_and_history(client, westwijk, django_user_model):
    from wijkaanpak.programme.models import Indicator
    from wijkaanpak.programme.services.measurements import correct_measurement, record_measurement

    user = django_user_model.objects.create_user("coordinator", is_staff=True)
    indicator = Indicator.objects.get(slug="schuldsanering-per-1000")
    first = record_measurement(
        indicator,
        value="29",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        scope="area",
        source="CBS",
        note="",
        entered_by=user,
    )
    correct_measurement(first, value="30", source="CBS, gecorrigeerd", note="", entered_by=user)
    url = reverse("programme:indicator", args=["westwijk", indicator.slug])
    html = client.get(url).content.decode()
    assert "Op koers" in html
    assert "<del>29 per 1000</del>" in html  # the corrected value stays visible
    assert "30 per 1000" in html


@pytest.mark.parametrize(
    "slug", ["kind", "ouders", "werk-en-opleiding", "veiligheid", "leefbaarheid"]
)
def test_every_line_page_renders(client, westwijk, slug):
    response = client.get(reverse("programme:line", args=["westwijk", slug]))
    assert response.status_code == 200
    assert "Doel 1" in response.content.decode()


def test_data_quality_page_shows_the_source_defects(client, westwijk):
    html = client.get(reverse("programme:data-quality", args=["westwijk"])).content.decode()
    assert "Vitamine G" in html
    assert "6" in html


def test_unknown_area_and_indicator_are_404(client, westwijk):
    assert client.get("/nergens/").status_code == 404
    assert (
        client.get(reverse("programme:indicator", args=["westwijk", "bestaat-niet"])).status_code
        == 404
    )


def test_security_headers_on_public_pages(client, westwijk):
    response = client.get(reverse("programme:overview", args=["westwijk"]))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_staff_see_the_export_links_and_visitors_do_not(
    client, westwijk, django_user_model, login_verified
):
    url = reverse("programme:overview", args=["westwijk"])
    export = reverse("exports:xlsx", args=["westwijk"])
    assert export not in client.get(url).content.decode()
    login_verified(client, django_user_model.objects.create_user("staff", is_staff=True))
    assert export in client.get(url).content.decode()
