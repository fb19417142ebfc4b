"""P6: personal fields of closed referrals are erased after the term; rows and counts stay."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.referrals.models import ErasureRecord, Referral, ReferralEvent
from wijkaanpak.referrals.services import reach
from wijkaanpak.referrals.services.progress import change_state
from wijkaanpak.referrals.services.retention import ERASED_FIELDS, erase, erase_due

from . import factories as f

pytestmark = pytest.mark.django_db

SENT = dt.datetime(2026, 11, 9, 9, 0, tzinfo=dt.UTC)
CLOSED = dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC)
TERM = dt.timedelta(days=365)


@pytest.fixture(autouse=True)
def term(settings):
    settings.REFERRAL_RETENTION_DAYS = 365


@pytest.fixture
def referrals(world):
    """One completed, one not started (both closed on CLOSED) and one still running."""
    with time_machine.travel(SENT, tick=False):
        done = f.referral(world.specialist, world.school, world.offer)
        refused = f.referral(world.specialist, world.school, world.offer)
        running = f.referral(world.specialist, world.school, world.offer)
        change_state(done, user=world.receiver, to_state="received", note="Intake met moeder.")
        change_state(running, user=world.receiver, to_state="received")
        change_state(running, user=world.receiver, to_state="started")
    with time_machine.travel(CLOSED, tick=False):
        change_state(done, user=world.receiver, to_state="started")
        change_state(done, user=world.receiver, to_state="completed")
        change_state(refused, user=world.receiver, to_state="not_started", note="Gezin kiest.")
    return done, refused, running


def raw_row(referral) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT r.person_name, r.contact_route, r.reason, r.not_started_reason, c.given_by "
            "FROM referrals_referral r JOIN referrals_consent c ON c.id = r.consent_id "
            "WHERE r.id = %s",
            [referral.pk],
        )
        return cursor.fetchone()


def raw_notes(referral) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT note FROM referrals_referralevent WHERE referral_id = %s", [referral.pk]
        )
        return [row[0] for row in cursor.fetchall()]


def test_before_the_term_nothing_is_erased(referrals):
    done, _refused, _running = referrals
    with time_machine.travel(CLOSED + TERM - dt.timedelta(minutes=1), tick=False):
        assert erase_due() == []
    done.refresh_from_db()
    assert done.person_name == "J. Jansen" and done.erased_at is None
    assert not ErasureRecord.objects.exists()


def test_after_the_term_personal_fields_go_and_counts_stay(referrals, world):
    done, refused, running = referrals
    counts_before = reach.counts(Referral.objects.all())
    rows_before = (Referral.objects.count(), ReferralEvent.objects.count())
    later = CLOSED + TERM + dt.timedelta(days=1)
    with time_machine.travel(later, tick=False):
        erased = erase_due()
    assert sorted(erased) == sorted([done.reference, refused.reference])

    for referral in (done, refused):
        assert raw_row(referral) == ("", "", "", "", "")
        assert set(raw_notes(referral)) == {""}
        referral.refresh_from_db()
        assert referral.erased_at == later
        record = ErasureRecord.objects.get(referral=referral)
        assert record.ground == "retention" and record.fields == list(ERASED_FIELDS)
        assert record.erased_by is None
        log = ProcessingRecord.objects.get(action="delete", object_id=referral.reference)
        assert log.subject_id == str(referral.subject_id)
        assert log.activity_code == "warm-referral" and log.actor_name.startswith("systeem")

    # The open referral keeps everything, even though it was sent just as long ago.
    running.refresh_from_db()
    assert running.person_name == "J. Jansen" and running.erased_at is None
    assert (Referral.objects.count(), ReferralEvent.objects.count()) == rows_before
    assert reach.counts(Referral.objects.all()) == counts_before


def test_running_again_changes_nothing(referrals):
    later = CLOSED + TERM + dt.timedelta(days=1)
    with time_machine.travel(later, tick=False):
        assert len(erase_due()) == 2
    with time_machine.travel(later + dt.timedelta(days=30), tick=False):
        assert erase_due() == []
    assert ErasureRecord.objects.count() == 2
    assert ProcessingRecord.objects.filter(action="delete").count() == 2


def test_an_open_referral_is_never_erased_not_even_directly(referrals):
    _done, _refused, running = referrals
    with time_machine.travel(CLOSED + TERM * 3, tick=False):
        assert erase(running, ground="retention") is None
    running.refresh_from_db()
    assert running.person_name == "J. Jansen"
    assert not ErasureRecord.objects.filter(referral=running).exists()


def test_the_command_with_dry_run_only_lists(referrals):
    done, refused, _running = referrals
    out = StringIO()
    with time_machine.travel(CLOSED + TERM + dt.timedelta(days=1), tick=False):
        call_command("erase_closed_referrals", "--dry-run", stdout=out)
        assert done.reference in out.getvalue() and refused.reference in out.getvalue()
        assert "2 closed referrals would be erased" in out.getvalue()
        assert not ErasureRecord.objects.exists()
        out = StringIO()
        call_command("erase_closed_referrals", stdout=out)
        assert "2 closed referrals erased" in out.getvalue()
        out = StringIO()
        call_command("erase_closed_referrals", stdout=out)
        assert "0 closed referrals erased" in out.getvalue()
    assert raw_row(done) == ("", "", "", "", "")
