"""Who hears what about a report, over a real SMTP connection (issue #3 item 4, R5)."""

import io
import re

import pytest
import time_machine
from django.core.management import call_command

from wijkaanpak.areas.tests.factories import NeighbourhoodFactory
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.reports import notify, services
from wijkaanpak.reports.models import ReportContact, ReportEvent, Status

from .factories import CategoryFactory, ReportContactFactory, ReportEventFactory, amsterdam, handler

pytestmark = pytest.mark.django_db

REPORTER = "melder.westwijk@example.org"
PHONE = "06 1234 5678"
MONDAY = amsterdam(2026, 3, 2, 10, 0)


@pytest.fixture
def category():
    return CategoryFactory(name="Zwerfafval")


@pytest.fixture
def staff(category):
    return handler(category.handling_organisation, email="ploeg@irado.example")


def file_report(category, **kwargs):
    neighbourhood = NeighbourhoodFactory()
    values = {
        "area": neighbourhood.area,
        "neighbourhood": neighbourhood,
        "category": category,
        "description": "Zakken met afval naast de container.",
        "address": "Van Hogendorplaan 1",
    }
    with time_machine.travel(MONDAY, tick=False):
        return services.create_report(**{**values, **kwargs})


def send_outbox():
    call_command("send_outbox", stdout=io.StringIO())


def mails_to(smtp_server, address):
    return [(m["Subject"], m.get_content()) for m in smtp_server.to(address)]


def status_link(text):
    return re.search(r"http://testserver(/\S+)", text).group(1)


@pytest.mark.parametrize(
    ("kind", "to_status", "public_text", "expected"),
    [
        (ReportEvent.Kind.CREATED, Status.RECEIVED, "", "receipt"),
        (ReportEvent.Kind.SUPPORTER_JOINED, "", "", "joined"),
        (ReportEvent.Kind.STATUS_CHANGED, Status.PICKED_UP, "", "picked_up"),
        (ReportEvent.Kind.STATUS_CHANGED, Status.PLANNED, "", "planned"),
        (ReportEvent.Kind.STATUS_CHANGED, Status.WAITING_FOR_THIRD_PARTY, "", "waiting"),
        (ReportEvent.Kind.STATUS_CHANGED, Status.RESOLVED, "Opgeruimd.", "resolved"),
        (ReportEvent.Kind.STATUS_CHANGED, Status.CANCELLED, "Privéterrein.", "cancelled"),
        (ReportEvent.Kind.STATUS_CHANGED, Status.REOPENED, "", "reopened"),
        (ReportEvent.Kind.REPORTER_FEEDBACK, Status.REOPENED, "", "reopened"),
        (ReportEvent.Kind.REPORTER_FEEDBACK, "", "", None),  # "yes, solved": nothing to say
        (ReportEvent.Kind.LATE_REASON, "", "Wacht op een kraan.", "late_reason"),
        (ReportEvent.Kind.MERGED, Status.DUPLICATE, "Zelfde als M-1.", "merged"),
        (ReportEvent.Kind.MERGED, "", "", None),  # the original's side of a merge
        (ReportEvent.Kind.NOTE, "", "", None),
        (ReportEvent.Kind.REASSIGNED, "", "", None),
        (ReportEvent.Kind.CONTACT_ANONYMISED, "", "", None),
    ],
)
def test_which_event_causes_which_mail(kind, to_status, public_text, expected):
    event = ReportEvent(kind=kind, to_status=to_status, public_text=public_text)
    mail = notify.mail_for(event)
    assert (mail.kind if mail else None) == expected


