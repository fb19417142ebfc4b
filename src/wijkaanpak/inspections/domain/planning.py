"""When a quarterly inspection round is planned by default.

The programme promises one wijkschouw per quadrant per quarter but names no day. The default
is the second Tuesday of the middle month of the quarter (February, May, August, November):
far from the quarter's edges, so a postponed round still falls in its own quarter. A
coordinator can move any round; this rule only fills the calendar.

A default date on a Dutch public holiday (or a weekend, when the rule is configured so)
moves to the next working day, with the same working-day calendar as the report deadlines.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from wijkaanpak.workdays import is_working_day, next_working_day

TUESDAY = calendar.TUESDAY


@dataclass(frozen=True)
class PlanningRule:
    month_in_quarter: int = 2  # 1, 2 or 3
    week: int = 2  # the n-th such weekday of that month, 1 to 4
    weekday: int = TUESDAY


DEFAULT_RULE = PlanningRule()


def quarter_months(quarter: int) -> tuple[int, int, int]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1 to 4")
    first = 3 * (quarter - 1) + 1
    return first, first + 1, first + 2


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def default_planned_on(year: int, quarter: int, rule: PlanningRule = DEFAULT_RULE) -> dt.date:
    month = quarter_months(quarter)[rule.month_in_quarter - 1]
    day = nth_weekday(year, month, rule.weekday, rule.week)
    return day if is_working_day(day) else next_working_day(day)


def in_quarter(day: dt.date, year: int, quarter: int) -> bool:
    return day.year == year and quarter_of(day) == quarter
