"""The public status page: plain words, dates, public history, no personal data at all."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory
from wijkaanpak.reports.models import ReportEvent, Status
from wijkaanpak.reports.services import (
    add_note,
    cancel,
    create_report,
    join_report,
    merge_duplicate,
    pick_up,
    record_late_reason,
    resolve,
)
from wijkaanpak.reports.status_text import street_name
from wijkaanpak.reports.tests.factories import CategoryFactory, amsterdam

pytestmark = pytest.mark.django_db

SECRET_WORDS = [
    "melder@example.org",
    "06 98765432",
    "buur@example.org",
    "Hendrika",  # the handler's name
    "interne notitie",
    "Van Hogendorplaan 12",
]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def handler():
    return UserFactory(first_name="Hendrika", last_name="de Vries", is_staff=True)


@pytest.fixture
def report():
    hood = NeighbourhoodFactory(name="Wetering")
    return create_report(
        area=hood.area,
        neighbourhood=hood,
        category=CategoryFactory(name="Straatverlichting"),
        description="Lamp kapot voor mijn huis, bel me op 06 98765432",
        address="Van Hogendorplaan 12",
        location_description="bij het bankje",
        email="melder@example.org",
        phone="06 98765432",
        wants_updates=True,
        received_at=amsterdam(2024, 3, 4, 10),
    )


def url(report):
    return f"/meldingen/status/{report.status_token}/"


def page(client, report):
    response = client.get(url(report))
    assert response.status_code == 200
    return response, response.content.decode()


def assert_no_personal_data(html):
    for word in SECRET_WORDS:
        assert word not in html, word


@pytest.mark.parametrize(
    ("address", "street"),
    [
        ("Van Hogendorplaan 12", "Van Hogendorplaan"),
        ("Van Hogendorplaan 12a, 3131 AB Vlaardingen", "Van Hogendorplaan"),
        ("Van Hogendorplaan 12-3", "Van Hogendorplaan"),
        ("2e Van Leyden Gaelstraat 5", "2e Van Leyden Gaelstraat"),
        ("Westlandseweg", "Westlandseweg"),
        ("Marathonweg 3131AB", "Marathonweg"),
        ("", ""),
    ],
)
def test_street_name(address, street):
    assert street_name(address) == street


@time_machine.travel(amsterdam(2024, 3, 5, 9), tick=False)
def test_a_new_report_in_plain_words_with_its_dates(client, report):
    response, html = page(client, report)
    assert report.reference in html
    assert "Straatverlichting" in html and "Wetering" in html
    assert "Van Hogendorplaan, bij het bankje" in html
    assert "Niemand heeft hem nog opgepakt" in html
    assert "4 maart 2024" in html  # received
    assert "maandag 11 maart 2024" in html  # to be picked up by
    assert "nog niet" in html
    assert "Melding ontvangen" in html
    assert "Lamp kapot" not in html  # the resident's own words are not shown
    assert_no_personal_data(html)
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"


@time_machine.travel(amsterdam(2024, 3, 8, 9), tick=False)
def test_history_shows_public_texts_but_no_staff_names_or_notes(client, report, handler):
    pick_up(report, user=handler, internal_note="interne notitie: sleutel bij buurman")
    add_note(report, user=handler, note="interne notitie over de melder")
    join_report(report, email="buur@example.org")
    _, html = page(client, report)
    assert "Nieuwe status: in behandeling" in html
    assert "8 maart 2024" in html  # picked up on
    assert "Een andere bewoner meldde hetzelfde" in html
    assert "1 andere bewoner" in html
    assert_no_personal_data(html)


def test_a_late_pickup_says_so_with_the_reason(client, report, handler):
    with time_machine.travel(amsterdam(2024, 3, 8, 9), tick=False):
        record_late_reason(report, user=handler, reason="De hoogwerker is kapot.")
    with time_machine.travel(amsterdam(2024, 3, 12, 9), tick=False):
        _, html = page(client, report)
    assert "niet binnen 5 werkdagen opgepakt" in html
    assert "De hoogwerker is kapot." in html
    assert "Het duurt langer dan beloofd" in html


def test_a_late_pickup_without_a_reason_says_none_was_given(client, report):
    with time_machine.travel(amsterdam(2024, 3, 12, 9), tick=False):
        _, html = page(client, report)
    assert "niet binnen 5 werkdagen opgepakt" in html
    assert "Er is nog geen uitleg gegeven." in html


def test_a_cancelled_report_shows_why(client, report, handler):
    cancel(report, user=handler, reason="Deze lamp is van de woningcorporatie.")
    _, html = page(client, report)
    assert "We doen niets meer met deze melding" in html
    assert "Deze lamp is van de woningcorporatie." in html
    assert "Is het opgelost?" not in html


def test_a_duplicate_links_to_the_original(client, report, handler):
    original = create_report(
        area=report.area,
        neighbourhood=report.neighbourhood,
        category=report.category,
        description="Lamp uit",
        address="Van Hogendorplaan 14",
    )
    merge_duplicate(report, original, user=handler)
    _, html = page(client, report)
    assert f'href="/meldingen/status/{original.status_token}/"' in html
    assert "Iemand anders had hetzelfde al gemeld" in html
    assert_no_personal_data(html)


def test_an_unknown_token_is_a_dutch_404(client, report):
    response = client.get("/meldingen/status/raden-lukt-niet/")
    assert response.status_code == 404
    assert "Wij kunnen deze melding niet vinden" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


@pytest.fixture
def resolved(report, handler):
    pick_up(report, user=handler)
    resolve(report, user=handler, reason="De lamp is vervangen.")
    return report


def test_after_resolution_the_reporter_is_asked_and_answers_once(client, resolved):
    _, html = page(client, resolved)
    assert "De lamp is vervangen." in html
    assert "Is het opgelost?" in html and 'name="solved"' in html
    assert "Opgelost op" in html

    response = client.post(url(resolved), {"solved": "ja", "text": ""})
    assert response.status_code == 302
    assert response["Location"] == url(resolved) + "#reactie"
    _, html = page(client, resolved)
    assert "Bedankt voor uw reactie." in html and 'name="solved"' not in html
    assert "De melder liet weten dat het is opgelost" in html

    client.post(url(resolved), {"solved": "nee"})  # a second answer changes nothing
    resolved.refresh_from_db()
    assert resolved.status == Status.RESOLVED
    assert resolved.events.filter(kind=ReportEvent.Kind.REPORTER_FEEDBACK).count() == 1


def test_no_reopens_the_report_and_the_text_stays_internal(client, resolved):
    client.post(url(resolved), {"solved": "nee", "text": "Nog steeds donker, groet Jan"})
    resolved.refresh_from_db()
    assert resolved.status == Status.REOPENED
    _, html = page(client, resolved)
    assert "De melding is weer open" in html
    assert "groet Jan" not in html
    feedback = resolved.events.get(kind=ReportEvent.Kind.REPORTER_FEEDBACK)
    assert "groet Jan" in feedback.internal_note


def test_feedback_without_a_choice_gets_a_dutch_error(client, resolved):
    response = client.post(url(resolved), {"text": "hmm"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies ja of nee." in html and 'href="#id_solved_0"' in html
    assert not resolved.events.filter(kind=ReportEvent.Kind.REPORTER_FEEDBACK).exists()


def test_feedback_on_an_open_report_is_ignored(client, report):
    response = client.post(url(report), {"solved": "nee"})
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == Status.RECEIVED
    assert not report.events.filter(kind=ReportEvent.Kind.REPORTER_FEEDBACK).exists()


def test_feedback_posts_are_rate_limited(client, resolved, settings):
    settings.REPORT_FORM_RATE = "1/minute"
    client.post(url(resolved), {"text": "geen keuze"})
    response = client.post(url(resolved), {"solved": "ja"})
    assert response.status_code == 429
    assert not resolved.events.filter(kind=ReportEvent.Kind.REPORTER_FEEDBACK).exists()


def test_only_get_and_post(client, report):
    assert client.put(url(report)).status_code == 405
    assert client.get(f"/meldingen/status/{report.status_token}x/").status_code == 404
    assert dt.date(2024, 3, 11) == report.pickup_due_on
