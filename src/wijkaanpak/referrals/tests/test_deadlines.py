"""The receipt deadline: escalation once, on working days, never twice; the inbox order."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.referrals.models import Referral
from wijkaanpak.referrals.services import deadlines
from wijkaanpak.referrals.services.progress import change_state
from wijkaanpak.workdays import AMSTERDAM

from . import factories as f

pytestmark = pytest.mark.django_db
State = Referral.State

TUESDAY = dt.datetime(2026, 11, 24, 10, tzinfo=AMSTERDAM)  # due Tuesday 1 December
FRIDAY = dt.datetime(2026, 11, 20, 10, tzinfo=AMSTERDAM)  # due Friday 27 November


def at(day: dt.date, hour: int = 6) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 30), tzinfo=AMSTERDAM)


def run_command(moment: dt.datetime) -> str:
    out = io.StringIO()
    with time_machine.travel(moment, tick=False):
        call_command("check_referral_deadlines", stdout=out)
    return out.getvalue()


def escalation_mails():
    return OutboxMessage.objects.filter(kind="referral_escalated")


@pytest.mark.parametrize(
    ("sent_at", "run_on", "escalated"),
    [
        (TUESDAY, dt.date(2026, 11, 30), False),  # the day before the due day
        (TUESDAY, dt.date(2026, 12, 1), False),  # the due day itself still counts
        (TUESDAY, dt.date(2026, 12, 2), True),  # the working day after
        (FRIDAY, dt.date(2026, 11, 28), False),  # Saturday after a Friday due day: wait
        (FRIDAY, dt.date(2026, 11, 29), False),  # Sunday: wait
        (FRIDAY, dt.date(2026, 11, 30), True),  # Monday: escalate
        (dt.datetime(2026, 12, 17, 10, tzinfo=AMSTERDAM), dt.date(2026, 12, 25), False),  # Xmas
    ],
)
def test_a_referral_not_received_in_time_is_escalated_on_the_next_working_day(
    world, sent_at, run_on, escalated
):
    referral = f.referral(world.specialist, world.school, world.offer, now=sent_at)
    OutboxMessage.objects.all().delete()
    output = run_command(at(run_on))
    referral.refresh_from_db()
    assert (referral.escalated_at is not None) is escalated
    assert escalation_mails().exists() is escalated
    assert f"Nieuw opgeschaald: {1 if escalated else 0}" in output


def test_escalation_mails_the_receiver_and_the_referrer_without_personal_data(world):
    referral = f.referral(world.specialist, world.school, world.offer, now=TUESDAY)
    run_command(at(dt.date(2026, 12, 2)))
    mails = {m.recipient: m for m in escalation_mails()}
    assert set(mails) == {world.receiver.email, world.specialist.email}
    for mail in mails.values():
        assert referral.reference in mail.subject
        assert referral.reference in mail.body and "1 december 2026" in mail.body
        assert f"/westwijk/verwijzingen/{referral.reference}/" in mail.body
        for personal in ("J. Jansen", "06 12345678", "opvoeding", "mevrouw J."):
            assert personal not in mail.body and personal not in mail.subject
    assert "Minters" in mails[world.specialist.email].body
    referral.refresh_from_db()
    assert referral.escalated_at == at(dt.date(2026, 12, 2))
    assert referral.state == State.SENT  # escalation is no state


def test_running_twice_changes_nothing_and_mails_nobody_twice(world):
    referral = f.referral(world.specialist, world.school, world.offer, now=TUESDAY)
    run_command(at(dt.date(2026, 12, 2)))
    first = list(escalation_mails().values_list("recipient", "dedupe_key"))
    referral.refresh_from_db()
    escalated_at = referral.escalated_at

    output = run_command(at(dt.date(2026, 12, 2), hour=9))
    run_command(at(dt.date(2026, 12, 3)))

    referral.refresh_from_db()
    assert referral.escalated_at == escalated_at
    assert list(escalation_mails().values_list("recipient", "dedupe_key")) == first
    assert "Nieuw opgeschaald: 0" in output
    assert "Verwijzingen niet op tijd ontvangen: 1" in output


@pytest.mark.parametrize(
    ("step", "kwargs"),
    [
        (State.RECEIVED, {}),
        (State.NOT_STARTED, {"note": "Geen plek"}),
    ],
)
def test_a_referral_the_receiver_answered_is_not_escalated(world, step, kwargs):
    referral = f.referral(world.specialist, world.school, world.offer, now=TUESDAY)
    change_state(referral, user=world.receiver, to_state=step, **kwargs)
    run_command(at(dt.date(2026, 12, 2)))
    referral.refresh_from_db()
    assert referral.escalated_at is None
    assert not escalation_mails().exists()


def test_a_withdrawn_referral_is_not_escalated(world):
    referral = f.referral(world.specialist, world.school, world.offer, now=TUESDAY)
    change_state(referral, user=world.specialist, to_state=State.WITHDRAWN, note="Gezin wil niet")
    run_command(at(dt.date(2026, 12, 2)))
    assert not escalation_mails().exists()


def test_an_already_escalated_referral_is_left_alone(world):
    referral = f.referral(world.specialist, world.school, world.offer, now=TUESDAY)
    earlier = at(dt.date(2026, 12, 2))
    Referral.objects.filter(pk=referral.pk).update(escalated_at=earlier)
    output = run_command(at(dt.date(2026, 12, 4)))
    referral.refresh_from_db()
    assert referral.escalated_at == earlier
    assert not escalation_mails().exists()
    assert "Nieuw opgeschaald: 0" in output


def test_a_receiver_without_handlers_is_named_and_the_referrer_still_hears(world):
    world.receiver.email = ""
    world.receiver.save()
    referral = f.referral(world.specialist, world.school, world.offer, now=TUESDAY)
    output = run_command(at(dt.date(2026, 12, 2)))
    assert list(escalation_mails().values_list("recipient", flat=True)) == [world.specialist.email]
    assert f"ontvangende organisatie van: {referral.reference}" in output


@pytest.mark.parametrize(
    ("state", "due", "today", "overdue"),
    [
        (State.SENT, dt.date(2026, 12, 1), dt.date(2026, 12, 1), False),
        (State.SENT, dt.date(2026, 12, 1), dt.date(2026, 12, 2), True),
        (State.RECEIVED, dt.date(2026, 12, 1), dt.date(2026, 12, 9), False),
        (State.WITHDRAWN, dt.date(2026, 12, 1), dt.date(2026, 12, 9), False),
    ],
)
def test_is_overdue(state, due, today, overdue):
    assert deadlines.is_overdue(Referral(state=state, receive_due_on=due), today) is overdue


def test_the_inbox_puts_open_referrals_first_oldest_due_on_top(world):
    def make(day, hour=10):
        return f.referral(
            world.specialist,
            world.school,
            world.offer,
            now=dt.datetime.combine(day, dt.time(hour), tzinfo=AMSTERDAM),
        )

    newest = make(dt.date(2026, 11, 26))
    oldest = make(dt.date(2026, 11, 16))
    closed_early = make(dt.date(2026, 11, 10))
    closed_late = make(dt.date(2026, 11, 11))
    received = make(dt.date(2026, 11, 20))
    change_state(received, user=world.receiver, to_state=State.RECEIVED)
    for referral, hour in ((closed_early, 9), (closed_late, 11)):
        change_state(
            referral,
            user=world.receiver,
            to_state=State.NOT_STARTED,
            note="Geen plek",
            now=dt.datetime(2026, 11, 27, hour, tzinfo=AMSTERDAM),
        )
    order = list(deadlines.inbox(Referral.objects.all()))
    assert order == [oldest, received, newest, closed_late, closed_early]
