"""The promise of issue 3 end to end, in chromium and over real SMTP.

A resident files a report, gets the receipt mail, a handler picks the report up, the
resident gets that mail, and the public status page shows the new state.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.areas.models import Membership, Organisation

from .conftest import STAFF_PASSWORD, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RESIDENT = "bewoner@example.org"


def wait_for_mail(smtp, address, count, seconds=10):
    """Mail leaves right after the commit, in the server's thread: give it a moment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if len(smtp.to(address)) >= count:
            return smtp.to(address)
        time.sleep(0.1)
    raise AssertionError(f"{count} mails to {address} expected, got {len(smtp.to(address))}")


def body(message) -> str:
    return message.get_content() if hasattr(message, "get_content") else message.get_payload()


@pytest.fixture
def handler(loaded, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    quiet = open("/dev/null", "w")  # noqa: SIM115
    call_command("sync_roles", stdout=quiet)
    call_command("load_report_categories", stdout=quiet)
    user = django_user_model.objects.create_user(
        "behandelaar", password=STAFF_PASSWORD, email="behandelaar@example.org", is_staff=True
    )
    user.groups.add(Group.objects.get(name="report_handler"))
    Membership.objects.create(
        user=user, organisation=Organisation.objects.get(slug="gemeente-vlaardingen")
    )
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def test_report_receipt_pickup_and_status(page, loaded, handler, smtp_server):
    # 1. The resident files a report, without logging in.
    page.goto(loaded.url + "/westwijk/meldingen/nieuw/")
    page.get_by_label("Wat wilt u melden?").select_option(label="Stoep of fietspad")
    page.get_by_label("Wat is er aan de hand?").fill("Een losse stoeptegel, iemand kan vallen.")
    page.get_by_label("In welke buurt is het?").select_option(label="Hoogkamer")
    page.get_by_label("Adres", exact=True).fill("Marathonweg 12")
    page.get_by_label("E-mailadres (niet verplicht)").fill(RESIDENT)
    page.get_by_label("Houd mij op de hoogte").check()
    page.get_by_role("button", name="Melding versturen").click()
    confirmation = page.locator("main").inner_text()
    reference = re.search(r"M-\d{4}-\d{5}", confirmation).group(0)

    # 2. The receipt mail arrives over SMTP with the reference and a private status link.
    receipt = wait_for_mail(smtp_server, RESIDENT, 1)[0]
    assert reference in receipt["Subject"]
    link = re.search(r"https?://\S+/meldingen/status/\S+/", body(receipt)).group(0)
    status_path = urlsplit(link).path
    page.goto(loaded.url + status_path)
    assert "ontvangen" in page.locator("main").inner_text().lower()

    # 3. A handler of the municipality logs in with password and app code, picks it up.
    log_in(page, loaded.url, handler, "/behandelen/")
    page.get_by_role("link", name=reference).first.click()
    page.get_by_role("button", name="Oppakken").click()
    assert "in behandeling" in page.locator("main").inner_text().lower()

    # 4. The resident is told, by mail.
    mails = wait_for_mail(smtp_server, RESIDENT, 2)
    assert any(m["Subject"] == f"Wij pakken uw melding op ({reference})" for m in mails)

    # 5. The public status page shows the new state, and nothing personal.
    resident = page.context.browser.new_page()
    resident.goto(loaded.url + status_path)
    text = resident.locator("main").inner_text()
    assert "in behandeling" in text.lower()
    assert RESIDENT not in resident.content()
    assert "behandelaar" not in text
    resident.close()
