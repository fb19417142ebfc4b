"""What changed between two editions of an area's programme, for the steering group.

Items are matched through their `previous` links, never by name: a renamed goal is a
changed goal, not a removed and an added one. Between editions further apart the chain
of `previous` links is followed through the editions in between.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Goal, Indicator, Programme, Target

RUNNING, STOPPED = "running", "stopped"


@dataclass(frozen=True)
class GoalChange:
    line: str
    number: int
    old_text: str | None
    new_text: str | None


@dataclass(frozen=True)
class IndicatorChange:
    line: str
    name: str


@dataclass(frozen=True)
class TargetMove:
    indicator: Indicator  # the indicator in the newer edition, for formatting and links
    horizon_years: int
    old_value: Decimal | None
    new_value: Decimal | None
    old_state: str | None
    new_state: str | None

    @property
    def value_moved(self) -> bool:
        return self.old_value != self.new_value

    @property
    def state_changed(self) -> bool:
        return self.old_state != self.new_state


@dataclass(frozen=True)
class InterventionChange:
    line: str
    name: str
    old_status: str | None
    new_status: str | None
    reason: str = ""
    old_label: str = ""
    new_label: str = ""


@dataclass
class EditionDiff:
    old: Programme
    new: Programme
    goals_added: list[GoalChange] = field(default_factory=list)
    goals_changed: list[GoalChange] = field(default_factory=list)
    goals_removed: list[GoalChange] = field(default_factory=list)
    indicators_added: list[IndicatorChange] = field(default_factory=list)
    indicators_removed: list[IndicatorChange] = field(default_factory=list)
    targets_moved: list[TargetMove] = field(default_factory=list)
    interventions_started: list[InterventionChange] = field(default_factory=list)
    interventions_stopped: list[InterventionChange] = field(default_factory=list)
    interventions_status_changed: list[InterventionChange] = field(default_factory=list)
    interventions_added: list[InterventionChange] = field(default_factory=list)
    interventions_removed: list[InterventionChange] = field(default_factory=list)

    SECTIONS = (
        "goals_added",
        "goals_changed",
        "goals_removed",
        "indicators_added",
        "indicators_removed",
        "targets_moved",
        "interventions_started",
        "interventions_stopped",
        "interventions_status_changed",
        "interventions_added",
        "interventions_removed",
    )

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in self.SECTIONS}

    @property
    def is_empty(self) -> bool:
        return not any(self.counts().values())


def _matches(model, old_ids: set[int], new_items, area_id: int, path: str) -> dict[int, int]:
    """new item id -> old item id, following `previous` through the editions in between."""
    previous_of = dict(
        model.objects.filter(**{f"{path}area_id": area_id}).values_list("pk", "previous_id")
    )
    result = {}
    for item in new_items:
        seen, pk = set(), previous_of.get(item.pk)
        while pk is not None and pk not in old_ids and pk not in seen:
            seen.add(pk)
            pk = previous_of.get(pk)
        if pk in old_ids:
            result[item.pk] = pk
    return result


def diff(old: Programme, new: Programme) -> EditionDiff:
    result = EditionDiff(old=old, new=new)
    if old.pk == new.pk:
        return result
    _diff_goals(result)
    _diff_indicators(result)
    _diff_interventions(result)
    return result


def _diff_goals(result: EditionDiff) -> None:
    def goals(p):
        return {g.pk: g for g in Goal.objects.filter(line__programme=p).select_related("line")}

    old, new = goals(result.old), goals(result.new)
    matched = _matches(Goal, set(old), new.values(), result.new.area_id, "line__programme__")
    for goal in new.values():
        before = old.get(matched.get(goal.pk))
        if before is None:
            result.goals_added.append(GoalChange(goal.line.name, goal.number, None, goal.text))
        elif before.text.strip() != goal.text.strip():
            result.goals_changed.append(
                GoalChange(goal.line.name, goal.number, before.text, goal.text)
            )
    kept = set(matched.values())
    for goal in old.values():
        if goal.pk not in kept:
            result.goals_removed.append(GoalChange(goal.line.name, goal.number, goal.text, None))


def _diff_indicators(result: EditionDiff) -> None:
    def indicators(p):
        return {
            i.pk: i
            for i in Indicator.objects.filter(programme=p)
            .select_related("line", "programme__area")
            .prefetch_related("targets__horizon")
        }

    old, new = indicators(result.old), indicators(result.new)
    matched = _matches(Indicator, set(old), new.values(), result.new.area_id, "programme__")
    for indicator in new.values():
        before = old.get(matched.get(indicator.pk))
        if before is None:
            result.indicators_added.append(IndicatorChange(indicator.line.name, indicator.name))
            continue
        result.targets_moved.extend(_target_moves(before, indicator))
    kept = set(matched.values())
    for indicator in old.values():
        if indicator.pk not in kept:
            result.indicators_removed.append(IndicatorChange(indicator.line.name, indicator.name))


def _target_moves(before: Indicator, after: Indicator) -> list[TargetMove]:
    # Horizons are matched by their length: every edition has its own 1, 4 and 15 years.
    def by_years(indicator) -> dict[int, Target]:
        return {t.horizon.years: t for t in indicator.targets.all()}

    old, new = by_years(before), by_years(after)
    moves = []
    for years in sorted(set(old) | set(new)):
        a, b = old.get(years), new.get(years)
        move = TargetMove(
            indicator=after,
            horizon_years=years,
            old_value=a.value if a else None,
            new_value=b.value if b else None,
            old_state=a.state if a else None,
            new_state=b.state if b else None,
        )
        if move.value_moved or move.state_changed:
            moves.append(move)
    return moves


def _diff_interventions(result: EditionDiff) -> None:
    def interventions(p):
        return {i.pk: i for i in p.interventions.select_related("line")}

    old, new = interventions(result.old), interventions(result.new)
    model = result.new.interventions.model

    def label(status):
        return str(model.Status(status).label) if status else ""

    matched = _matches(model, set(old), new.values(), result.new.area_id, "programme__")
    for item in new.values():
        before = old.get(matched.get(item.pk))
        change = InterventionChange(
            line=item.line.name,
            name=str(item),
            old_status=before.status if before else None,
            new_status=item.status,
            reason=_last_reason(item) if before is None or before.status != item.status else "",
            old_label=label(before.status if before else None),
            new_label=label(item.status),
        )
        if before is None:
            target = (
                result.interventions_started
                if item.status == RUNNING
                else result.interventions_added
            )
            target.append(change)
        elif before.status == item.status:
            continue
        elif item.status == RUNNING:
            result.interventions_started.append(change)
        elif item.status == STOPPED:
            result.interventions_stopped.append(change)
        else:
            result.interventions_status_changed.append(change)
    kept = set(matched.values())
    for item in old.values():
        if item.pk not in kept:
            result.interventions_removed.append(
                InterventionChange(
                    item.line.name, str(item), item.status, None, old_label=label(item.status)
                )
            )


def _last_reason(intervention) -> str:
    # The reason of the newest status change, in this edition or an earlier one it came from.
    change = intervention.status_changes.order_by("-changed_on", "-recorded_at").first()
    return change.reason if change else ""


__all__ = [
    "EditionDiff",
    "GoalChange",
    "IndicatorChange",
    "InterventionChange",
    "TargetMove",
    "diff",
]
