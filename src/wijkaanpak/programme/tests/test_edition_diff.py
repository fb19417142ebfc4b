"""The diff between two editions: each kind of change lands in exactly one section."""

import datetime
from decimal import Decimal

import pytest

from wijkaanpak.interventions.models import Intervention
from wijkaanpak.interventions.services.lifecycle import change_status
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.models import Target
from wijkaanpak.programme.services import editions
from wijkaanpak.programme.tests.factories import (
    GoalFactory,
    HorizonFactory,
    IndicatorFactory,
    ProgrammeFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db
S = Intervention.Status
ON = datetime.date(2024, 1, 15)


@pytest.fixture
def old():
    programme = ProgrammeFactory(edition_year=2023)
    goal = GoalFactory(line__programme=programme, number=1, text="Meer kinderen lezen.")
    GoalFactory(line=goal.line, number=2, text="Minder schooluitval.")
    horizon = HorizonFactory(programme=programme, years=4)
    for slug, value in (("lezen", "20"), ("uitval", "5")):
        indicator = IndicatorFactory(programme=programme, line=goal.line, slug=slug, name=slug)
        TargetFactory(indicator=indicator, horizon=horizon, value=Decimal(value))
    for slug, status in (
        ("voorlezen", S.RUNNING),
        ("huiswerk", S.RUNNING),
        ("sport", S.IN_PREPARATION),
        ("kookclub", S.RUNNING),
    ):
        InterventionFactory(
            programme=programme, line=goal.line, slug=slug, name=slug, status=status
        )
    return programme


@pytest.fixture
def new(old):
    return editions.start_edition(old, year=2024, user=None)


def _names(items):
    return sorted(item.name.split(". ")[-1] for item in items)


def change_goal_text(p):
    editions.change_goal(p.lines.get().goals.get(number=1), "Meer kinderen lezen elke dag.")


def add_goal(p):
    editions.add_goal(p.lines.get(), "Meer ouders doen mee.")


def remove_goal(p):
    editions.remove_goal(p.lines.get().goals.get(number=2))


def move_target(p):
    editions.move_target(
        p.indicators.get(slug="lezen"), p.horizons.get(years=4), Decimal("25"), user=None
    )


def remove_indicator(p):
    p.indicators.get(slug="uitval").delete()


def add_indicator(p):
    IndicatorFactory(programme=p, line=p.lines.get(), slug="nieuw", name="nieuw")


def stop(p):
    change_status(
        p.interventions.get(slug="huiswerk"), S.STOPPED, on=ON, reason="Geen effect", user=None
    )


def start(p):
    change_status(p.interventions.get(slug="sport"), S.RUNNING, on=ON, reason="Klaar", user=None)


def pause(p):
    change_status(p.interventions.get(slug="voorlezen"), S.PAUSED, on=ON, reason="Zomer", user=None)


def add_intervention(p, status=S.IDEA, slug="nieuw"):
    InterventionFactory(programme=p, line=p.lines.get(), slug=slug, name=slug, status=status)


def remove_intervention(p):
    p.interventions.get(slug="kookclub").delete()


@pytest.mark.parametrize(
    "edit, section, expected",
    [
        (change_goal_text, "goals_changed", 1),
        (add_goal, "goals_added", 1),
        (remove_goal, "goals_removed", 1),
        (move_target, "targets_moved", 1),
        (remove_indicator, "indicators_removed", 1),
        (add_indicator, "indicators_added", 1),
        (stop, "interventions_stopped", 1),
        (start, "interventions_started", 1),
        (pause, "interventions_status_changed", 1),
        (add_intervention, "interventions_added", 1),
        (lambda p: add_intervention(p, S.RUNNING), "interventions_started", 1),
        (remove_intervention, "interventions_removed", 1),
    ],
)
def test_each_change_lands_in_one_section(old, new, edit, section, expected):
    edit(new)
    result = editions.diff(old, new)
    counts = result.counts()
    assert counts[section] == expected
    assert sum(counts.values()) == expected, counts


def test_no_change_is_an_empty_diff(old, new):
    assert editions.diff(old, new).is_empty
    assert editions.diff(old, old).is_empty


def test_details_of_a_moved_target_and_a_stopped_intervention(old, new):
    move_target(new)
    stop(new)
    result = editions.diff(old, new)
    (move,) = result.targets_moved
    assert (move.indicator.slug, move.horizon_years, move.old_value, move.new_value) == (
        "lezen",
        4,
        Decimal("20"),
        Decimal("25"),
    )
    assert (move.old_state, move.new_state) == (Target.State.AGREED, Target.State.AGREED)
    (stopped,) = result.interventions_stopped
    assert (stopped.old_status, stopped.new_status, stopped.reason) == (
        S.RUNNING,
        S.STOPPED,
        "Geen effect",
    )
    assert (stopped.old_label, stopped.new_label) == ("loopt", "gestopt")


def test_a_renamed_intervention_is_matched_by_link_not_by_name(old, new):
    new.interventions.filter(slug="voorlezen").update(name="Samen lezen")
    assert editions.diff(old, new).is_empty


def test_a_same_name_without_a_link_is_removed_and_added(old, new):
    copy = new.interventions.get(slug="sport")
    copy.delete()
    add_intervention(new, S.IN_PREPARATION, slug="sport")
    result = editions.diff(old, new)
    assert _names(result.interventions_removed) == ["sport"]
    assert _names(result.interventions_added) == ["sport"]


def test_diff_follows_links_across_editions(old, new, django_user_model):
    move_target(new)
    editions.set_rationale(new, "Herijking 2024")
    editions.adopt(new, user=None)
    newer = editions.start_edition(new, year=2025, user=None)
    stop(newer)
    result = editions.diff(old, newer)
    assert result.counts()["targets_moved"] == 1
    assert result.counts()["interventions_stopped"] == 1
    assert sum(result.counts().values()) == 2


def test_target_state_change_is_a_move(old, new):
    Target.objects.filter(indicator__programme=new, indicator__slug="uitval").update(
        state=Target.State.PROPOSED
    )
    (move,) = editions.diff(old, new).targets_moved
    assert not move.value_moved and move.state_changed
