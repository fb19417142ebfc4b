"""Turns stored indicators into the engine's plain facts, a programme at a time."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..domain import progress as engine
from ..models import Indicator, Measurement, Programme, ReferenceValue, Scope, Target


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    facts: engine.IndicatorFacts
    progress: engine.Progress


def today() -> date:
    return timezone.localdate()


def facts_for(
    indicators: list[Indicator], *, history: bool = True
) -> dict[int, engine.IndicatorFacts]:
    """A few queries for any number of indicators; only current area measurements count.

    Without `history` each series gets only its latest measurement: all a roll-up reads
    (the status and whether a figure is recent), so an overview costs the same with ten
    years of monthly figures as with one.
    """
    ids = [i.pk for i in indicators]
    references: dict[int, dict[str, ReferenceValue]] = defaultdict(dict)
    for ref in ReferenceValue.objects.filter(indicator_id__in=ids):
        references[ref.indicator_id][ref.scope] = ref
    targets = defaultdict(list)
    for t in Target.objects.filter(indicator_id__in=ids).select_related("horizon"):
        targets[t.indicator_id].append(
            engine.TargetPoint(
                horizon_years=t.horizon.years,
                due_on=t.horizon.due_on,
                value=t.value,
                agreed=t.state == Target.State.AGREED,
            )
        )
    # A series spans editions: measurements entered under an earlier edition count too.
    area_of = dict(
        Programme.objects.filter(pk__in={i.programme_id for i in indicators}).values_list(
            "pk", "area_id"
        )
    )
    series = {(area_of[i.programme_id], i.series_key): i.pk for i in indicators}
    measurements = defaultdict(list)
    rows = Measurement.objects.current().filter(
        indicator__programme__area_id__in={area for area, _ in series},
        indicator__series_key__in={key for _, key in series},
        scope=Scope.AREA,
    )
    series_of = ("indicator__programme__area_id", "indicator__series_key")
    last = None
    if not history:
        last = {
            (area_id, key): day
            for area_id, key, day in rows.order_by()
            .values(*series_of)
            .annotate(day=Max("period_end"))
            .values_list(*series_of, "day")
        }
        rows = rows.filter(period_end__in=set(last.values()))
    for area_id, key, value, on in rows.values_list(*series_of, "value", "period_end"):
        if (area_id, key) in series and (last is None or last[(area_id, key)] == on):
            measurements[series[(area_id, key)]].append(engine.DatedValue(value=value, on=on))

    facts = {}
    for indicator in indicators:
        refs = references[indicator.pk]
        area = refs.get(Scope.AREA)
        nl = refs.get(Scope.NETHERLANDS)
        city = refs.get(Scope.CITY)
        facts[indicator.pk] = engine.IndicatorFacts(
            polarity=engine.Polarity(indicator.polarity),
            baseline=engine.DatedValue(area.value, area.reference_date) if area else None,
            netherlands=nl.value if nl else None,
            city=city.value if city else None,
            measurements=tuple(measurements[indicator.pk]),
            targets=tuple(targets[indicator.pk]),
            quantitative=indicator.is_quantitative,
        )
    return facts


def progress_for(indicators, *, history: bool = True) -> dict[int, IndicatorProgress]:
    indicators = list(indicators)
    facts = facts_for(indicators, history=history)
    return {i.pk: IndicatorProgress(i, facts[i.pk], engine.assess(facts[i.pk])) for i in indicators}


def roll_up(items: list[IndicatorProgress], on: date | None = None) -> engine.RollUp:
    return engine.roll_up([item.facts for item in items], on or today())


@dataclass(frozen=True)
class ProgrammeProgress:
    """Everything the overview needs, computed once per request."""

    by_indicator: dict[int, IndicatorProgress]
    ambition: engine.RollUp
    by_line: dict[int, engine.RollUp]
    by_goal: dict[int, engine.RollUp]


def programme_progress(programme: Programme, on: date | None = None) -> ProgrammeProgress:
    on = on or today()
    indicators = list(
        programme.indicators.select_related("line")
        .prefetch_related("goals")
        .order_by("line__number", "position", "name")
    )
    by_indicator = progress_for(indicators, history=False)
    per_line, per_goal = defaultdict(list), defaultdict(list)
    for indicator in indicators:
        item = by_indicator[indicator.pk]
        per_line[indicator.line_id].append(item)
        for goal in indicator.goals.all():
            per_goal[goal.pk].append(item)
    return ProgrammeProgress(
        by_indicator=by_indicator,
        ambition=roll_up(list(by_indicator.values()), on),
        by_line={line.pk: roll_up(per_line[line.pk], on) for line in programme.lines.all()},
        by_goal={goal_id: roll_up(items, on) for goal_id, items in per_goal.items()},
    )


@transaction.atomic
def store_target_proposals(programme: Programme) -> list[Target]:
    """Store proposals by the source's rule for horizons without any target. Idempotent."""
    horizons = {h.years: h for h in programme.horizons.all()}
    created = []
    indicators = list(programme.indicators.filter(kind=Indicator.Kind.OUTCOME))
    for indicator_id, facts in facts_for(indicators).items():
        for proposal in engine.propose_targets(facts):
            horizon = horizons.get(proposal.horizon_years)
            if horizon is None:
                continue
            target, was_created = Target.objects.get_or_create(
                indicator_id=indicator_id,
                horizon=horizon,
                defaults={
                    "value": proposal.value,
                    "state": Target.State.PROPOSED,
                    "source": "Voorstel van wijkaanpak volgens de regel uit het programma",
                    "rule": proposal.rule,
                },
            )
            if was_created:
                created.append(target)
    return created


@transaction.atomic
def confirm_target(target: Target, user) -> Target:
    target.state = Target.State.AGREED
    target.confirmed_by = user
    target.confirmed_at = timezone.now()
    target.save(update_fields=["state", "confirmed_by", "confirmed_at"])
    return target
