"""Which state a referral may move to, who moves it, and what each step needs.

The receiving partner moves a referral forward (received, intake planned, started,
completed, not started); the referring organisation may withdraw it while it is open,
for instance when the family changes its mind. Closed referrals do not move again.
"""

from django.utils.translation import gettext as _

from wijkaanpak.referrals.models import Referral

State = Referral.State

TRANSITIONS: dict[str, frozenset[str]] = {
    State.SENT: frozenset({State.RECEIVED, State.NOT_STARTED, State.WITHDRAWN}),
    State.RECEIVED: frozenset(
        {State.INTAKE_PLANNED, State.STARTED, State.NOT_STARTED, State.WITHDRAWN}
    ),
    State.INTAKE_PLANNED: frozenset({State.STARTED, State.NOT_STARTED, State.WITHDRAWN}),
    State.STARTED: frozenset({State.COMPLETED, State.WITHDRAWN}),
    State.COMPLETED: frozenset(),
    State.NOT_STARTED: frozenset(),
    State.WITHDRAWN: frozenset(),
}
CLOSED_STATES = frozenset(s for s, targets in TRANSITIONS.items() if not targets)
OPEN_STATES = frozenset(TRANSITIONS) - CLOSED_STATES

RECEIVER = "receiver"
REFERRER = "referrer"
# Who may make each step: the receiving partner does the work, the referrer may withdraw.
MOVED_BY: dict[str, str] = {
    State.RECEIVED: RECEIVER,
    State.INTAKE_PLANNED: RECEIVER,
    State.STARTED: RECEIVER,
    State.COMPLETED: RECEIVER,
    State.NOT_STARTED: RECEIVER,
    State.WITHDRAWN: REFERRER,
}
NOTE_REQUIRED = frozenset({State.NOT_STARTED, State.WITHDRAWN})


class WorkflowError(ValueError):
    """A step the rules do not allow; the message is Dutch and names the field if any."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def is_open(state: str) -> bool:
    return state in OPEN_STATES


def allowed_targets(state: str, side: str) -> list[str]:
    """The steps `side` (RECEIVER or REFERRER) may take from `state`, in workflow order."""
    targets = TRANSITIONS.get(state, frozenset())
    return [s for s in State.values if s in targets and MOVED_BY[s] == side]


def check_step_message_for_side(to_state: str) -> str:
    """Why a user on neither the right side nor with the right may not take this step."""
    if to_state not in MOVED_BY:
        return _("Deze stap bestaat niet.")
    if MOVED_BY[to_state] == RECEIVER:
        return _("Alleen de ontvangende organisatie zet een verwijzing op '%(to)s'.") % {
            "to": State(to_state).label
        }
    return _("Alleen de verwijzer kan een verwijzing '%(to)s' maken.") % {
        "to": State(to_state).label
    }


def check_step(from_state: str, to_state: str, *, side: str, note: str = "", intake_on=None):
    """Raise WorkflowError when `side` may not move a referral from `from_state` to `to_state`."""
    if to_state not in TRANSITIONS.get(from_state, frozenset()):
        raise WorkflowError(
            _("Een verwijzing die '%(from)s' is, kan niet naar '%(to)s'.")
            % {"from": State(from_state).label, "to": State(to_state).label},
            field="state",
        )
    if MOVED_BY[to_state] != side:
        raise WorkflowError(check_step_message_for_side(to_state), field="state")
    if to_state in NOTE_REQUIRED and not note.strip():
        raise WorkflowError(
            _("Schrijf kort op waarom de verwijzing '%(to)s' is.") % {"to": State(to_state).label},
            field="note",
        )
    if to_state == State.INTAKE_PLANNED and intake_on is None:
        raise WorkflowError(_("Vul de datum van de intake in."), field="intake_on")
