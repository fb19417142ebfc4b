"""Computes effort indicators from registered metrics, month by month. Idempotent."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from .. import metrics
from ..models import Indicator, Programme, Scope
from .measurements import Outcome, save_measurement


@dataclass(frozen=True)
class ComputeResult:
    indicator: Indicator
    months: int
    outcomes: dict[Outcome, int]
    missing_metric: bool = False


def month_periods(first: date, last: date) -> list[tuple[date, date]]:
    """The calendar months from the month of `first` that have ended by `last`.

    A month still running gets no figure yet: its value would change every day.
    """
    periods = []
    start = first.replace(day=1)
    while True:
        following = (start + timedelta(days=32)).replace(day=1)
        end = following - timedelta(days=1)
        if end > last:
            return periods
        periods.append((start, end))
        start = following


@transaction.atomic
def compute_indicator(indicator: Indicator, first: date, last: date) -> ComputeResult:
    metric = metrics.get(indicator.metric_key)
    if metric is None:
        return ComputeResult(indicator, 0, {}, missing_metric=True)
    outcomes: dict[Outcome, int] = {}
    months = 0
    for start, end in month_periods(first, last):
        value = metric.compute(indicator.programme, start, end)
        if value is None:  # nothing happened that month: no figure, never a 0
            continue
        months += 1
        _, outcome = save_measurement(
            indicator,
            value=value,
            period_start=start,
            period_end=end,
            scope=Scope.AREA,
            source=metric.source,
            note=f"Automatisch berekend ({metric.key}).",
        )
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return ComputeResult(indicator, months, outcomes)


def compute_programme(programme: Programme, first: date, last: date) -> list[ComputeResult]:
    indicators = programme.indicators.exclude(metric_key="").select_related("programme")
    return [compute_indicator(i, first, last) for i in indicators]
