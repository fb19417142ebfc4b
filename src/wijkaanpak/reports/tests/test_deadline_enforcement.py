"""A report not picked up in time cannot silently pass: alert, reason, mail, breach (issue #3).

The clock is moved with time_machine; mail goes over SMTP to a local aiosmtpd server.
Early March 2026 has no public holidays: Monday 2 March + 5 working days = Monday 9 March.
"""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Membership
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.reports import deadlines_enforcement, services
from wijkaanpak.reports.models import DeadlineBreach, ReportEvent, Status

from .factories import CategoryFactory, amsterdam, handler

pytestmark = pytest.mark.django_db

MONDAY = amsterdam(2026, 3, 2, 10, 0)
REASON = "De container staat op grond van de woningcorporatie. We vragen eerst toestemming."


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Irado")


@pytest.fixture
def staff(organisation):
    """Who gets the alert: active members of the organisation with an e-mail address."""
    active = handler(organisation, email="ploegleider@irado.example", first_name="Sam")
    handler(organisation, email="oud@irado.example", is_active=False)
    handler(organisation, email="")
    other = OrganisationFactory(name="Gemeente")
    handler(other, email="gemeente@vlaardingen.example")
    return active


@pytest.fixture
def category(organisation):
    return CategoryFactory(name="Grofvuil", handling_organisation=organisation)


def file_report(category, *, email="", when=MONDAY, **kwargs):
    neighbourhood = kwargs.pop("neighbourhood", None) or NeighbourhoodFactory()
    with time_machine.travel(when, tick=False):
        return services.create_report(
            area=neighbourhood.area,
            neighbourhood=neighbourhood,
            category=category,
            description="Een bank en een matras naast de container.",
            address="Westlandseweg 100",
            email=email,
            wants_updates=bool(email),
            **kwargs,
        )


def run(when) -> str:
    out = io.StringIO()
    with time_machine.travel(when, tick=False):
        call_command("check_report_deadlines", stdout=out)
        call_command("send_outbox", stdout=io.StringIO())
    return out.getvalue()


def alerts():
    return OutboxMessage.objects.filter(kind="report_deadline_alert")


