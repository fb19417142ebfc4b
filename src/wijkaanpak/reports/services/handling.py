"""What handlers do with a report: pick it up, change its status, resolve, cancel, explain."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.reports.domain.workflow import (
    CLOSED_STATUSES,
    WorkflowError,
    check_transition,
    is_open,
)
from wijkaanpak.reports.models import Report, ReportEvent, Status

from .events import lock, sync, write_event

# Working on a report, or closing it as solved, presumes someone accepted it first.
_NEEDS_PICKUP = frozenset({Status.PLANNED, Status.WAITING_FOR_THIRD_PARTY, Status.RESOLVED})


def _clean(text: str) -> str:
    return (text or "").strip()


@transaction.atomic
def pick_up(report: Report, *, user, internal_note: str = "") -> Report:
    """A handler accepts the report: from now on the five-day promise is kept."""
    locked = lock(report)
    if locked.status not in (Status.RECEIVED, Status.REOPENED):
        if locked.picked_up_at is not None and is_open(locked.status):
            raise WorkflowError(_("Melding %(ref)s is al opgepakt.") % {"ref": locked.reference})
        check_transition(locked.status, Status.PICKED_UP)
    from_status = locked.status
    locked.status = Status.PICKED_UP
    fields = ["status"]
    if locked.picked_up_at is None:
        # A reopened report keeps its first pickup: that is what the five-day share measures.
        locked.picked_up_at = timezone.now()
        locked.picked_up_by = user
        fields += ["picked_up_at", "picked_up_by"]
    locked.save(update_fields=fields)
    write_event(
        locked,
        ReportEvent.Kind.STATUS_CHANGED,
        user=user,
        from_status=from_status,
        to_status=Status.PICKED_UP,
        internal_note=_clean(internal_note),
    )
    return sync(report, locked)


@transaction.atomic
def change_status(
    report: Report, to_status: str, *, user, public_text: str = "", internal_note: str = ""
) -> Report:
    """Any allowed change of status, with the text the reporter reads (required to close)."""
    locked = lock(report)
    public_text = _clean(public_text)
    if to_status == Status.DUPLICATE:
        raise WorkflowError(_("Een dubbele melding voegt u samen met de oorspronkelijke."))
    if to_status == Status.PICKED_UP and locked.picked_up_at is None:
        return pick_up(report, user=user, internal_note=internal_note)
    if locked.picked_up_at is None and to_status in _NEEDS_PICKUP:
        raise WorkflowError(_("Pak de melding eerst op."))
    check_transition(locked.status, to_status, public_text=public_text)
    from_status = locked.status
    locked.status = to_status
    fields = ["status"]
    if to_status in CLOSED_STATUSES:
        locked.closed_at = timezone.now()
        fields.append("closed_at")
    elif from_status in CLOSED_STATUSES:
        locked.closed_at = None
        fields.append("closed_at")
    if public_text or to_status in CLOSED_STATUSES or to_status == Status.REOPENED:
        # The status page shows the latest explanation; an old one would mislead.
        locked.public_reason = public_text
        fields.append("public_reason")
    locked.save(update_fields=fields)
    write_event(
        locked,
        ReportEvent.Kind.STATUS_CHANGED,
        user=user,
        from_status=from_status,
        to_status=to_status,
        public_text=public_text,
        internal_note=_clean(internal_note),
    )
    return sync(report, locked)


def resolve(report: Report, *, user, reason: str, internal_note: str = "") -> Report:
    return change_status(
        report, Status.RESOLVED, user=user, public_text=reason, internal_note=internal_note
    )


def cancel(report: Report, *, user, reason: str, internal_note: str = "") -> Report:
    return change_status(
        report, Status.CANCELLED, user=user, public_text=reason, internal_note=internal_note
    )


def reopen(report: Report, *, user, reason: str = "") -> Report:
    return change_status(report, Status.REOPENED, user=user, public_text=reason)


@transaction.atomic
def record_late_reason(report: Report, *, user, reason: str) -> ReportEvent:
    """Tell the reporter why a step comes later than promised (before the deadline passes)."""
    locked = lock(report)
    reason = _clean(reason)
    if not reason:
        raise WorkflowError(_("Schrijf voor de melder waarom het later wordt."), field="reason")
    if not is_open(locked.status):
        raise WorkflowError(_("Melding %(ref)s is al gesloten.") % {"ref": locked.reference})
    locked.public_reason = reason
    locked.save(update_fields=["public_reason"])
    event = write_event(locked, ReportEvent.Kind.LATE_REASON, user=user, public_text=reason)
    sync(report, locked)
    return event


@transaction.atomic
def add_note(report: Report, *, user, note: str) -> ReportEvent:
    """An internal note in the history; the reporter never sees it."""
    note = _clean(note)
    if not note:
        raise WorkflowError(_("Schrijf een notitie."), field="note")
    locked = lock(report)
    return write_event(locked, ReportEvent.Kind.NOTE, user=user, internal_note=note)
