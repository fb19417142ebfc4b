import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.interventions.models import Intervention, StatusChange
from wijkaanpak.interventions.services.lifecycle import (
    ALLOWED_TRANSITIONS,
    allowed_next,
    change_status,
)
from wijkaanpak.interventions.tests.factories import InterventionFactory

pytestmark = pytest.mark.django_db
S = Intervention.Status
TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)

ALLOWED = [
    (S.IDEA, S.IN_PREPARATION),
    (S.IDEA, S.STOPPED),
    (S.IN_PREPARATION, S.IDEA),
    (S.IN_PREPARATION, S.RUNNING),
    (S.IN_PREPARATION, S.STOPPED),
    (S.RUNNING, S.PAUSED),
    (S.RUNNING, S.EVALUATED),
    (S.RUNNING, S.STOPPED),
    (S.PAUSED, S.RUNNING),
    (S.PAUSED, S.EVALUATED),
    (S.PAUSED, S.STOPPED),
    (S.EVALUATED, S.RUNNING),
    (S.EVALUATED, S.MADE_PERMANENT),
    (S.EVALUATED, S.STOPPED),
    (S.MADE_PERMANENT, S.PAUSED),
    (S.MADE_PERMANENT, S.EVALUATED),
    (S.MADE_PERMANENT, S.STOPPED),
    (S.STOPPED, S.IN_PREPARATION),
]
REFUSED = [(a, b) for a in S.values for b in S.values if a != b and (a, b) not in set(ALLOWED)]


def test_table_is_what_the_tests_pin():
    pinned = {(a, b) for a, b in ALLOWED}
    table = {(a, b) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets}
    assert table == pinned
    assert set(ALLOWED_TRANSITIONS) == set(S.values)


@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED)
def test_allowed_transition_is_recorded(from_status, to_status):
    user = UserFactory()
    intervention = InterventionFactory(status=from_status)
    change = change_status(intervention, to_status, on=YESTERDAY, reason="  Besloten  ", user=user)
    intervention.refresh_from_db()
    assert intervention.status == to_status
    assert (change.from_status, change.to_status) == (from_status, to_status)
    assert change.changed_on == YESTERDAY
    assert change.reason == "Besloten"
    assert change.changed_by == user


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED)
def test_refused_transition_stores_nothing(from_status, to_status):
    intervention = InterventionFactory(status=from_status)
    with pytest.raises(ValidationError) as exc:
        change_status(intervention, to_status, on=YESTERDAY, reason="Omdat", user=None)
    assert "to_status" in exc.value.message_dict
    intervention.refresh_from_db()
    assert intervention.status == from_status
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize(
    ("to_status", "on", "reason", "field", "words"),
    [
        (S.PAUSED, YESTERDAY, "", "reason", "reden"),
        (S.PAUSED, YESTERDAY, "   ", "reason", "reden"),
        (S.PAUSED, TODAY + datetime.timedelta(days=1), "Zomer", "on", "toekomst"),
        (S.PAUSED, None, "Zomer", "on", "datum"),
        (S.RUNNING, YESTERDAY, "Zomer", "to_status", "al"),
        ("unknown", YESTERDAY, "Zomer", "to_status", "Kies"),
        (S.MADE_PERMANENT, YESTERDAY, "Werkt", "to_status", "Wel mogelijk"),
    ],
)
def test_bad_input_names_the_field(to_status, on, reason, field, words):
    intervention = InterventionFactory(status=S.RUNNING)
    with pytest.raises(ValidationError) as exc:
        change_status(intervention, to_status, on=on, reason=reason, user=None)
    assert words in " ".join(exc.value.message_dict[field])
    intervention.refresh_from_db()
    assert intervention.status == S.RUNNING
    assert not StatusChange.objects.exists()


def test_today_is_allowed():
    intervention = InterventionFactory(status=S.RUNNING)
    change_status(intervention, S.PAUSED, on=TODAY, reason="Zomer", user=None)
    assert intervention.status == S.PAUSED


def test_history_stays_in_order():
    intervention = InterventionFactory(status=S.RUNNING)
    change_status(intervention, S.PAUSED, on=YESTERDAY, reason="Zomer", user=None)
    with pytest.raises(ValidationError) as exc:
        change_status(
            intervention,
            S.RUNNING,
            on=YESTERDAY - datetime.timedelta(days=3),
            reason="Terug",
            user=None,
        )
    assert "vorige wijziging" in exc.value.message_dict["on"][0]
    # The same day as the last change is fine: pause and resume on one day happens.
    change_status(intervention, S.RUNNING, on=YESTERDAY, reason="Terug", user=None)
    history = list(intervention.status_changes.values_list("from_status", "to_status"))
    assert history == [(S.RUNNING, S.PAUSED), (S.PAUSED, S.RUNNING)]


def test_stopped_comes_back_only_through_preparation():
    intervention = InterventionFactory(status=S.STOPPED)
    assert allowed_next(S.STOPPED) == [S.IN_PREPARATION]
    change_status(intervention, S.IN_PREPARATION, on=YESTERDAY, reason="Nieuw geld", user=None)
    change_status(intervention, S.RUNNING, on=TODAY, reason="Start", user=None)
    assert intervention.status == S.RUNNING


def test_status_in_adopted_edition_may_change():
    intervention = InterventionFactory(status=S.RUNNING)
    assert intervention.programme.state == intervention.programme.State.ADOPTED
    change_status(intervention, S.STOPPED, on=YESTERDAY, reason="Geen deelnemers", user=None)
    intervention.refresh_from_db()
    assert intervention.status == S.STOPPED
