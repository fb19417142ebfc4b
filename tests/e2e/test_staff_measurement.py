"""A coordinator logs in, enters a measurement, and the public indicator page shows it."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.areas.tests.factories import join_areas

from .conftest import STAFF_PASSWORD, axe_violations, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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


def test_coordinator_enters_a_measurement(page, loaded, coordinator):
    # Staff log in with a second factor (security.md A5): the code the app would show now.
    log_in(page, loaded.url, coordinator, "/westwijk/metingen/nieuw/")
    assert axe_violations(page) == []

    indicator = page.get_by_label("Indicator")
    indicator.select_option(
        label=indicator.locator("option", has_text="schuldsanering").first.inner_text()
    )
    page.get_by_label("Waarde").fill("30")
    page.get_by_label("Begin").fill("2025-01-01")
    page.get_by_label("Einde").fill("2025-12-31")
    page.get_by_label("Bron").fill("CBS Statline")
    page.get_by_role("button", name="Opslaan").click()

    page.goto(loaded.url + "/westwijk/indicatoren/schuldsanering-per-1000/")
    metingen = page.locator("table", has_text="Alle metingen").inner_text()
    assert "30 per 1000" in metingen
    assert "CBS Statline" in metingen
    assert "Op koers" in page.locator("h1 + p").inner_text()
