"""Moving a referral through its states; each step is one event the referrer hears about."""

from django.db import transaction
from django.utils import timezone

from wijkaanpak.referrals.domain import workflow
from wijkaanpak.referrals.models import Referral, ReferralEvent
from wijkaanpak.referrals.services import access, notify, processing

State = Referral.State


def _acting_organisation(user, referral: Referral, side: str):
    if side == workflow.RECEIVER:
        return referral.receiving_organisation
    return referral.referring_organisation


@transaction.atomic
def change_state(
    referral: Referral,
    *,
    user,
    to_state: str,
    note: str = "",
    intake_on=None,
    request_path: str = "",
    now=None,
) -> ReferralEvent:
    """Move `referral` to `to_state` as `user`; raises workflow.WorkflowError when not allowed."""
    now = now or timezone.now()
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    side = workflow.MOVED_BY.get(to_state)
    if side is None or side not in access.sides(user, referral):
        raise workflow.WorkflowError(workflow.check_step_message_for_side(to_state), field="state")
    workflow.check_step(referral.state, to_state, side=side, note=note, intake_on=intake_on)
    from_state = referral.state
    referral.state = to_state
    if to_state == State.RECEIVED:
        referral.received_at = now
    elif to_state == State.INTAKE_PLANNED:
        referral.intake_on = intake_on
    elif to_state == State.STARTED:
        referral.started_at = now
        referral.received_at = referral.received_at or now
    if to_state == State.NOT_STARTED:
        referral.not_started_reason = note.strip()
    if not workflow.is_open(to_state):
        referral.closed_at = now
    referral.save()
    event = ReferralEvent.objects.create(
        referral=referral,
        from_state=from_state,
        to_state=to_state,
        note=note.strip(),
        actor=user,
        actor_organisation=_acting_organisation(user, referral, side),
    )
    processing.record(
        referral,
        user=user,
        action="update",
        data_kinds=["state"] + (["reason"] if note.strip() else []),
        request_path=request_path,
    )
    notify.state_changed(event)
    return event
