import datetime as dt

import pytest

from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.referrals.domain.workflow import WorkflowError
from wijkaanpak.referrals.models import Consent, Referral, ReferralEvent
from wijkaanpak.referrals.services.progress import change_state
from wijkaanpak.referrals.services.referring import ReferralInputError, receive_due_on, refer

from . import factories as f

pytestmark = pytest.mark.django_db
State = Referral.State
AMS = dt.timezone(dt.timedelta(hours=1))


def test_a_referral_stores_consent_first_and_tells_the_receiver(world):
    referral = f.referral(world.specialist, world.school, world.offer)
    assert referral.reference.startswith("VW-")
    assert referral.consent.given_by == "mevrouw J."
    assert referral.receiving_organisation == world.welfare
    assert referral.state == State.SENT
    assert [e.to_state for e in referral.events.all()] == [State.SENT]
    mail = OutboxMessage.objects.get(kind="referral_new")
    assert mail.recipient == world.receiver.email
    assert "J. Jansen" not in mail.body and referral.reference in mail.body
    record = ProcessingRecord.objects.get(object_id=referral.reference)
    assert record.action == "create" and record.subject_id == str(referral.subject_id)


@pytest.mark.parametrize(
    ("consent", "data", "field"),
    [
        ({"given_by": " "}, {}, "consent_given_by"),
        ({"given_on": dt.date(2099, 1, 1)}, {}, "consent_given_on"),
        ({"relation": "buurman"}, {}, "consent_relation"),
        ({"data_kinds": frozenset({"name", "contact"})}, {}, "consent_data_kinds"),
        (
            {"data_kinds": frozenset({"name", "contact", "reason", "urgency"})},
            {"age_band": "4-11"},
            "consent_data_kinds",
        ),
        ({}, {"person_name": ""}, "person_name"),
        ({}, {"reason": "x" * 1001}, "reason"),
        ({}, {"urgency": "nu"}, "urgency"),
    ],
)
def test_no_referral_without_consent_for_all_data_sent(world, consent, data, field):
    with pytest.raises(ReferralInputError) as caught:
        refer(
            user=world.specialist,
            referring_organisation=world.school,
            offer=world.offer,
            consent=f.consent(**consent),
            data=f.data(**data),
        )
    assert field in caught.value.errors
    assert not Referral.objects.exists() and not Consent.objects.exists()


def test_cannot_refer_to_an_offer_that_takes_no_referrals(world):
    world.offer.accepts_referrals = False
    world.offer.save()
    with pytest.raises(ReferralInputError) as caught:
        f.referral(world.specialist, world.school, world.offer)
    assert "offer" in caught.value.errors


def test_cannot_refer_for_an_organisation_one_does_not_work_for(world):
    with pytest.raises(ReferralInputError) as caught:
        f.referral(world.specialist, world.other, world.offer)
    assert "referring_organisation" in caught.value.errors


@pytest.mark.parametrize(
    ("sent_at", "due"),
    [
        (dt.datetime(2026, 11, 23, 10, tzinfo=AMS), dt.date(2026, 11, 30)),  # Monday
        (dt.datetime(2026, 11, 28, 10, tzinfo=AMS), dt.date(2026, 12, 7)),  # Saturday
        (dt.datetime(2026, 12, 22, 10, tzinfo=AMS), dt.date(2026, 12, 30)),  # Christmas
    ],
)
def test_receipt_is_due_five_working_days_after_sending(sent_at, due):
    assert receive_due_on(sent_at) == due


def test_the_receiver_moves_it_forward_and_the_referrer_hears_each_step(world):
    referral = f.referral(world.specialist, world.school, world.offer)
    change_state(referral, user=world.receiver, to_state=State.RECEIVED)
    change_state(
        referral, user=world.receiver, to_state=State.INTAKE_PLANNED, intake_on=dt.date(2026, 12, 3)
    )
    change_state(referral, user=world.receiver, to_state=State.STARTED)
    change_state(referral, user=world.receiver, to_state=State.COMPLETED)
    referral.refresh_from_db()
    assert referral.state == State.COMPLETED and referral.closed_at is not None
    assert referral.intake_on == dt.date(2026, 12, 3)
    mails = OutboxMessage.objects.filter(recipient=world.specialist.email)
    assert sorted(m.kind for m in mails) == sorted(
        ["referral_received", "referral_intake_planned", "referral_started", "referral_completed"]
    )
    assert ReferralEvent.objects.filter(referral=referral).count() == 5


@pytest.mark.parametrize(
    ("who", "to_state", "kwargs", "field"),
    [
        ("specialist", State.RECEIVED, {}, "state"),
        ("other_receiver", State.RECEIVED, {}, "state"),
        ("receiver", State.WITHDRAWN, {"note": "x"}, "state"),
        ("receiver", State.COMPLETED, {}, "state"),
        ("receiver", State.NOT_STARTED, {"note": " "}, "note"),
        ("specialist", State.WITHDRAWN, {}, "note"),
        ("receiver", State.INTAKE_PLANNED, {}, "state"),
        ("receiver", "bestaat-niet", {}, "state"),
    ],
)
def test_steps_that_are_not_allowed(world, who, to_state, kwargs, field):
    referral = f.referral(world.specialist, world.school, world.offer)
    with pytest.raises(WorkflowError) as caught:
        change_state(referral, user=getattr(world, who), to_state=to_state, **kwargs)
    assert caught.value.field == field
    referral.refresh_from_db()
    assert referral.state == State.SENT


def test_the_referrer_may_withdraw_and_then_nothing_moves(world):
    referral = f.referral(world.specialist, world.school, world.offer)
    change_state(referral, user=world.specialist, to_state=State.WITHDRAWN, note="Gezin wil niet")
    with pytest.raises(WorkflowError):
        change_state(referral, user=world.receiver, to_state=State.RECEIVED)


def test_not_started_keeps_the_reason_encrypted(world):
    referral = f.referral(world.specialist, world.school, world.offer)
    change_state(referral, user=world.receiver, to_state=State.NOT_STARTED, note="Geen plek")
    referral.refresh_from_db()
    assert referral.not_started_reason == "Geen plek"
    assert referral.closed_at is not None
