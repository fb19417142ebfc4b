"""The login steps in chromium: enrolment, code page and lockout page pass axe-core (A5, A6)."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.accounts.tests.factories import UserFactory

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-testwachtwoord"


def code(device) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key):06d}"


def password_step(page, base, username, password=PASSWORD):
    page.goto(base + "/accounts/inloggen/?next=/westwijk/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_a_new_staff_member_links_an_app_and_gets_in(page, loaded):
    user = UserFactory(username="nieuw", is_staff=True)
    password_step(page, loaded.url, "nieuw")

    assert "/accounts/inloggen/app-koppelen/" in page.url
    assert page.get_by_role("img", name="QR-code om uw app te koppelen").is_visible()
    assert axe_violations(page) == []
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Code uit de app").fill("000000" if code(device) != "000000" else "000001")
    page.get_by_role("button", name="App koppelen en inloggen").click()
    assert "Deze code klopt niet" in page.content()
    assert axe_violations(page) == []

    device.throttle_reset()
    page.get_by_label("Code uit de app").fill(code(device))
    page.get_by_role("button", name="App koppelen en inloggen").click()
    assert page.url.endswith("/westwijk/")
    assert "Uw app is gekoppeld" in page.content()


def test_the_code_page_passes_axe(page, loaded):
    user = UserFactory(username="bekend", is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    password_step(page, loaded.url, "bekend")

    assert "/accounts/inloggen/code/" in page.url
    assert axe_violations(page) == []
    page.get_by_label("Code uit de app").fill(code(device))
    page.get_by_role("button", name="Inloggen").click()
    assert page.url.endswith("/westwijk/")


def test_the_lockout_page_passes_axe(page, loaded):
    UserFactory(username="geblokkeerd", is_staff=True)
    for _ in range(5):
        password_step(page, loaded.url, "geblokkeerd", password="verkeerd-wachtwoord")
    assert "Inloggen is tijdelijk geblokkeerd" in page.content()
    assert axe_violations(page) == []
