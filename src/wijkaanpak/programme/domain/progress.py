"""The progress engine: plain functions over plain values, no database.

An indicator is judged against the straight line from its baseline to the target of the
next horizon, at the date of its latest measurement. Polarity decides what "better" means.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum


class Polarity(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"
    NO_TARGET = "no_target"


STATUS_ORDER = (Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA, Status.NO_TARGET)

# A measurement older than this does not count towards data completeness.
RECENT = timedelta(days=365)


@dataclass(frozen=True)
class DatedValue:
    value: Decimal
    on: date


@dataclass(frozen=True)
class TargetPoint:
    horizon_years: int
    due_on: date
    value: Decimal
    agreed: bool


@dataclass(frozen=True)
class IndicatorFacts:
    polarity: Polarity
    baseline: DatedValue | None = None
    netherlands: Decimal | None = None
    city: Decimal | None = None
    measurements: tuple[DatedValue, ...] = ()
    targets: tuple[TargetPoint, ...] = ()
    quantitative: bool = True


@dataclass(frozen=True)
class Progress:
    status: Status
    reason: str
    latest: DatedValue | None
    next_target: TargetPoint | None
    expected_now: Decimal | None
    change_since_baseline: Decimal | None
    to_go_to_target: Decimal | None
    to_go_to_netherlands: Decimal | None


def is_better(a: Decimal, b: Decimal, polarity: Polarity) -> bool:
    """True when a is strictly better than b."""
    return a > b if polarity == Polarity.HIGHER_IS_BETTER else a < b


def at_least_as_good(a: Decimal, b: Decimal, polarity: Polarity) -> bool:
    return a == b or is_better(a, b, polarity)


def to_go(current: Decimal, goal: Decimal, polarity: Polarity) -> Decimal:
    """How far current still is from goal in the good direction; zero or less means reached."""
    return goal - current if polarity == Polarity.HIGHER_IS_BETTER else current - goal


def latest_of(values: tuple[DatedValue, ...]) -> DatedValue | None:
    return max(values, key=lambda v: v.on, default=None)


def next_target(targets: tuple[TargetPoint, ...], on: date) -> TargetPoint | None:
    """The target of the first horizon not yet passed on `on`; the last one once all passed.

    An agreed target wins over a proposal for the same horizon.
    """
    by_horizon: dict[int, TargetPoint] = {}
    for target in sorted(targets, key=lambda t: (t.horizon_years, t.agreed)):
        by_horizon[target.horizon_years] = target
    ordered = sorted(by_horizon.values(), key=lambda t: t.due_on)
    upcoming = [t for t in ordered if t.due_on >= on]
    if upcoming:
        return upcoming[0]
    return ordered[-1] if ordered else None


def expected_value(baseline: DatedValue, target: TargetPoint, on: date) -> Decimal:
    """The value on the straight line from baseline to target, on a given date."""
    span = (target.due_on - baseline.on).days
    if span <= 0:
        return target.value
    elapsed = min(max((on - baseline.on).days, 0), span)
    return baseline.value + (target.value - baseline.value) * Decimal(elapsed) / Decimal(span)


def assess(facts: IndicatorFacts) -> Progress:
    latest = latest_of(facts.measurements)
    polarity = facts.polarity

    def result(status, reason, target=None, expected=None):
        return Progress(
            status=status,
            reason=reason,
            latest=latest,
            next_target=target,
            expected_now=expected,
            change_since_baseline=(
                latest.value - facts.baseline.value if latest and facts.baseline else None
            ),
            to_go_to_target=to_go(latest.value, target.value, polarity)
            if latest and target
            else None,
            to_go_to_netherlands=(
                to_go(latest.value, facts.netherlands, polarity)
                if latest and facts.netherlands is not None
                else None
            ),
        )

    if not facts.quantitative:
        return result(Status.NO_DATA, "qualitative")
    if latest is None:
        return result(Status.NO_DATA, "no_measurement")
    target = next_target(facts.targets, latest.on)
    if target is None:
        return result(Status.NO_TARGET, "no_target")
    if at_least_as_good(latest.value, target.value, polarity):
        return result(Status.ACHIEVED, "target_reached", target)
    if facts.baseline is None:
        # Without a starting point there is no line to be on or behind.
        return result(Status.NO_DATA, "no_baseline", target)
    expected = expected_value(facts.baseline, target, latest.on)
    if at_least_as_good(latest.value, expected, polarity):
        return result(Status.ON_TRACK, "on_or_above_line", target, expected)
    return result(Status.BEHIND, "below_line", target, expected)


@dataclass(frozen=True)
class Proposal:
    horizon_years: int
    value: Decimal
    rule: str


PROPOSAL_RULES = {
    4: "4 jaar: de waarde van stad of Nederland die het dichtst bij de wijk ligt",
    15: "15 jaar: de beste waarde van stad en Nederland",
}


def propose_targets(facts: IndicatorFacts) -> list[Proposal]:
    """Targets by the rule the source follows, for horizons that have no target yet.

    4 years: the nearer of the city and national values; 15 years: the better of them.
    Nothing is proposed when a value is missing, or when the area already does at least as
    well as the better reference (there is no gap for a target to close).
    """
    if facts.baseline is None or facts.city is None or facts.netherlands is None:
        return []
    area, city, nl, polarity = facts.baseline.value, facts.city, facts.netherlands, facts.polarity
    best = city if at_least_as_good(city, nl, polarity) else nl
    if at_least_as_good(area, best, polarity):
        return []
    nearer = city if abs(city - area) <= abs(nl - area) else nl
    values = {4: nearer, 15: best}
    taken = {t.horizon_years for t in facts.targets}
    return [
        Proposal(years, value, PROPOSAL_RULES[years])
        for years, value in values.items()
        if years not in taken
    ]


@dataclass(frozen=True)
class Completeness:
    indicators: int
    with_baseline: int
    with_agreed_target: int
    with_recent_measurement: int

    @property
    def score(self) -> Decimal | None:
        """Share of the three checks met, over all indicators; None when there are none."""
        if not self.indicators:
            return None
        met = self.with_baseline + self.with_agreed_target + self.with_recent_measurement
        return (Decimal(met) / Decimal(3 * self.indicators) * 100).quantize(Decimal("1"))


def completeness(facts: list[IndicatorFacts], today: date) -> Completeness:
    return Completeness(
        indicators=len(facts),
        with_baseline=sum(1 for f in facts if f.baseline is not None),
        with_agreed_target=sum(1 for f in facts if any(t.agreed for t in f.targets)),
        with_recent_measurement=sum(
            1 for f in facts if any(today - m.on <= RECENT for m in f.measurements)
        ),
    )


@dataclass(frozen=True)
class RollUp:
    counts: dict[Status, int]
    completeness: Completeness

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def roll_up(facts: list[IndicatorFacts], today: date) -> RollUp:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for f in facts:
        counts[assess(f).status] += 1
    return RollUp(counts=counts, completeness=completeness(facts, today))
