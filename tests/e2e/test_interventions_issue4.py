"""Money and reach in chromium: public pages pass axe on desktop and phone; a coordinator
books money and enters reach through the staff forms, as a new user would."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.areas.tests.factories import join_areas
from wijkaanpak.interventions.models import AgeBand, Intervention, SpendingEntry
from wijkaanpak.interventions.services.money import add_spending, set_line_budget
from wijkaanpak.interventions.services.reach import record_reach

from .conftest import STAFF_PASSWORD, axe_violations, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def with_money_and_reach(loaded):
    """Some money and reach in Westwijk, so the tables are filled (also a flagged line)."""
    krachtbus = Intervention.objects.get(programme__area__slug="westwijk", slug="krachtbus")
    year = timezone.localdate().year
    last_month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    set_line_budget(krachtbus.line, year, 1_000_000)
    krachtbus.budget_cents = 250_000
    krachtbus.save()
    add_spending(
        krachtbus,
        kind=SpendingEntry.Kind.SPENT,
        amount_cents=300_000,
        on=timezone.localdate(),  # this year, also on 1 January
        note="Huur bus",
        user=None,
    )
    hood = krachtbus.programme.area.neighbourhoods.order_by("name").first()
    for band, count in [(AgeBand.CHILDREN_4_12, 14), (AgeBand.PARENTS_ADULTS, 9)]:
        record_reach(
            krachtbus,
            period_start=last_month.replace(day=1),
            period_end=last_month,
            age_band=band,
            participants=count,
            neighbourhood=hood,
            source="presentielijst",
        )
    return loaded


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_money_and_reach_pages_are_accessible(page, with_money_and_reach, viewport):
    page.set_viewport_size(viewport)
    page.goto(with_money_and_reach.url + "/westwijk/geld/")
    assert "Geld van het programma" in page.locator("h1").inner_text()
    assert "€ 10.000,00" in page.content()
    assert "Meer uitgegeven dan het budget" in page.content()
    checked = []
    for path in [
        page.url.removeprefix(with_money_and_reach.url),
        "/westwijk/bereik/",
        "/westwijk/interventies/krachtbus/bereik/",
        "/westwijk/interventies/study-and-chill/bereik/",  # nothing entered yet
    ]:
        page.goto(with_money_and_reach.url + path)
        assert page.locator("h1").count() == 1, path
        # Wide tables scroll inside their own box; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        assert axe_violations(page) == [], path
        checked.append(path)
    assert "23" in page.goto(with_money_and_reach.url + checked[2]).text()


@pytest.fixture
def coordinator(loaded, django_user_model):
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = django_user_model.objects.create_user("coordinator", password=STAFF_PASSWORD)
    user.groups.add(Group.objects.get(name="programme_coordinator"))
    join_areas(user, "westwijk")  # a coordinator works in the area (areas.access)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def test_coordinator_books_money_and_enters_reach(page, loaded, coordinator):
    log_in(page, loaded.url, coordinator, "/westwijk/interventies/krachtbus/geld/")
    assert axe_violations(page) == []
    page.get_by_label("Soort boeking").select_option(label="uitgegeven")
    page.get_by_label("Bedrag in euro").fill("12.50")  # a dot: refused, not guessed
    page.get_by_label("Toelichting").first.fill("Koffie en thee")
    page.get_by_role("button", name="Boeking opslaan").click()
    assert "komma voor centen" in page.locator("#fouten").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Bedrag in euro").fill("12,50")
    page.get_by_role("button", name="Boeking opslaan").click()
    assert "De boeking is opgeslagen" in page.content()
    assert "€ 12,50" in page.locator("table", has_text="Alle boekingen").inner_text()

    page.goto(loaded.url + "/westwijk/interventies/krachtbus/bereik/nieuw/")
    assert axe_violations(page) == []
    last_month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    page.get_by_label("Begin van de periode").fill(last_month.replace(day=1).isoformat())
    page.get_by_label("Einde van de periode").fill(last_month.isoformat())
    page.get_by_label("12 tot 18 jaar").fill("8")
    page.get_by_label("Bron").fill("Presentielijst")
    page.get_by_role("button", name="Bereik opslaan").click()
    assert page.url.endswith("/westwijk/interventies/krachtbus/bereik/")
    assert "12 tot 18 jaar" in page.locator("table").first.inner_text()
