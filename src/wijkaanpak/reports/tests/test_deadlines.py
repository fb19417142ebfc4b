"""Dated table tests of the clock. Each expected date was counted by hand on a calendar."""

import datetime as dt
from types import SimpleNamespace

import pytest

from wijkaanpak import workdays
from wijkaanpak.reports.domain import deadlines

from .factories import amsterdam

D = dt.date
UTC = dt.UTC


@pytest.mark.parametrize(
    ("received_at", "due", "why"),
    [
        (amsterdam(2026, 3, 9), D(2026, 3, 16), "Monday counts from Monday"),
        (amsterdam(2026, 3, 6), D(2026, 3, 13), "Friday counts from Friday"),
        (amsterdam(2026, 3, 7), D(2026, 3, 16), "Saturday counts from Monday"),
        (amsterdam(2026, 3, 8, 23, 59), D(2026, 3, 16), "Sunday counts from Monday"),
        # Kingsday on a Monday (27 April 2026): a Sunday receipt counts from Tuesday.
        (amsterdam(2026, 4, 26), D(2026, 5, 5), "Sunday before Kingsday 2026"),
        (amsterdam(2027, 4, 26), D(2027, 5, 4), "Monday before Kingsday 2027 (Tuesday)"),
        # 27 April 2025 is a Sunday, so Kingsday is Saturday 26 April: no day lost.
        (amsterdam(2025, 4, 25), D(2025, 5, 2), "Friday before Kingsday on Saturday 26th"),
        # 2025 is a lustrum year: Liberation Day (Monday 5 May) is a day off.
        (amsterdam(2025, 4, 29), D(2025, 5, 7), "across Liberation Day in a lustrum year"),
        (amsterdam(2026, 4, 28), D(2026, 5, 5), "5 May 2026 is a normal working day"),
        (amsterdam(2026, 12, 23), D(2026, 12, 31), "day before Christmas Eve 2026"),
        (amsterdam(2026, 12, 24), D(2027, 1, 4), "Christmas Eve 2026, across the year end"),
        (amsterdam(2025, 12, 24), D(2026, 1, 5), "Christmas Eve 2025: two days off + New Year"),
        (amsterdam(2025, 12, 25), D(2026, 1, 6), "on Christmas Day: counts from 29 December"),
        (amsterdam(2026, 12, 31), D(2027, 1, 8), "New Year's Eve: 1 January skipped"),
        (amsterdam(2026, 4, 2), D(2026, 4, 13), "before Good Friday and Easter Monday"),
        (amsterdam(2026, 4, 6), D(2026, 4, 14), "on Easter Monday: counts from Tuesday"),
        (amsterdam(2026, 5, 13), D(2026, 5, 21), "day before Ascension"),
        (amsterdam(2026, 5, 22), D(2026, 6, 1), "Friday before Whit Monday"),
        # Time zone: the receipt date is the Amsterdam date, not the UTC date.
        (dt.datetime(2026, 3, 9, 22, 30, tzinfo=UTC), D(2026, 3, 16), "23:30 Monday in winter"),
        (dt.datetime(2026, 3, 9, 23, 30, tzinfo=UTC), D(2026, 3, 17), "UTC Monday = Tuesday"),
        (dt.datetime(2026, 6, 1, 22, 30, tzinfo=UTC), D(2026, 6, 9), "summer time: Tuesday"),
        (dt.datetime(2026, 3, 13, 23, 30, tzinfo=UTC), D(2026, 3, 23), "UTC Friday = Saturday"),
    ],
)
def test_pickup_due_on(received_at, due, why):
    assert deadlines.pickup_due_on(received_at) == due, why


@pytest.mark.parametrize(
    ("received_at", "term", "due"),
    [
        (amsterdam(2026, 3, 9), 10, D(2026, 3, 23)),
        (amsterdam(2026, 3, 7), 10, D(2026, 3, 23)),
        (amsterdam(2026, 3, 9), 0, D(2026, 3, 9)),
        (amsterdam(2026, 3, 7), 0, D(2026, 3, 9)),
        (amsterdam(2026, 12, 21), 10, D(2027, 1, 6)),
        (amsterdam(2026, 5, 11), 15, D(2026, 6, 3)),
    ],
)
def test_resolution_due_on_uses_the_category_term(received_at, term, due):
    category = SimpleNamespace(resolution_term_days=term)
    assert deadlines.resolution_due_on(received_at, category) == due


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 3, 9), True),
        (D(2026, 3, 7), False),
        (D(2026, 3, 8), False),
        (D(2026, 1, 1), False),
        (D(2026, 4, 3), False),  # Good Friday, as the holidays package lists it
        (D(2026, 4, 6), False),
        (D(2026, 4, 27), False),
        (D(2026, 5, 5), True),
        (D(2025, 5, 5), False),
        (D(2026, 5, 14), False),
        (D(2026, 5, 25), False),
        (D(2026, 12, 24), True),
        (D(2026, 12, 25), False),
        (D(2027, 12, 27), True),
    ],
)
def test_is_working_day(day, working):
    assert workdays.is_working_day(day) is working


def test_add_working_days_zero_is_the_same_day_and_negative_is_refused():
    assert workdays.add_working_days(D(2026, 3, 7), 0) == D(2026, 3, 7)
    with pytest.raises(ValueError):
        workdays.add_working_days(D(2026, 3, 9), -1)


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (D(2026, 3, 9), D(2026, 3, 16), 5),
        (D(2026, 3, 9), D(2026, 3, 9), 0),
        (D(2026, 12, 24), D(2027, 1, 4), 5),
        (D(2026, 3, 16), D(2026, 3, 9), 0),
    ],
)
def test_working_days_between(start, end, count):
    assert workdays.working_days_between(start, end) == count


def test_holiday_name():
    assert workdays.holiday_name(D(2026, 4, 27)) == "King's Day"
    assert workdays.holiday_name(D(2026, 4, 28)) == ""