def test_a_report_not_picked_up_in_time_cannot_silently_pass(
    smtp_server, staff, category, django_capture_on_commit_callbacks
):
    explained = file_report(category, email="melder@example.org")
    silent = file_report(category)
    assert explained.pickup_due_on == dt.date(2026, 3, 9)
    run(amsterdam(2026, 3, 2, 11, 0))  # the receipt goes out
    smtp_server.messages.clear()

    # Thursday: due Monday is two working days away; not yet at risk.
    run(amsterdam(2026, 3, 5, 6, 30))
    assert not alerts().exists()

    # Friday, the working day before the due date: the organisation is alerted.
    output = run(amsterdam(2026, 3, 6, 6, 30))
    assert "Meldingen in gevaar (nog niet opgepakt, termijn bijna om): 2" in output
    assert "Nieuw gewaarschuwd: 2 meldingen, 2 e-mails" in output
    assert [m["To"] for m in smtp_server.messages] == ["ploegleider@irado.example"] * 2
    alert = smtp_server.messages[0]
    assert explained.reference in alert["Subject"]
    text = alert.get_content()
    assert "maandag 9 maart 2026" in text
    assert "Schrijf dan vóór het einde van de termijn waarom het later wordt" in text
    assert "melder@example.org" not in text
    note = explained.events.get(kind=ReportEvent.Kind.NOTE)
    assert note.actor_label == "systeem"
    assert "Irado" in note.internal_note

    # The same day again: no second alert, no second note.
    output = run(amsterdam(2026, 3, 6, 9, 0))
    assert "Nieuw gewaarschuwd: 0 meldingen, 0 e-mails" in output
    assert len(smtp_server.messages) == 2
    assert explained.events.filter(kind=ReportEvent.Kind.NOTE).count() == 1

    # The handler records why it will be late; the reporter gets that reason by mail.
    smtp_server.messages.clear()
    with (
        time_machine.travel(amsterdam(2026, 3, 6, 14, 0), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.record_late_reason(explained, user=staff, reason=REASON)
    [mail] = smtp_server.messages
    assert mail["To"] == "melder@example.org"
    assert "langer dan beloofd" in mail["Subject"]
    assert REASON in mail.get_content()

    # Monday, due today: only the report without a reason is alerted again.
    smtp_server.messages.clear()
    output = run(amsterdam(2026, 3, 9, 6, 30))
    assert "Nieuw gewaarschuwd: 1 meldingen, 1 e-mails" in output
    assert [m["Subject"] for m in smtp_server.messages] == [
        f"Let op: melding {silent.reference} is nog niet opgepakt"
    ]
    assert not DeadlineBreach.objects.exists()

    # Tuesday: the due date has passed without a pickup. Both breaches are recorded.
    output = run(amsterdam(2026, 3, 10, 6, 30))
    assert "Nieuwe overschrijdingen oppakken: 2" in output
    breaches = {b.report_id: b for b in DeadlineBreach.objects.all()}
    assert breaches[explained.pk].kind == DeadlineBreach.Kind.PICKUP
    assert breaches[explained.pk].due_on == dt.date(2026, 3, 9)
    assert breaches[explained.pk].reason_given == REASON
    # No reason given: recorded with an empty reason, which is what the steering group sees.
    assert breaches[silent.pk].reason_given == ""

    # Running again, that day and the next, changes nothing.
    before = (OutboxMessage.objects.count(), ReportEvent.objects.count(), len(smtp_server.messages))
    output = run(amsterdam(2026, 3, 10, 7, 0))
    assert "Nieuwe overschrijdingen oppakken: 0" in output
    run(amsterdam(2026, 3, 11, 6, 30))
    assert DeadlineBreach.objects.filter(kind=DeadlineBreach.Kind.PICKUP).count() == 2
    assert (
        OutboxMessage.objects.count(),
        ReportEvent.objects.count(),
        len(smtp_server.messages),
    ) == before


def test_a_reason_given_after_the_deadline_does_not_count(staff, category):
    report = file_report(category, email="melder@example.org")
    with time_machine.travel(amsterdam(2026, 3, 10, 8, 0), tick=False):
        services.record_late_reason(report, user=staff, reason="Te laat uitgelegd.")

    run(amsterdam(2026, 3, 10, 9, 0))

    assert DeadlineBreach.objects.get(report=report).reason_given == ""


def test_a_reason_just_before_midnight_on_the_due_date_counts(staff, category):
    report = file_report(category)
    with time_machine.travel(amsterdam(2026, 3, 9, 23, 59), tick=False):
        services.record_late_reason(report, user=staff, reason="Nog net op tijd.")

    run(amsterdam(2026, 3, 10, 6, 30))

    assert DeadlineBreach.objects.get(report=report).reason_given == "Nog net op tijd."


@pytest.mark.parametrize(
    ("what_happens", "when", "breach"),
    [
        ("nothing", None, True),
        ("pick_up", amsterdam(2026, 3, 9, 16, 0), False),  # on the due date: on time
        ("pick_up", amsterdam(2026, 3, 10, 6, 0), True),  # late, before the check ran
        ("cancel", amsterdam(2026, 3, 4, 9, 0), False),  # cancelled on time
        ("cancel", amsterdam(2026, 3, 10, 6, 0), True),  # cancelled late, never picked up
    ],
)
def test_which_reports_breach_the_pickup_term(staff, category, what_happens, when, breach):
    report = file_report(category)
    if what_happens != "nothing":
        with time_machine.travel(when, tick=False):
            if what_happens == "pick_up":
                services.pick_up(report, user=staff)
            else:
                services.cancel(report, user=staff, reason="Dit is privéterrein.")

    run(amsterdam(2026, 3, 10, 7, 0))

    assert DeadlineBreach.objects.filter(report=report, kind="pickup").exists() is breach


@pytest.mark.parametrize(
    ("status", "due_in_working_days", "at_risk"),
    [
        (Status.RECEIVED, 0, True),
        (Status.RECEIVED, 1, True),
        (Status.RECEIVED, 2, False),
        (Status.RECEIVED, -1, False),  # already late: a breach, not an alert
        (Status.CANCELLED, 1, False),
    ],
)
def test_which_reports_are_at_risk(category, status, due_in_working_days, at_risk):
    today = dt.date(2026, 3, 6)  # a Friday
    report = file_report(category)
    if due_in_working_days >= 0:
        due = deadlines_enforcement.workdays.add_working_days(today, due_in_working_days)
    else:
        due = today - dt.timedelta(days=1)
    type(report).objects.filter(pk=report.pk).update(pickup_due_on=due, status=status)

    assert (report in deadlines_enforcement.at_risk(today)) is at_risk


def test_picked_up_and_explained_reports_are_not_at_risk(staff, category):
    picked = file_report(category)
    explained = file_report(category)
    with time_machine.travel(amsterdam(2026, 3, 3, 9, 0), tick=False):
        services.pick_up(picked, user=staff)
        services.record_late_reason(explained, user=staff, reason="Wacht op een kraan.")

    assert list(deadlines_enforcement.at_risk(dt.date(2026, 3, 6))) == []


def test_no_alerts_at_the_weekend_and_a_warning_when_nobody_can_be_alerted(category):
    report = file_report(category)
    # Saturday 7 March: Monday 9 March is the next working day, but nobody works today.
    output = run(amsterdam(2026, 3, 7, 6, 30))
    assert "Meldingen in gevaar (nog niet opgepakt, termijn bijna om): 1" in output
    assert not alerts().exists()

    # Monday: the organisation has no member with an e-mail address; that is said aloud.
    output = run(amsterdam(2026, 3, 9, 6, 30))
    assert f"Geen medewerker met e-mailadres om te waarschuwen voor: {report.reference}" in output
    assert not alerts().exists()


def test_a_member_of_two_organisations_gets_one_alert_per_report(staff, organisation, category):
    Membership.objects.create(user=staff, organisation=OrganisationFactory())
    file_report(category)

    run(amsterdam(2026, 3, 6, 6, 30))

    assert list(alerts().values_list("recipient", flat=True)) == ["ploegleider@irado.example"]


def test_a_resolution_that_comes_late_is_recorded_once_with_the_explanation(staff, organisation):
    # Resolution term of 3 working days: due Thursday 5 March.
    category = CategoryFactory(handling_organisation=organisation, resolution_term_days=3)
    late = file_report(category)
    on_time = file_report(category)
    with time_machine.travel(amsterdam(2026, 3, 3, 9, 0), tick=False):
        services.pick_up(late, user=staff)
        services.change_status(
            late,
            Status.WAITING_FOR_THIRD_PARTY,
            user=staff,
            public_text="We wachten op de aannemer van de straat.",
        )
        services.pick_up(on_time, user=staff)
    with time_machine.travel(amsterdam(2026, 3, 5, 15, 0), tick=False):
        services.resolve(on_time, user=staff, reason="Het grofvuil is opgehaald.")

    output = run(amsterdam(2026, 3, 6, 6, 30))
    run(amsterdam(2026, 3, 6, 8, 0))

    assert "Nieuwe overschrijdingen afhandelen: 1" in output
    breach = DeadlineBreach.objects.get(kind=DeadlineBreach.Kind.RESOLUTION)
    assert breach.report == late
    assert breach.due_on == dt.date(2026, 3, 5)
    assert breach.reason_given == "We wachten op de aannemer van de straat."
    assert not DeadlineBreach.objects.filter(kind=DeadlineBreach.Kind.PICKUP).exists()


def test_the_alert_goes_to_staff_only_not_to_outsiders(staff, category):
    outsider = UserFactory(email="buiten@example.org")
    file_report(category)

    run(amsterdam(2026, 3, 6, 6, 30))

    assert outsider.email not in alerts().values_list("recipient", flat=True)
