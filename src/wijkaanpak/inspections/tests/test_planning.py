"""The default date of a round: second Tuesday of the quarter's middle month, never a holiday."""

import calendar
import datetime as dt

import pytest

from wijkaanpak.inspections.domain.planning import (
    DEFAULT_RULE,
    PlanningRule,
    default_planned_on,
    in_quarter,
    quarter_months,
)

D = dt.date
TUE = calendar.TUESDAY
MON = calendar.MONDAY

PLANNED_ON = [
    # (year, quarter, rule, expected, why)
    (2027, 1, DEFAULT_RULE, D(2027, 2, 9), "second Tuesday of February"),
    (2027, 2, DEFAULT_RULE, D(2027, 5, 11), "second Tuesday of May"),
    (2027, 3, DEFAULT_RULE, D(2027, 8, 10), "second Tuesday of August"),
    (2027, 4, DEFAULT_RULE, D(2027, 11, 9), "second Tuesday of November"),
    (2029, 2, DEFAULT_RULE, D(2029, 5, 8), "month starting on a Tuesday"),
    (2027, 2, PlanningRule(1, 4, TUE), D(2027, 4, 28), "Kingsday 27-04-2027 is a Tuesday"),
    (2029, 4, PlanningRule(3, 4, TUE), D(2029, 12, 27), "Christmas Tue and Boxing Day Wed"),
    (2027, 2, PlanningRule(2, 3, MON), D(2027, 5, 18), "Whit Monday 17-05-2027"),
    (2030, 1, PlanningRule(1, 1, TUE), D(2030, 1, 2), "New Year's Day 2030 is a Tuesday"),
    (2027, 1, PlanningRule(1, 1, calendar.SATURDAY), D(2027, 1, 4), "weekend moves to Monday"),
]


@pytest.mark.parametrize(("year", "quarter", "rule", "expected", "why"), PLANNED_ON)
def test_default_planned_on(year, quarter, rule, expected, why):
    assert default_planned_on(year, quarter, rule) == expected, why


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_quarter_must_be_one_to_four(quarter):
    with pytest.raises(ValueError, match="quarter"):
        quarter_months(quarter)


@pytest.mark.parametrize(
    ("day", "year", "quarter", "expected"),
    [
        (D(2027, 3, 31), 2027, 1, True),
        (D(2027, 4, 1), 2027, 1, False),
        (D(2027, 4, 1), 2027, 2, True),
        (D(2028, 2, 1), 2027, 1, False),
    ],
)
def test_in_quarter(day, year, quarter, expected):
    assert in_quarter(day, year, quarter) is expected
