"""Ten years of monthly measurements per quantitative indicator, with corrections.

An area's series starts worse than the national value and drifts towards it with noise; a
Westwijk series passes through the Westwijk's real baseline. About 2% of the figures were
corrected once: the first value stays as a superseded row, the current row supersedes it.
National indicators also get yearly figures for the Netherlands and the city.
"""

import datetime as dt
import random
from decimal import Decimal

from wijkaanpak.programme.models import ReferenceValue

from . import catalogue

CORRECTED_SHARE = 0.02
SOURCE = "Gegenereerd door bench/generate.py"
COLUMNS = (
    "id",
    "indicator_id",
    "scope",
    "value",
    "period_start",
    "period_end",
    "source",
    "note",
    "entered_by_id",
    "entered_at",
    "supersedes_id",
    "superseded_at",
)
_START = {"percent": 40, "per_thousand": 25, "euro": 24000, "years": 78, "count": 60, "score": 7}


def months(today: dt.date, count: int = 120) -> list[tuple[dt.date, dt.date]]:
    """The last `count` calendar months that have ended before `today`."""
    first_of_this = today.replace(day=1)
    periods = []
    end = first_of_this - dt.timedelta(days=1)
    for _ in range(count):
        periods.append((end.replace(day=1), end))
        end = end.replace(day=1) - dt.timedelta(days=1)
    return periods[::-1]


def _quantize(value: float, spec: catalogue.Spec) -> Decimal:
    if spec.unit == "percent":
        value = min(max(value, 0.0), 100.0)
    return Decimal(repr(max(value, 0.0))).quantize(Decimal(1) / 10**spec.decimals)


def series(rng: random.Random, spec: catalogue.Spec, n: int, anchor: tuple[int, float] | None):
    """n monthly values; `anchor` = (month index, value) the series must pass through."""
    nl = (
        float(spec.nl) if spec.nl is not None else _START.get(spec.unit, 50) * rng.uniform(0.6, 1.4)
    )
    if spec.kind == "effort" or spec.nl is None:
        start = nl
    elif spec.polarity == catalogue.L:
        start = nl * rng.uniform(1.2, 1.8)
    else:
        start = nl * rng.uniform(0.6, 0.9)
    pull = rng.uniform(0.0, 0.008)
    noise = abs(start) * 0.01
    values, value = [], start
    for _ in range(n):
        value += (nl - value) * pull + rng.gauss(0, noise)
        values.append(value)
    if anchor is not None:
        index, wanted = anchor
        offset = wanted - values[index]
        values = [v + offset for v in values]
    return [_quantize(v, spec) for v in values]


class Writer:
    """Collects measurement rows with their ids; the caller COPYs them in one go."""

    def __init__(self, rng: random.Random, now: dt.datetime):
        self.rng = rng
        self.now = now
        self.rows: list[tuple] = []

    def _entered(self, period_end: dt.date, days: int) -> dt.datetime:
        moment = dt.datetime.combine(
            period_end + dt.timedelta(days=days), dt.time(10), tzinfo=dt.UTC
        )
        return min(moment, self.now - dt.timedelta(hours=1))

    def add(self, indicator_id, scope, value, start, end, entered_by=None) -> None:
        entered = self._entered(end, self.rng.randrange(5, 40))
        corrected = self.rng.random() < CORRECTED_SHARE
        supersedes = None
        if corrected:
            old_id = len(self.rows) + 1
            wrong = value * Decimal(repr(round(self.rng.uniform(0.8, 1.2), 2)))
            fixed_at = min(entered + dt.timedelta(days=self.rng.randrange(1, 30)), self.now)
            self.rows.append(
                (
                    old_id,
                    indicator_id,
                    scope,
                    wrong.quantize(value),
                    start,
                    end,
                    SOURCE,
                    "",
                    entered_by,
                    entered,
                    None,
                    fixed_at,
                )
            )
            supersedes, entered = old_id, fixed_at
        note = "Correctie van een invoerfout." if corrected else ""
        self.rows.append(
            (
                len(self.rows) + 1,
                indicator_id,
                scope,
                value,
                start,
                end,
                SOURCE,
                note,
                entered_by,
                entered,
                supersedes,
                None,
            )
        )


def generate(rng: random.Random, plans, today: dt.date, now: dt.datetime, coordinator_id: int):
    """Rows for every area's indicators; returns (rows, baseline per indicator id)."""
    periods = months(today)
    baseline_index = next(
        (i for i, (start, _) in enumerate(periods) if start.year == 2023 and start.month == 1), 0
    )
    writer = Writer(rng, now)
    baseline: dict[int, Decimal] = {}
    years = sorted({start.year for start, end in periods if end.month == 12})
    for plan in plans:
        known = dict(
            ReferenceValue.objects.filter(
                indicator__programme=plan.programme, scope="area"
            ).values_list("indicator_id", "value")
        )
        for indicator, spec in plan.indicators:
            if indicator.unit == "qualitative":
                continue
            anchor = (baseline_index, float(known[indicator.pk])) if indicator.pk in known else None
            values = series(rng, spec, len(periods), anchor)
            baseline[indicator.pk] = values[baseline_index]
            for (start, end), value in zip(periods, values, strict=True):
                writer.add(indicator.pk, "area", value, start, end, coordinator_id)
            if spec.national:
                _national_and_city(rng, writer, indicator.pk, spec, values[baseline_index], years)
    return writer.rows, baseline


def _national_and_city(rng, writer, indicator_id, spec, area_value, years) -> None:
    nl = float(spec.nl)
    for year in years:
        nl_value = nl * (1 + rng.gauss(0, 0.01))
        city = (nl_value + float(area_value)) / 2
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        writer.add(indicator_id, "netherlands", _quantize(nl_value, spec), start, end)
        writer.add(indicator_id, "city", _quantize(city, spec), start, end)
