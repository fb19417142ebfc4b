"""The question desk in chromium: a staff member logs a question, is stopped when the
summary holds a phone number, fixes it, and finds it in the list and the overview.
Every page passes axe-core (WCAG 2.1 AA) on a desktop and on a phone."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.areas.models import Membership, Organisation
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.workdays import today

from .conftest import STAFF_PASSWORD, axe_violations, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def desk(loaded, django_user_model):
    cache.clear()
    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = django_user_model.objects.create_user("balie", password=STAFF_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="question_desk"))
    Membership.objects.create(
        user=user, organisation=Organisation.objects.get(slug="gemeente-vlaardingen")
    )
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def test_logging_a_question_without_personal_data(page, loaded, desk):
    log_in(page, loaded.url, desk, "/westwijk/vragen/nieuw/")
    assert axe_violations(page) == []
    page.get_by_label("Thema").select_option(label="geld")
    page.get_by_label("Buurt (mag leeg blijven)").select_option(label="Wetering")
    page.get_by_label("Hoe kwam de vraag binnen?").select_option(label="binnengelopen")
    page.get_by_label("Wat is er gedaan?").select_option(label="komt terug op een datum")
    page.get_by_label("Terugkomen op").fill(today().isoformat())
    summary = page.get_by_label("Korte omschrijving zonder namen (mag leeg blijven)")
    summary.fill("Vraag over huurtoeslag, bel terug op 06-12345678")
    page.get_by_role("button", name="Vraag opslaan").click()

    main = page.locator("main").inner_text()
    assert "lijkt op een telefoonnummer" in main
    assert Question.objects.count() == 0
    assert axe_violations(page) == []  # the page with errors too
    # Nothing lost: the text is still there to fix.
    assert summary.input_value() == "Vraag over huurtoeslag, bel terug op 06-12345678"
    summary.fill("Vraag over huurtoeslag")
    page.get_by_role("button", name="Vraag opslaan").click()
    assert "De vraag is opgeslagen" in page.locator("main").inner_text()
    question = Question.objects.get()
    assert (question.theme, question.neighbourhood.slug) == ("money", "wetering")

    for path in ("/westwijk/vragen/", "/westwijk/vragen/terugkomen/"):
        page.goto(loaded.url + path)
        assert "Vraag over huurtoeslag" in page.locator("main").inner_text(), path
        assert axe_violations(page) == [], path
    page.get_by_role("button", name="Gedaan").click()
    assert "Gedaan: u bent teruggekomen" in page.locator("main").inner_text()

    page.set_viewport_size(PHONE)
    page.goto(loaded.url + "/westwijk/vragen/overzicht/")
    text = page.locator("main").inner_text()
    assert "Per thema" in text
    assert "De eerste vraag die is vastgelegd, is van" in text
    assert axe_violations(page) == []