def test_the_happy_path_mails_the_right_people(
    smtp_server, category, staff, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = file_report(category, email=REPORTER, phone=PHONE, wants_updates=True)
        quiet = services.join_report(report, email="buurman@example.org", wants_updates=False)

    [(subject, receipt)] = mails_to(smtp_server, REPORTER)
    assert subject == f"Wij hebben uw melding ontvangen ({report.reference})"
    assert report.reference in receipt
    assert "maandag 9 maart 2026" in receipt  # the pickup promise
    assert report.status_token in receipt
    # The private status link works and shows no personal data.
    response = client.get(status_link(receipt))
    assert response.status_code == 200
    page = response.content.decode()
    assert report.reference in page
    for personal in (REPORTER, PHONE, "buurman@example.org"):
        assert personal not in page

    with django_capture_on_commit_callbacks(execute=True):
        services.pick_up(report, user=staff)
        services.resolve(report, user=staff, reason="De zakken zijn opgehaald op dinsdag.")

    subjects = [s for s, _ in mails_to(smtp_server, REPORTER)]
    assert subjects == [
        f"Wij hebben uw melding ontvangen ({report.reference})",
        f"Wij pakken uw melding op ({report.reference})",
        f"Uw melding is opgelost. Klopt dat? ({report.reference})",
    ]
    resolved = mails_to(smtp_server, REPORTER)[2][1]
    assert "De zakken zijn opgehaald op dinsdag." in resolved
    assert "Is het opgelost?" in resolved
    assert client.get(status_link(resolved)).status_code == 200

    # The neighbour who did not ask for updates got the confirmation with the link only.
    assert quiet.wants_updates is False
    assert [s for s, _ in mails_to(smtp_server, "buurman@example.org")] == [
        f"U volgt nu melding {report.reference}"
    ]
    # Nobody else was mailed, and nothing is left waiting.
    assert {m["To"] for m in smtp_server.messages} == {REPORTER, "buurman@example.org"}
    assert not OutboxMessage.objects.exclude(state=OutboxMessage.State.SENT).exists()


def test_a_contact_without_updates_gets_the_receipt_only(smtp_server, category, staff):
    report = file_report(category, email=REPORTER, wants_updates=False)
    services.pick_up(report, user=staff)
    services.resolve(report, user=staff, reason="Opgeruimd.")
    send_outbox()

    assert [s for s, _ in mails_to(smtp_server, REPORTER)] == [
        f"Wij hebben uw melding ontvangen ({report.reference})"
    ]


def test_an_anonymous_report_mails_nobody(smtp_server, category, staff):
    report = file_report(category, phone=PHONE)  # a phone number, but no e-mail address
    services.pick_up(report, user=staff)
    services.resolve(report, user=staff, reason="Opgeruimd.")
    send_outbox()

    assert smtp_server.messages == []
    assert not OutboxMessage.objects.exists()


def test_an_event_never_mails_twice(smtp_server, category, staff):
    report = file_report(category, email=REPORTER, wants_updates=True)
    services.pick_up(report, user=staff)
    event = report.events.get(to_status=Status.PICKED_UP)
    notify.on_event(event)
    notify.on_event(report.events.get(kind=ReportEvent.Kind.CREATED))
    send_outbox()
    send_outbox()

    assert len(smtp_server.messages) == 2


def test_the_same_address_twice_on_a_report_gets_one_mail(smtp_server, category, staff):
    report = file_report(category, email=REPORTER, wants_updates=True)
    services.join_report(report, email=REPORTER.upper(), wants_updates=True)
    services.pick_up(report, user=staff)
    send_outbox()

    pickups = [m for m in smtp_server.messages if "pakken uw melding op" in m["Subject"]]
    assert len(pickups) == 1


def test_status_changes_and_reasons_reach_the_reporter(smtp_server, category, staff):
    report = file_report(category, email=REPORTER, wants_updates=True)
    services.pick_up(report, user=staff)
    services.change_status(report, Status.PLANNED, user=staff, public_text="Donderdag.")
    services.change_status(
        report, Status.WAITING_FOR_THIRD_PARTY, user=staff, public_text="Wacht op Stedin."
    )
    services.cancel(report, user=staff, reason="Dit is privéterrein van de corporatie.")
    send_outbox()

    mails = mails_to(smtp_server, REPORTER)
    assert [s.split(" (")[0] for s, _ in mails] == [
        "Wij hebben uw melding ontvangen",
        "Wij pakken uw melding op",
        "Uw melding is ingepland",
        "Uw melding wacht op een andere partij",
        "Wij doen niets meer met uw melding",
    ]
    assert "Donderdag." in mails[2][1]
    assert "Wacht op Stedin." in mails[3][1]
    assert "Dit is privéterrein van de corporatie." in mails[4][1]


def test_not_solved_reopens_and_tells_every_follower(smtp_server, category, staff):
    report = file_report(category, email=REPORTER, wants_updates=True)
    services.join_report(report, email="buurvrouw@example.org", wants_updates=True)
    services.pick_up(report, user=staff)
    services.resolve(report, user=staff, reason="Opgeruimd.")
    services.reporter_feedback(report, solved=False, text="Er ligt nog steeds afval.")
    send_outbox()

    for address in (REPORTER, "buurvrouw@example.org"):
        assert mails_to(smtp_server, address)[-1][0] == (
            f"Uw melding is weer open ({report.reference})"
        )
    # The reporter's own words are internal: they are not mailed around.
    assert all("nog steeds afval" not in m.get_content() for m in smtp_server.messages)


def test_a_merged_duplicates_reporter_keeps_getting_updates(smtp_server, category, staff):
    original = file_report(category, email=REPORTER, wants_updates=True)
    duplicate = file_report(category, email="tweede@example.org", wants_updates=True)
    services.merge_duplicate(duplicate, original, user=staff)
    services.pick_up(original, user=staff)
    services.resolve(original, user=staff, reason="Opgeruimd op woensdag.")
    send_outbox()

    subjects = [s for s, _ in mails_to(smtp_server, "tweede@example.org")]
    assert subjects == [
        f"Wij hebben uw melding ontvangen ({duplicate.reference})",
        f"Uw melding is samengevoegd met een andere melding ({duplicate.reference})",
        f"Wij pakken uw melding op ({original.reference})",
        f"Uw melding is opgelost. Klopt dat? ({original.reference})",
    ]
    merged = mails_to(smtp_server, "tweede@example.org")[1][1]
    assert original.reference in merged


def test_an_anonymised_contact_is_never_mailed(smtp_server, category, staff):
    report = file_report(category, email=REPORTER, wants_updates=True)
    ReportContact.objects.filter(report=report).update(email="", phone="")
    services.pick_up(report, user=staff)
    send_outbox()

    assert [m["Subject"] for m in smtp_server.messages] == [
        f"Wij hebben uw melding ontvangen ({report.reference})"
    ]


def test_on_event_with_factories_enqueues_for_contacts_who_want_updates():
    contact = ReportContactFactory(wants_updates=True)
    ReportContactFactory(report=contact.report, wants_updates=False)
    event = ReportEventFactory(
        report=contact.report,
        kind=ReportEvent.Kind.LATE_REASON,
        public_text="De kraan is kapot.",
    )

    notify.on_event(event)

    [message] = OutboxMessage.objects.all()
    assert message.recipient == contact.email
    assert message.kind == "report_late_reason"
    assert message.topic_type == "reports.report"
    assert message.topic_id == str(contact.report.pk)
    assert message.dedupe_key == f"report-event:{event.pk}:contact:{contact.pk}"
    assert "De kraan is kapot." in message.body


def test_a_failing_mail_server_does_not_lose_the_receipt(
    smtp_server, category, django_capture_on_commit_callbacks
):
    """security.md R5: stop the server, create a report, start it, the mail arrives once."""
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        report = file_report(category, email=REPORTER, wants_updates=True)

    [message] = OutboxMessage.objects.all()
    assert message.state == OutboxMessage.State.PENDING
    assert message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error

    smtp_server.start()
    with time_machine.travel(message.next_attempt_at, tick=False):
        send_outbox()
        send_outbox()

    [mail] = smtp_server.messages
    assert mail["To"] == REPORTER
    assert report.reference in mail["Subject"]
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
