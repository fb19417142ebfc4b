"""Issue 4, done when: a coordinator re-calibrates the programme in chromium.

Starts the 2024 edition from 2023, stops one intervention, moves one target, adopts; the diff
page shows exactly those two changes, axe finds nothing, and the trend keeps its history.
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.areas.tests.factories import join_areas
from wijkaanpak.programme.models import Measurement, Programme

from .conftest import STAFF_PASSWORD, axe_violations, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

INDICATOR = "schuldsanering-per-1000"
STOPPED = "Manifest Onderwijs"


@pytest.fixture
def coordinator(loaded, django_user_model):
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = django_user_model.objects.create_user(
        "coordinator", password=STAFF_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="programme_coordinator"))
    join_areas(user, "westwijk")  # a coordinator works in the area (areas.access)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def test_coordinator_recalibrates_the_programme(page, browser, loaded, coordinator):
    base = loaded.url
    # A measurement entered under 2023 must still be in the trend once 2024 is adopted.
    Measurement.objects.create(
        indicator=Programme.objects.get(edition_year=2023).indicators.get(slug=INDICATOR),
        value=Decimal("31"),
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        source="Kredietbank Nederland",
        entered_by=coordinator,
    )

    log_in(page, base, coordinator, "/westwijk/edities/")
    assert axe_violations(page) == []
    page.get_by_label("Jaar van de nieuwe editie").fill("2024")
    page.get_by_role("button", name="Nieuwe editie starten").click()
    assert page.url.endswith("/westwijk/edities/2024/")
    assert "concept" in page.locator("h1").inner_text()
    assert axe_violations(page) == []

    # Stop one intervention, with a reason.
    page.get_by_role("link", name=f"Status wijzigen: {STOPPED}").click()
    page.get_by_label("Nieuwe status").select_option(label="gestopt")
    page.get_by_label("Datum van de wijziging").fill(datetime.date.today().isoformat())
    page.get_by_label("Reden").fill("De evaluatie liet geen effect zien.")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Status opslaan").click()
    assert "/westwijk/edities/2024/" in page.url
    assert page.get_by_text(f"{STOPPED} heeft nu de status 'gestopt'.").is_visible()

    # Move one target.
    page.get_by_role(
        "link", name="Streefwaarde wijzigen: Aantal inwoners met schuldsanering"
    ).click()
    page.get_by_label("Horizon").select_option(label="Vier jaar: voor de zomer van 2027")
    page.get_by_label("Nieuwe streefwaarde").fill("24")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Streefwaarde opslaan").click()
    assert page.get_by_text("is nu 24 per 1000").is_visible()

    # The rationale, then adopt.
    page.get_by_label("Wat verandert er en waarom?").fill(
        "Manifest Onderwijs stopt: geen effect. We willen sneller minder schulden."
    )
    page.get_by_role("button", name="Toelichting opslaan").click()
    page.get_by_role("link", name="Vaststellen").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Vaststellen").click()
    assert "/westwijk/edities/verschillen/?van=2023&naar=2024" in page.url

    # The diff page shows exactly those changes.
    changes = page.locator("[data-change]")
    assert changes.count() == 2
    stopped = page.locator("[data-change=intervention-stopped]")
    assert stopped.count() == 1
    assert STOPPED in stopped.inner_text()
    assert "geen effect" in stopped.inner_text()
    moved = page.locator("[data-change=target-moved]")
    assert moved.count() == 1
    assert "26 per 1000" in moved.inner_text() and "24 per 1000" in moved.inner_text()
    assert "sneller minder schulden" in page.locator("[data-rationale]").inner_text()
    assert axe_violations(page) == []

    # The public (a fresh browser, not logged in) sees the 2024 edition and the same diff.
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    public = context.new_page()
    public.goto(f"{base}/westwijk/edities/")
    assert (
        "Editie 2024: vastgesteld (staat nu op de website)" in public.locator("main").inner_text()
    )
    public.goto(f"{base}/westwijk/edities/verschillen/")
    assert public.locator("[data-change]").count() == 2
    assert axe_violations(public) == []
    public.goto(f"{base}/westwijk/indicatoren/{INDICATOR}/")
    assert "24 per 1000" in public.locator("table", has_text="Streefwaarden").inner_text()
    metingen = public.locator("table", has_text="Alle metingen").inner_text()
    assert "31 per 1000" in metingen and "Kredietbank Nederland" in metingen
    assert "nog niet ingevuld" in public.locator("#verhaal ~ dl").inner_text()
    assert axe_violations(public) == []
    context.close()
