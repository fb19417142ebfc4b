"""The states of a report and which changes between them are allowed.

received ──pick up──> picked_up <──> planned <──> waiting_for_third_party
   │                     │  (each of these three may go to resolved or cancelled)
   │                     v
   ├──> cancelled      resolved ──> reopened ──> picked_up / planned / waiting / resolved
   └──> duplicate (only by merging into another report)

Rules the table alone cannot express live here too:
- "picked up" means a handler accepted the report; resolving or planning a report that
  nobody accepted is refused, so the five-day promise is measured on acceptance;
- resolving and cancelling need a reason the reporter reads;
- a duplicate is made only by merging (services.merge_duplicate), never by a status change.
"""

from django.utils.translation import gettext as _

from wijkaanpak.reports.models import Status

OPEN_STATUSES = frozenset(
    {
        Status.RECEIVED,
        Status.PICKED_UP,
        Status.PLANNED,
        Status.WAITING_FOR_THIRD_PARTY,
        Status.REOPENED,
    }
)
CLOSED_STATUSES = frozenset({Status.RESOLVED, Status.CANCELLED, Status.DUPLICATE})
# Statuses in which a handler is working on it: the resolution term is what counts then.
HANDLING_STATUSES = frozenset(
    {Status.PICKED_UP, Status.PLANNED, Status.WAITING_FOR_THIRD_PARTY, Status.REOPENED}
)
REASON_REQUIRED = frozenset({Status.RESOLVED, Status.CANCELLED})

_WORKING = (Status.PICKED_UP, Status.PLANNED, Status.WAITING_FOR_THIRD_PARTY)

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.PICKED_UP, Status.CANCELLED, Status.DUPLICATE}),
    Status.PICKED_UP: frozenset(
        {
            Status.PLANNED,
            Status.WAITING_FOR_THIRD_PARTY,
            Status.RESOLVED,
            Status.CANCELLED,
            Status.DUPLICATE,
        }
    ),
    Status.PLANNED: frozenset(
        {
            Status.PICKED_UP,
            Status.WAITING_FOR_THIRD_PARTY,
            Status.RESOLVED,
            Status.CANCELLED,
            Status.DUPLICATE,
        }
    ),
    Status.WAITING_FOR_THIRD_PARTY: frozenset(
        {Status.PICKED_UP, Status.PLANNED, Status.RESOLVED, Status.CANCELLED, Status.DUPLICATE}
    ),
    Status.REOPENED: frozenset({*_WORKING, Status.RESOLVED, Status.CANCELLED, Status.DUPLICATE}),
    Status.RESOLVED: frozenset({Status.REOPENED}),
    Status.CANCELLED: frozenset({Status.REOPENED}),
    Status.DUPLICATE: frozenset(),
}


class WorkflowError(ValueError):
    """A change the rules do not allow; the message is Dutch and shown to the handler."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def allowed_targets(status: str) -> frozenset[str]:
    return TRANSITIONS.get(status, frozenset())


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in allowed_targets(from_status)


def check_transition(from_status: str, to_status: str, *, public_text: str = "") -> None:
    """Raise WorkflowError when the change from `from_status` to `to_status` is not allowed."""
    if from_status == to_status:
        raise WorkflowError(
            _("De melding heeft de status '%(status)s' al.") % {"status": Status(from_status).label}
        )
    if not can_transition(from_status, to_status):
        raise WorkflowError(
            _("Een melding met de status '%(from)s' kan niet naar '%(to)s'.")
            % {"from": Status(from_status).label, "to": Status(to_status).label}
        )
    if to_status in REASON_REQUIRED and not public_text.strip():
        raise WorkflowError(
            _("Schrijf voor de melder waarom de melding '%(to)s' is.")
            % {"to": Status(to_status).label},
            field="reason",
        )
