"""The public wijkschouw pages in chromium: readable on desktop and phone, WCAG 2.1 AA."""

import pytest
from django.core.management import call_command

from wijkaanpak.areas.models import Organisation
from wijkaanpak.inspections.models import InspectionRound
from wijkaanpak.inspections.services import findings, rounds
from wijkaanpak.reports.domain.deadlines import today
from wijkaanpak.reports.models import Category

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def inspected(loaded, tmp_path, settings):
    """The Westwijk with this year and next planned, and one held round with follow-up."""
    settings.MEDIA_ROOT = tmp_path
    this_year = today().year
    call_command("plan_inspections", "--year", str(this_year), stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("plan_inspections", "--year", str(this_year + 1), stdout=open("/dev/null", "w"))  # noqa: SIM115
    held = (
        InspectionRound.objects.filter(neighbourhood__name="Wetering", planned_on__lt=today())
        .order_by("planned_on")
        .first()
        or InspectionRound.objects.filter(neighbourhood__name="Wetering").order_by("planned_on")[0]
    )
    day = min(held.planned_on, today())
    InspectionRound.objects.filter(pk=held.pk).update(planned_on=day)
    held.refresh_from_db()
    gemeente = (
        Organisation.objects.filter(kind="municipality").first() or Organisation.objects.first()
    )
    rounds.add_participants(held, kind="resident", display_name="bewoner Wetering", count=5)
    rounds.add_participants(held, kind="staff", organisation=gemeente)
    rounds.add_participants(held, kind="core_team")
    category = _category(gemeente)
    paving = findings.add_finding(
        held, category=category, place="Wesembekestraat 10", description="Losse stoeptegels"
    )
    findings.add_action(
        paving,
        description="Stoeptegels opnieuw leggen",
        owner_organisation=gemeente,
        due_on=day,
    )
    litter = findings.add_finding(
        held, category=category, place="Speeltuin Wetering", description="Zwerfafval"
    )
    findings.turn_into_report(litter)
    findings.add_finding(
        held, category=category, place="Hoek Floris de Vijfdelaan", description="Bord scheef"
    )
    rounds.mark_held(held, held_on=day, summary="Rondgang met vijf bewoners. Veel zwerfafval.")
    return loaded, held


def _category(organisation):
    category = Category.objects.filter(is_active=True).first()
    if category is None:
        category = Category.objects.create(
            name="Kapotte bestrating",
            slug="kapotte-bestrating",
            handling_organisation=organisation,
            resolution_term_days=10,
        )
    return category


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_public_wijkschouw_pages_are_accessible(page, inspected, viewport):
    server, held = inspected
    page.set_viewport_size(viewport)
    pages = {
        "schedule": "/westwijk/wijkschouw/",
        "round": f"/westwijk/wijkschouw/{held.pk}/",
        "open actions": "/westwijk/wijkschouw/acties/",
    }
    for name, path in pages.items():
        page.goto(server.url + path)
        assert page.locator("h1").count() == 1, name
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
        assert axe_violations(page) == [], name

    page.goto(server.url + pages["round"])
    text = page.locator("main").inner_text()
    assert "Bewoner: 5" in text
    assert "nog geen afspraak" in text
    assert "Status van de melding: ontvangen" in text
    assert "Stoeptegels opnieuw leggen" in text


def test_visitor_finds_the_schedule_from_the_menu(page, inspected):
    server, _held = inspected
    page.goto(server.url + "/westwijk/")
    page.get_by_role("link", name="Wijkschouw").first.click()
    assert page.url.endswith("/westwijk/wijkschouw/")
    for quadrant in ("Lage Weide", "Wetering", "Hoogkamer", "Zuidbuurt"):
        assert page.get_by_role("heading", name=quadrant).count() == 1
