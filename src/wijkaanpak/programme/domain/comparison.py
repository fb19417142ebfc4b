"""The national comparison: how far an area is from the Netherlands, and whether that gap
moved since its baseline. Plain functions over plain values, no database.

The rules, as the comparison page explains them:

- The area's value is its latest measurement (area scope, not superseded).
- The NL value is the latest netherlands-scope measurement of the same indicator series;
  without one, the NL reference value. The page says which one it is and its date.
- The gap is area minus NL, in the indicator's unit.
- The baseline is the earliest area value that has an NL value to go with it: either the
  earliest area measurement with an NL value (measurement or reference value) at or before
  its period end, paired with the latest such NL value, or the programme's reference
  values (area and NL, both needed), dated by the area's reference date. The earlier of the
  two counts; on the same date the reference values, the programme's own nulmeting.
- Whether the gap moved is judged on the lag: how much worse than NL the area is, which
  respects polarity (for "lower is better" the lag is area minus NL, for "higher is better"
  NL minus area). A smaller lag is "kloof kleiner geworden", whether the area was behind or
  ahead. Lags equal when rounded to the indicator's decimals are "gelijk gebleven".
- When a value or the polarity is missing, or the baseline is the latest measurement
  itself, the movement is "onbekend", with the reason.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from .progress import Polarity


class Kind(StrEnum):
    MEASUREMENT = "measurement"
    REFERENCE = "reference"


@dataclass(frozen=True)
class Figure:
    """One dated value with where it comes from; `key` tells two measurements apart."""

    value: Decimal
    on: date
    source: str
    kind: Kind = Kind.MEASUREMENT
    period_start: date | None = None
    key: int | None = None


@dataclass(frozen=True)
class Baseline:
    area: Figure
    netherlands: Figure


class Movement(StrEnum):
    SMALLER = "smaller"
    LARGER = "larger"
    SAME = "same"
    UNKNOWN = "unknown"


class Position(StrEnum):
    """Where the area stands now against NL, in the good direction."""

    BEHIND = "behind"
    LEVEL = "level"
    AHEAD = "ahead"
    UNKNOWN = "unknown"


class Reason(StrEnum):
    """Why the movement is what it is; the page turns each into a plain sentence."""

    NO_POLARITY = "no_polarity"
    NO_AREA_VALUE = "no_area_value"
    NO_NETHERLANDS_VALUE = "no_netherlands_value"
    NO_BASELINE = "no_baseline"
    NOTHING_SINCE_BASELINE = "nothing_since_baseline"
    COMPARED = "compared"


@dataclass(frozen=True)
class Comparison:
    latest: Figure | None
    netherlands: Figure | None
    baseline: Baseline | None
    gap: Decimal | None
    baseline_gap: Decimal | None
    position: Position
    movement: Movement
    reason: Reason


class Point(NamedTuple):
    """Where a measurement sits in its series: its date, then its id (later ids were entered
    later), so of two current measurements of one date the later entry counts."""

    on: date
    key: int


@dataclass(frozen=True)
class Picked:
    """The measurements the comparison needs from one series, by key."""

    latest_area: int | None
    latest_netherlands: int | None
    first_area: int | None  # the earliest area measurement with an NL value at or before it
    netherlands_at_first: int | None  # the latest NL measurement at or before that one


def pick(area: list[Point], netherlands: list[Point], netherlands_reference_on: date | None):
    """Choose from a series' dated points which measurements the comparison reads."""
    area, netherlands = sorted(area), sorted(netherlands)
    nl_dates = [p.on for p in netherlands[:1]] + [d for d in [netherlands_reference_on] if d]
    first = None
    if nl_dates:
        first = next((p for p in area if p.on >= min(nl_dates)), None)
    at_first = [p for p in netherlands if first and p.on <= first.on]
    return Picked(
        latest_area=area[-1].key if area else None,
        latest_netherlands=netherlands[-1].key if netherlands else None,
        first_area=first.key if first else None,
        netherlands_at_first=at_first[-1].key if at_first else None,
    )


def netherlands_value(measurement: Figure | None, reference: Figure | None) -> Figure | None:
    """The latest NL measurement; without one, the NL reference value."""
    return measurement or reference


def latest_at_or_before(on: date, *candidates: Figure | None) -> Figure | None:
    """The latest candidate dated on or before `on`; a measurement wins a tie."""
    eligible = [c for c in candidates if c is not None and c.on <= on]
    return max(eligible, key=lambda c: (c.on, c.kind == Kind.MEASUREMENT), default=None)


def baseline(
    first_area: Figure | None,
    netherlands_at_first: Figure | None,
    area_reference: Figure | None,
    netherlands_reference: Figure | None,
) -> Baseline | None:
    """The earlier of the first area measurement with its NL value and the reference values.

    `first_area` is the earliest area measurement that has an NL value at or before it;
    `netherlands_at_first` the latest NL measurement at or before it, if any.
    """
    candidates = []
    if area_reference is not None and netherlands_reference is not None:
        candidates.append(Baseline(area_reference, netherlands_reference))
    if first_area is not None:
        nl = latest_at_or_before(first_area.on, netherlands_at_first, netherlands_reference)
        if nl is not None:
            candidates.append(Baseline(first_area, nl))
    # min() keeps the first of equals: the reference values win a tie.
    return min(candidates, key=lambda b: b.area.on, default=None)


def lag(gap: Decimal, polarity: Polarity) -> Decimal:
    """How much worse than NL the area is; negative when it does better."""
    return gap if polarity == Polarity.LOWER_IS_BETTER else -gap


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals))


def position(gap: Decimal, polarity: Polarity, decimals: int) -> Position:
    behind = rounded(lag(gap, polarity), decimals)
    if behind > 0:
        return Position.BEHIND
    return Position.AHEAD if behind < 0 else Position.LEVEL


def movement(baseline_gap: Decimal, gap: Decimal, polarity: Polarity, decimals: int) -> Movement:
    then = rounded(lag(baseline_gap, polarity), decimals)
    now = rounded(lag(gap, polarity), decimals)
    if now < then:
        return Movement.SMALLER
    return Movement.LARGER if now > then else Movement.SAME


def compare(
    polarity: Polarity | None,
    decimals: int,
    latest: Figure | None,
    netherlands: Figure | None,
    base: Baseline | None,
) -> Comparison:
    gap = latest.value - netherlands.value if latest and netherlands else None
    baseline_gap = base.area.value - base.netherlands.value if base else None

    def result(reason: Reason, moved: Movement = Movement.UNKNOWN) -> Comparison:
        return Comparison(
            latest=latest,
            netherlands=netherlands,
            baseline=base,
            gap=gap,
            baseline_gap=baseline_gap,
            position=(
                Position.UNKNOWN
                if gap is None or polarity is None
                else position(gap, polarity, decimals)
            ),
            movement=moved,
            reason=reason,
        )

    if polarity is None:
        return result(Reason.NO_POLARITY)
    if latest is None:
        return result(Reason.NO_AREA_VALUE)
    if netherlands is None:
        return result(Reason.NO_NETHERLANDS_VALUE)
    if base is None:
        return result(Reason.NO_BASELINE)
    if base.area == latest:
        return result(Reason.NOTHING_SINCE_BASELINE)
    return result(Reason.COMPARED, movement(baseline_gap, gap, polarity, decimals))
