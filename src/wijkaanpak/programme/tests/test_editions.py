"""Starting, editing and adopting an edition: what is copied, what is refused."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from wijkaanpak.interventions.models import (
    Evaluation,
    Intervention,
    ReachRecord,
    SpendingEntry,
    StatusChange,
)
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.models import (
    CurveStory,
    Goal,
    Indicator,
    Measurement,
    Programme,
    ProgrammeLine,
    ReferenceValue,
    Target,
)
from wijkaanpak.programme.services import editions
from wijkaanpak.programme.tests.factories import (
    GoalFactory,
    HorizonFactory,
    IndicatorFactory,
    MeasurementFactory,
    ProgrammeFactory,
    ReferenceValueFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    programme = ProgrammeFactory(edition_year=2023)
    goal = GoalFactory(line__programme=programme, text="Meer kinderen halen hun advies.")
    indicator = IndicatorFactory(programme=programme, line=goal.line, slug="advies")
    indicator.goals.set([goal])
    ReferenceValueFactory(indicator=indicator)
    horizon = HorizonFactory(programme=programme, years=4)
    TargetFactory(indicator=indicator, horizon=horizon, value=Decimal("20"))
    TargetFactory(
        indicator=indicator,
        horizon=HorizonFactory(programme=programme, years=1),
        value=Decimal("12"),
        state=Target.State.PROPOSED,
    )
    CurveStory.objects.create(indicator=indicator, story_behind_the_curve="Taal thuis.")
    intervention = InterventionFactory(
        programme=programme,
        line=goal.line,
        goals=[goal],
        recurrence="elke maand",
        planned_capacity=30,
        budget_cents=150000,
    )
    StatusChange.objects.create(
        intervention=intervention,
        from_status="in_preparation",
        to_status="running",
        changed_on=datetime.date(2023, 3, 1),
        reason="Start",
    )
    MeasurementFactory(indicator=indicator)
    return programme


def test_start_copies_the_content_with_previous_links(source, django_user_model):
    user = django_user_model.objects.create_user("coord")
    draft = editions.start_edition(source, year=2024, user=user)

    assert draft.state == Programme.State.DRAFT
    assert draft.previous_edition == source
    assert draft.area == source.area
    assert [h.due_on for h in draft.horizons.all()] == [h.due_on for h in source.horizons.all()]
    line = draft.lines.get()
    assert line.previous == source.lines.get()
    goal = line.goals.get()
    assert goal.previous == source.lines.get().goals.get()
    indicator = draft.indicators.get()
    old_indicator = source.indicators.get()
    assert (indicator.slug, indicator.series_key) == ("advies", old_indicator.series_key)
    assert indicator.previous == old_indicator
    assert list(indicator.goals.all()) == [goal]
    assert indicator.reference_values.count() == 1
    targets = {t.horizon.years: (t.value, t.state) for t in indicator.targets.all()}
    assert targets == {
        1: (Decimal("12"), Target.State.PROPOSED),
        4: (Decimal("20"), Target.State.AGREED),
    }
    assert all(t.horizon.programme == draft for t in indicator.targets.all())
    assert indicator.story.story_behind_the_curve == "Taal thuis."
    copy = draft.interventions.get()
    old = source.interventions.get()
    assert copy.previous == old
    assert list(copy.goals.all()) == [goal]
    assert (copy.recurrence, copy.planned_capacity, copy.budget_cents, copy.status) == (
        "elke maand",
        30,
        150000,
        Intervention.Status.RUNNING,
    )
    # History stays where it happened; measurements belong to the series.
    assert copy.status_changes.count() == 0 and old.status_changes.count() == 1
    assert Measurement.objects.filter(indicator=indicator).count() == 0
    assert Measurement.objects.of_series(indicator).count() == 1


def test_start_does_not_copy_money_reach_or_evaluations(source, django_user_model):
    old = source.interventions.get()
    SpendingEntry.objects.create(
        intervention=old, kind="spent", amount_cents=100, on=datetime.date(2023, 5, 1), note="x"
    )
    ReachRecord.objects.create(
        intervention=old,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 3, 31),
        age_band="0-4",
        participants=5,
        source="IKC",
    )
    Evaluation.objects.create(
        intervention=old,
        evaluated_on=datetime.date(2023, 11, 1),
        method="gesprek",
        evaluator="CJG",
        findings="goed",
        judgement="continue",
    )
    draft = editions.start_edition(source, year=2024, user=None)
    copy = draft.interventions.get()
    assert (copy.spending.count(), copy.reach.count(), copy.evaluations.count()) == (0, 0, 0)


@pytest.mark.parametrize(
    "year, message",
    [
        (2023, "Kies een jaar na 2023."),
        (2022, "Kies een jaar na 2023."),
    ],
)
def test_start_refuses_a_year_not_after_the_source(source, year, message):
    with pytest.raises(ValidationError) as exc:
        editions.start_edition(source, year=year, user=None)
    assert message in str(exc.value)
    assert Programme.objects.count() == 1


def test_second_start_for_the_same_year_is_refused(source):
    editions.start_edition(source, year=2024, user=None)
    with pytest.raises(ValidationError) as exc:
        editions.start_edition(source, year=2024, user=None)
    assert "Er is al een editie 2024" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        editions.start_edition(source, year=2025, user=None)
    assert "al een nieuwe editie gemaakt: 2024" in str(exc.value)


def test_start_from_a_draft_is_refused(source):
    draft = editions.start_edition(source, year=2024, user=None)
    with pytest.raises(ValidationError, match="vastgestelde editie"):
        editions.start_edition(draft, year=2025, user=None)


def test_adopt_requires_a_rationale_and_locks(source, django_user_model):
    user = django_user_model.objects.create_user("coord")
    draft = editions.start_edition(source, year=2024, user=user)
    assert editions.is_editable(draft) and not editions.is_editable(source)
    with pytest.raises(ValidationError) as exc:
        editions.adopt(draft, user=user)
    assert "change_rationale" in exc.value.error_dict
    draft.refresh_from_db()
    assert draft.state == Programme.State.DRAFT

    editions.set_rationale(draft, "  Minder interventies, meer focus.  ")
    editions.adopt(draft, user=user)
    draft.refresh_from_db()
    assert draft.state == Programme.State.ADOPTED
    assert draft.adopted_by == user and draft.adopted_at is not None
    assert draft.change_rationale == "Minder interventies, meer focus."
    assert not editions.is_editable(draft)
    with pytest.raises(ValidationError, match="vastgesteld"):
        editions.adopt(draft, user=user)


@pytest.mark.parametrize(
    "action",
    [
        lambda p: editions.set_rationale(p, "x"),
        lambda p: editions.add_goal(p.lines.first(), "Nieuw doel"),
        lambda p: editions.change_goal(p.lines.first().goals.first(), "Ander doel"),
        lambda p: editions.remove_goal(p.lines.first().goals.first()),
        lambda p: editions.move_target(
            p.indicators.first(), p.horizons.first(), Decimal("1"), user=None
        ),
    ],
    ids=["rationale", "add-goal", "change-goal", "remove-goal", "move-target"],
)
def test_an_adopted_edition_refuses_content_changes(source, action):
    with pytest.raises(ValidationError, match="vastgesteld"):
        action(source)


def test_draft_edits(source, django_user_model):
    user = django_user_model.objects.create_user("coord")
    draft = editions.start_edition(source, year=2024, user=user)
    line = draft.lines.get()
    existing = line.goals.get().number
    goal = editions.add_goal(line, " Meer ouders doen mee. ")
    assert (goal.number, goal.text) == (existing + 1, "Meer ouders doen mee.")
    with pytest.raises(ValidationError):
        editions.add_goal(line, "   ")
    indicator = draft.indicators.get()
    horizon = draft.horizons.get(years=1)
    target = editions.move_target(indicator, horizon, Decimal("14"), user=user)
    assert (target.value, target.state, target.confirmed_by) == (
        Decimal("14"),
        Target.State.AGREED,
        user,
    )
    with pytest.raises(ValidationError):
        editions.move_target(indicator, source.horizons.first(), Decimal("1"), user=user)
    editions.remove_goal(goal)
    assert line.goals.count() == 1


def test_story_may_change_in_a_draft_and_the_current_edition_only(source):
    draft = editions.start_edition(source, year=2024, user=None)
    assert editions.may_edit_story(draft) and editions.may_edit_story(source)
    editions.set_rationale(draft, "Herijking")
    editions.adopt(draft, user=None)
    assert editions.may_edit_story(draft)
    assert not editions.may_edit_story(source)


def test_start_copies_the_whole_westwijk_programme(westwijk):
    draft = editions.start_edition(westwijk, year=2024, user=None)
    for name in ("horizons", "lines", "indicators", "interventions", "source_notes"):
        assert getattr(draft, name).count() == getattr(westwijk, name).count(), name
    assert editions.diff(westwijk, draft).is_empty


@pytest.mark.parametrize(
    "model, pick",
    [
        (Programme, lambda p: p),
        (ProgrammeLine, lambda p: p.lines.first()),
        (Goal, lambda p: p.lines.first().goals.first()),
        (Indicator, lambda p: p.indicators.first()),
        (ReferenceValue, lambda p: ReferenceValue.objects.filter(indicator__programme=p).first()),
        (Target, lambda p: Target.objects.filter(indicator__programme=p).first()),
    ],
)
def test_admin_locks_an_adopted_edition_and_not_a_draft(westwijk, django_user_model, model, pick):
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = django_user_model.objects.create_superuser("root", password="x")
    model_admin = admin.site._registry[model]
    draft = editions.start_edition(westwijk, year=2024, user=None)
    adopted_obj, draft_obj = pick(westwijk), pick(draft)
    assert not model_admin.has_change_permission(request, adopted_obj)
    assert not model_admin.has_delete_permission(request, adopted_obj)
    assert model_admin.has_change_permission(request, draft_obj)
    assert model_admin.has_view_permission(request, adopted_obj)
