"""The transition table, as a table: every pair of statuses, allowed or refused."""

import itertools

import pytest

from wijkaanpak.reports.domain.workflow import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    WorkflowError,
    can_transition,
    check_transition,
)
from wijkaanpak.reports.models import Status

S = Status
ALLOWED = {
    (S.RECEIVED, S.PICKED_UP),
    (S.RECEIVED, S.CANCELLED),
    (S.RECEIVED, S.DUPLICATE),
    *(
        (s, t)
        for s in (S.PICKED_UP, S.PLANNED, S.WAITING_FOR_THIRD_PARTY, S.REOPENED)
        for t in (
            S.PICKED_UP,
            S.PLANNED,
            S.WAITING_FOR_THIRD_PARTY,
            S.RESOLVED,
            S.CANCELLED,
            S.DUPLICATE,
        )
        if s != t
    ),
    (S.RESOLVED, S.REOPENED),
    (S.CANCELLED, S.REOPENED),
}


@pytest.mark.parametrize(("from_status", "to_status"), list(itertools.product(S, S)))
def test_every_pair_of_statuses(from_status, to_status):
    assert can_transition(from_status, to_status) is ((from_status, to_status) in ALLOWED)


def test_every_status_is_in_the_table_and_open_or_closed():
    assert set(TRANSITIONS) == set(S)
    assert set(S) == OPEN_STATUSES | CLOSED_STATUSES
    assert not OPEN_STATUSES & CLOSED_STATUSES


def test_duplicate_is_final_and_nothing_goes_back_to_received():
    assert TRANSITIONS[S.DUPLICATE] == frozenset()
    assert all(S.RECEIVED not in targets for targets in TRANSITIONS.values())


@pytest.mark.parametrize("to_status", [S.RESOLVED, S.CANCELLED])
@pytest.mark.parametrize("text", ["", "   "])
def test_closing_needs_a_reason_for_the_reporter(to_status, text):
    with pytest.raises(WorkflowError) as error:
        check_transition(S.PICKED_UP, to_status, public_text=text)
    assert error.value.field == "reason"
    assert "melder" in error.value.message
    check_transition(S.PICKED_UP, to_status, public_text="De lamp is vervangen.")


def test_refusals_name_both_statuses_in_dutch():
    with pytest.raises(WorkflowError, match="'opgelost' kan niet naar 'ingepland'"):
        check_transition(S.RESOLVED, S.PLANNED)
    with pytest.raises(WorkflowError, match="al"):
        check_transition(S.PLANNED, S.PLANNED)
