"""P6: reporter contact data and photos are removed a set time after a report is closed."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.management import call_command

from wijkaanpak.areas.tests.factories import NeighbourhoodFactory
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.reports import services
from wijkaanpak.reports.models import Report, ReportContact, ReportEvent, ReportPhoto, Status
from wijkaanpak.reports.retention import anonymise_due
from wijkaanpak.reports.uploads import CleanImage

from .factories import CategoryFactory, handler

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
RECEIVED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
CLOSED = dt.datetime(2026, 3, 4, 15, 0, tzinfo=dt.UTC)
TERM = dt.timedelta(days=365)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.REPORT_CONTACT_RETENTION_DAYS = 365
    return tmp_path


@pytest.fixture
def closed_report(db):
    """A report as a resident files it (contact, photo, receipt mail), picked up and resolved."""
    neighbourhood = NeighbourhoodFactory()
    category = CategoryFactory()
    staff = handler(category.handling_organisation)
    with time_machine.travel(RECEIVED, tick=False):
        report = services.create_report(
            area=neighbourhood.area,
            neighbourhood=neighbourhood,
            category=category,
            description="Grofvuil naast de container",
            address="Van Hogendorplaan 12",
            email="melder@example.org",
            phone="06 12345678",
            wants_updates=True,
            photos=[CleanImage("foto.png", PNG, "image/png", 10, 10)],
        )
        services.join_report(report, email="buur@example.org", phone="010 7654321")
    with time_machine.travel(CLOSED, tick=False):
        services.pick_up(report, user=staff)
        services.resolve(report, user=staff, reason="Het grofvuil is opgehaald.")
    report.refresh_from_db()
    assert report.status == Status.RESOLVED
    return report


def contact_data(report):
    return list(
        ReportContact.objects.filter(report=report)
        .order_by("pk")
        .values_list("email", "phone", "wants_updates")
    )


def photo_names(report):
    return [p.image.name for p in ReportPhoto.objects.filter(report=report)]


def test_before_the_term_nothing_changes(closed_report):
    names = photo_names(closed_report)
    assert names and all(default_storage.exists(n) for n in names)
    before = contact_data(closed_report)

    with time_machine.travel(CLOSED + TERM - dt.timedelta(minutes=1), tick=False):
        assert anonymise_due() == []

    assert contact_data(closed_report) == before
    assert before[0][:2] == ("melder@example.org", "06 12345678")
    assert all(default_storage.exists(n) for n in names)
    closed_report.refresh_from_db()
    assert closed_report.contact_anonymised_at is None
    assert not closed_report.events.filter(kind=ReportEvent.Kind.CONTACT_ANONYMISED).exists()


def test_after_the_term_contacts_and_photos_are_gone_and_a_record_is_kept(closed_report):
    names = photo_names(closed_report)
    mails = OutboxMessage.objects.filter(topic_type="reports.report", topic_id=closed_report.pk)
    assert mails.filter(recipient="melder@example.org").exists()
    after = CLOSED + TERM + dt.timedelta(minutes=1)

    with time_machine.travel(after, tick=False):
        done = anonymise_due()

    assert [(d.report_id, d.contacts, d.photos) for d in done] == [(closed_report.pk, 2, 1)]
    assert contact_data(closed_report) == [("", "", False), ("", "", False)]
    assert ReportPhoto.objects.filter(report=closed_report).count() == 0
    assert not any(default_storage.exists(n) for n in names)
    assert not mails.exclude(recipient="").exists()
    assert not mails.filter(state=OutboxMessage.State.PENDING).exists()
    closed_report.refresh_from_db()
    assert closed_report.contact_anonymised_at == after
    record = closed_report.events.get(kind=ReportEvent.Kind.CONTACT_ANONYMISED)
    assert (record.actor, record.actor_label, record.at) == (None, "systeem", after)
    assert "365 dagen" in record.internal_note
    assert "2 persoon/personen, 1 foto('s)" in record.internal_note
    # What the report is about stays, for the statistics and the public overview.
    assert closed_report.description == "Grofvuil naast de container"
    assert closed_report.status == Status.RESOLVED


def test_a_second_run_changes_nothing(closed_report):
    after = CLOSED + TERM + dt.timedelta(days=1)
    with time_machine.travel(after, tick=False):
        anonymise_due()
        events = list(closed_report.events.values_list("pk", flat=True))
        assert anonymise_due() == []
        out = StringIO()
        call_command("anonymise_report_contacts", stdout=out)
    assert "0 closed reports anonymised" in out.getvalue()
    assert list(closed_report.events.values_list("pk", flat=True)) == events
    assert closed_report.events.filter(kind=ReportEvent.Kind.CONTACT_ANONYMISED).count() == 1


def test_the_command_runs_the_job(closed_report):
    out = StringIO()
    with time_machine.travel(CLOSED + TERM + dt.timedelta(days=1), tick=False):
        call_command("anonymise_report_contacts", stdout=out)
    assert "1 closed reports anonymised (term: 365 days after closing)" in out.getvalue()
    assert contact_data(closed_report)[0] == ("", "", False)


def test_open_and_reopened_reports_keep_their_contacts(closed_report):
    services.reporter_feedback(closed_report, solved=False, text="Ligt er nog steeds.")
    closed_report.refresh_from_db()
    assert closed_report.status == Status.REOPENED
    with time_machine.travel(CLOSED + TERM * 2, tick=False):
        assert anonymise_due() == []
    assert contact_data(closed_report)[0][0] == "melder@example.org"


def test_the_term_is_a_setting(closed_report, settings):
    settings.REPORT_CONTACT_RETENTION_DAYS = 30
    with time_machine.travel(CLOSED + dt.timedelta(days=29), tick=False):
        assert anonymise_due() == []
    with time_machine.travel(CLOSED + dt.timedelta(days=31), tick=False):
        assert len(anonymise_due()) == 1


def test_a_cancelled_report_and_a_duplicate_are_covered_too(closed_report):
    others = Report.objects.exclude(pk=closed_report.pk)
    assert not others.exists()
    staff = handler(closed_report.organisation)
    neighbourhood = closed_report.neighbourhood
    with time_machine.travel(CLOSED, tick=False):
        cancelled = services.create_report(
            area=neighbourhood.area,
            neighbourhood=neighbourhood,
            category=closed_report.category,
            description="Melding die wordt ingetrokken",
            address="Dorpstraat 1",
            phone="06 99999999",
        )
        services.cancel(cancelled, user=staff, reason="Dit is privégrond.")
    with time_machine.travel(CLOSED + TERM + dt.timedelta(days=1), tick=False):
        assert {d.report_id for d in anonymise_due()} == {closed_report.pk, cancelled.pk}
    assert contact_data(cancelled) == [("", "", False)]
