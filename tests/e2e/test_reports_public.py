"""A resident reports in chromium: form, duplicates step, confirmation, status page, overview.

Every page passes axe-core (WCAG 2.1 A/AA) on desktop and phone width, nothing scrolls
sideways, and the form can be filled in and sent with the keyboard alone.
"""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Area
from wijkaanpak.reports.models import Category, Report
from wijkaanpak.reports.services import create_report, pick_up, resolve

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
FORM = "/westwijk/meldingen/nieuw/"


@pytest.fixture
def reporting(loaded, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.REPORT_FORM_RATE = "1000/hour"
    cache.clear()
    call_command("load_report_categories", stdout=open("/dev/null", "w"))  # noqa: SIM115
    area = Area.objects.get(slug="westwijk")
    existing = create_report(
        area=area,
        neighbourhood=area.neighbourhoods.get(slug="wetering"),
        category=Category.objects.get(slug="afval-naast-container"),
        description="Zakken naast de container",
        address="Van Hogendorplaan 40",
        latitude=Decimal("51.904200"),
        longitude=Decimal("4.327600"),
        email="eerste@example.org",
    )
    yield loaded, existing
    cache.clear()


def check(page, viewport, name):
    assert page.locator("h1").count() == 1, name
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
    assert axe_violations(page) == [], name


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_public_report_page_is_accessible(page, reporting, viewport):
    server, existing = reporting
    page.set_viewport_size(viewport)

    page.goto(server.url + FORM)
    check(page, viewport, "empty form")

    page.get_by_role("button", name="Melding versturen").click()
    assert page.locator("#fouten").is_visible()
    assert "Kies wat voor melding het is." in page.locator("#fouten").inner_text()
    check(page, viewport, "form with errors")

    page.get_by_label("Wat wilt u melden?").select_option(label="Afval naast een container")
    page.get_by_label("Wat is er aan de hand?").fill("Weer vuilniszakken naast de container.")
    page.get_by_label("In welke buurt is het?").select_option(label="Wetering")
    page.get_by_label("Of beschrijf de plek").fill("bij de ingang van het park")
    page.get_by_label("Breedtegraad (niet verplicht)").fill("51.9043")
    page.get_by_label("Lengtegraad (niet verplicht)").fill("4.3276")
    page.get_by_label("E-mailadres (niet verplicht)").fill("tweede@example.org")
    page.get_by_role("button", name="Melding versturen").click()

    assert "Is dit al gemeld?" in page.locator("h1").inner_text()
    assert existing.reference in page.locator("main").inner_text()
    assert "eerste@example.org" not in page.content()
    check(page, viewport, "duplicates step")

    page.get_by_role("button", name="Het is iets anders: maak een nieuwe melding").click()
    assert "Wij hebben uw melding ontvangen" in page.locator("h1").inner_text()
    check(page, viewport, "confirmation")

    report = Report.objects.exclude(pk=existing.pk).get()
    assert report.reference in page.locator("main").inner_text()
    page.get_by_role("link", name=f"/meldingen/status/{report.status_token}/").click()
    assert report.reference in page.locator("h1").inner_text()
    assert "tweede@example.org" not in page.content()
    check(page, viewport, "status page")

    handler = UserFactory(is_staff=True)
    pick_up(report, user=handler)
    resolve(report, user=handler, reason="De zakken zijn opgehaald.")
    page.reload()
    assert page.get_by_role("group", name="Is het opgelost?").is_visible()
    check(page, viewport, "status page with question")
    page.get_by_role("button", name="Reactie versturen").click()
    assert "Kies ja of nee." in page.locator("#fouten").inner_text()
    check(page, viewport, "status page with error")

    page.goto(server.url + "/westwijk/meldingen/")
    assert page.get_by_role("table", name="Meldingen per maand in Westwijk").is_visible()
    check(page, viewport, "overview")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_joining_an_open_report_is_accessible(page, reporting, viewport):
    server, existing = reporting
    page.set_viewport_size(viewport)
    page.goto(server.url + FORM)
    page.get_by_label("Wat wilt u melden?").select_option(label="Afval naast een container")
    page.get_by_label("Wat is er aan de hand?").fill("Zakken.")
    page.get_by_label("In welke buurt is het?").select_option(label="Wetering")
    page.get_by_label("Adres", exact=True).fill("Van Hogendorplaan 40")
    page.get_by_role("button", name="Melding versturen").click()
    page.get_by_role("button", name="Dit is mijn melding ook").first.click()
    assert existing.reference in page.locator("h1").inner_text()
    check(page, viewport, "joined")
    assert Report.objects.count() == 1


def tab_to(page, element_id, limit=80):
    """Press Tab until `element_id` has focus; the honeypot must never get it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate("[document.activeElement.id, document.activeElement.name]")
        assert active[1] != "website", "the honeypot got keyboard focus"
        if active[0] == element_id:
            return
    raise AssertionError(f"{element_id} is not reachable with Tab")


def choose_by_keyboard(page, element_id, label):
    for _ in range(40):
        if (
            page.evaluate(f"document.getElementById('{element_id}').selectedOptions[0].text")
            == label
        ):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{label} cannot be chosen with the arrow keys")


def test_the_form_works_with_the_keyboard_alone(page, reporting):
    server, _existing = reporting
    page.goto(server.url + FORM)
    tab_to(page, "id_category")
    choose_by_keyboard(page, "id_category", "Speeltoestel is kapot")
    tab_to(page, "id_description")
    page.keyboard.type("De schommel is kapot.")
    tab_to(page, "id_neighbourhood")
    choose_by_keyboard(page, "id_neighbourhood", "Hoogkamer")
    tab_to(page, "id_location_description")
    page.keyboard.type("speeltuin achter de school")
    tab_to(page, "id_wants_updates")
    page.keyboard.press("Space")
    assert page.locator("#id_wants_updates").is_checked()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back to the e-mail field
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.keyboard.type("bewoner@example.org")
    # The submit button comes after the honeypot in the page; Tab must skip the honeypot.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
        assert page.evaluate("document.activeElement.name") != "website"
    page.keyboard.press("Enter")
    page.wait_for_url("**/meldingen/ontvangen/**")
    report = Report.objects.get(category__slug="speeltoestel-kapot")
    assert report.location_description == "speeltuin achter de school"
    assert report.contacts.get().wants_updates is True
    assert "Wij hebben u ook een e-mail gestuurd" in page.locator("main").inner_text()
