"""Browser tests: Playwright drives Debian's chromium against Django's live server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are
# still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # Our CSP forbids inline scripts; axe is injected by the test, so the test bypasses it.
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def loaded(transactional_db, live_server):
    call_command("load_programme", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server


def axe_violations(page):
    """WCAG 2.1 A and AA violations axe-core finds on the page as it is now."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


STAFF_PASSWORD = "een-lang-wachtwoord-voor-de-test"


def log_in(page, base_url: str, user, next_path: str, password: str = STAFF_PASSWORD):
    """Log a staff member in as a person does: password, then the code the app shows now."""
    page.goto(f"{base_url}/accounts/inloggen/?next={next_path}")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Code uit de app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Inloggen").click()
    assert urlsplit(page.url).path == urlsplit(next_path).path
