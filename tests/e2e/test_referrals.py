"""A warm referral end to end, in chromium and over real SMTP (issue 5, "Done when").

A school's family specialist refers a family with consent; the partner accepts it from the
inbox; the referrer sees the new state and receives a mail that names the kenmerk and the
state but nobody in the family.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.accounts import roles
from wijkaanpak.areas.models import Area, Membership
from wijkaanpak.referrals.models import Referral
from wijkaanpak.referrals.tests import factories as f

from .conftest import STAFF_PASSWORD, axe_violations, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FAMILY_NAME = "Familie Yilmaz"
CONSENT_BY = "mevrouw Y."


def wait_for_mail(smtp, address, count, seconds=10):
    """Mail leaves right after the commit, in the server's thread: give it a moment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if len(smtp.to(address)) >= count:
            return smtp.to(address)
        time.sleep(0.1)
    raise AssertionError(f"{count} mails to {address} expected, got {len(smtp.to(address))}")


def staff_member(django_user_model, username, role, organisation):
    user = django_user_model.objects.create_user(
        username,
        password=STAFF_PASSWORD,
        email=f"{username}@example.org",
        first_name=username.title(),
    )
    user.groups.add(Group.objects.get(name=role))
    Membership.objects.create(user=user, organisation=organisation)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


@pytest.fixture
def referral_world(loaded, django_user_model):
    cache.clear()
    f.sync_roles()
    area = Area.objects.get(slug="westwijk")
    school = f.organisation("ikc-de-wereldwijzer", "IKC De Wereldwijzer", area)
    welfare = f.organisation("minters", "Minters", area)
    f.offer(area, welfare, slug="buurtgezinnen", name="Buurtgezinnen")
    return {
        "server": loaded,
        "specialist": staff_member(django_user_model, "gezinsspecialist", roles.REFERRER, school),
        "receiver": staff_member(django_user_model, "ontvanger", roles.REFERRAL_RECEIVER, welfare),
    }


def test_a_specialist_refers_the_partner_accepts_and_the_referrer_is_told(
    page, browser, referral_world, smtp_server
):
    server = referral_world["server"]
    specialist, receiver = referral_world["specialist"], referral_world["receiver"]

    # 1. The family specialist logs in and opens the referral form: consent comes first.
    log_in(page, server.url, specialist, "/westwijk/verwijzingen/nieuw/")
    assert axe_violations(page) == []
    page.get_by_label("Naar welk aanbod verwijst u?").select_option(label="Buurtgezinnen (Minters)")
    page.get_by_label("Wie gaf toestemming? (naam of initialen)").fill(CONSENT_BY)
    page.get_by_label("ouder", exact=True).check()
    page.get_by_label("mondeling, in een gesprek").check()
    for kind in ("naam of initialen", "hoe we contact opnemen", "reden van de verwijzing"):
        page.get_by_label(f"{kind} (gaat altijd mee)").check()
    # Sending without consent for every kind that goes along is refused, and says why.
    page.get_by_label("Naam of initialen", exact=True).fill(FAMILY_NAME)
    page.get_by_label("Hoe neemt de partner contact op?").fill("06 98765432, na 15.00 uur")
    page.get_by_label("Korte reden").fill("Moeder zoekt een gezin in de buurt dat meehelpt.")
    page.get_by_role("button", name="Verwijzing versturen").click()
    assert "Nu ontbreekt: urgentie" in page.locator("main").inner_text()
    assert not Referral.objects.exists()
    page.get_by_label("urgentie (gaat altijd mee)").check()
    page.get_by_role("button", name="Verwijzing versturen").click()

    heading = page.locator("h1").inner_text()
    reference = re.search(r"VW-\d{4}-\d{5}", heading).group(0)
    assert "is verstuurd naar Minters" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    detail_path = urlsplit(page.url).path
    assert detail_path == f"/westwijk/verwijzingen/{reference}/"

    # 2. The partner is told by mail, logs in, finds it in the inbox and accepts it.
    new = wait_for_mail(smtp_server, receiver.email, 1)[0]
    assert reference in new["Subject"] and FAMILY_NAME not in new.get_content()
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    partner = context.new_page()
    log_in(partner, server.url, receiver, "/westwijk/verwijzingen/")
    assert axe_violations(partner) == []
    inbox = partner.get_by_role("region", name="Binnengekomen bij mijn organisatie")
    inbox.get_by_role("link", name=reference).click()
    assert FAMILY_NAME in partner.locator("main").inner_text()
    assert axe_violations(partner) == []
    partner.get_by_role("button", name="Ontvangen").click()
    assert "staat nu op 'ontvangen'" in partner.locator("main").inner_text()
    context.close()

    # 3. The referrer sees the new state on the referral page ...
    page.goto(server.url + detail_path)
    facts = page.locator("dl.facts").first.inner_text()
    assert re.search(r"Stand\s+ontvangen", facts)
    assert "Minters" in page.get_by_role("region", name="Verloop").inner_text()

    # 4. ... and gets a mail from the real local SMTP server, with no personal data in it.
    mail = wait_for_mail(smtp_server, specialist.email, 1)[0]
    assert mail["Subject"] == f"Verwijzing {reference}: ontvangen"
    body = mail.get_content()
    assert reference in body and "ontvangen" in body
    assert detail_path in body
    for personal in (FAMILY_NAME, CONSENT_BY, "06 98765432", "Moeder zoekt"):
        assert personal not in body and personal not in mail["Subject"]
