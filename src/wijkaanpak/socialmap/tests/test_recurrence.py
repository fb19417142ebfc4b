"""Expanding an event's recurrence rule into dated occurrences, and checking rules."""

import datetime as dt
import logging

import pytest

from wijkaanpak.socialmap.domain.recurrence import (
    cancelled_dates_error,
    day_window,
    occurrences,
    rule_error,
)
from wijkaanpak.socialmap.tests.factories import EventFactory
from wijkaanpak.workdays import AMSTERDAM

FIRST = dt.datetime(2026, 3, 18, 15, 0, tzinfo=AMSTERDAM)  # a Wednesday, before summer time


def event(rule="FREQ=WEEKLY;BYDAY=WE", cancelled=(), starts_at=FIRST):
    return EventFactory.build(
        pk=1,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=90),
        recurrence_rule=rule,
        cancelled_dates=list(cancelled),
    )


def starts(e, first=dt.date(2026, 3, 16), days=28):
    return [
        (o.starts_at.date().isoformat(), o.starts_at.strftime("%H:%M %z"))
        for o in occurrences(e, *day_window(first, days))
    ]


@pytest.mark.parametrize(
    ("rule", "cancelled", "expected"),
    [
        # Summer time starts on 29 March 2026: still 15:00 local, the offset changes.
        (
            "FREQ=WEEKLY;BYDAY=WE",
            [],
            [
                ("2026-03-18", "15:00 +0100"),
                ("2026-03-25", "15:00 +0100"),
                ("2026-04-01", "15:00 +0200"),
                ("2026-04-08", "15:00 +0200"),
            ],
        ),
        (
            "FREQ=WEEKLY;BYDAY=WE",
            ["2026-03-25", "2026-04-08"],
            [("2026-03-18", "15:00 +0100"), ("2026-04-01", "15:00 +0200")],
        ),
        # COUNT counts from the first time.
        (
            "FREQ=WEEKLY;BYDAY=WE;COUNT=2",
            [],
            [("2026-03-18", "15:00 +0100"), ("2026-03-25", "15:00 +0100")],
        ),
        # UNTIL is in UTC and inclusive.
        (
            "FREQ=WEEKLY;BYDAY=WE;UNTIL=20260401T130000Z",
            [],
            [
                ("2026-03-18", "15:00 +0100"),
                ("2026-03-25", "15:00 +0100"),
                ("2026-04-01", "15:00 +0200"),
            ],
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
            [],
            [("2026-03-18", "15:00 +0100"), ("2026-04-01", "15:00 +0200")],
        ),
        (
            "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3",
            [],
            [
                ("2026-03-18", "15:00 +0100"),
                ("2026-03-23", "15:00 +0100"),
                ("2026-03-25", "15:00 +0100"),
            ],
        ),
        # One-off.
        ("", [], [("2026-03-18", "15:00 +0100")]),
        ("", ["2026-03-18"], []),
        # Rules that cannot be read are skipped, never raised.
        ("FREQ=WEEKLY;BYDAY=XX", [], []),
        ("FREQ=WEEKLY;UNTIL=20261231", [], []),
        ("BYDAY=WE", [], []),
        ("FREQ=SECONDLY", [], []),
    ],
)
def test_occurrences(rule, cancelled, expected):
    assert starts(event(rule, cancelled)) == expected


def test_occurrences_only_in_the_window():
    e = event("FREQ=WEEKLY;BYDAY=WE")
    assert starts(e, first=dt.date(2026, 3, 19), days=7) == [("2026-03-25", "15:00 +0100")]
    assert starts(e, first=dt.date(2026, 3, 1), days=17) == []  # before the first time
    one_off = event("")
    assert starts(one_off, first=dt.date(2026, 3, 19), days=7) == []


def test_summer_to_winter_time_keeps_the_local_time():
    e = event("FREQ=WEEKLY;BYDAY=WE", starts_at=dt.datetime(2026, 10, 21, 15, tzinfo=AMSTERDAM))
    assert starts(e, first=dt.date(2026, 10, 19), days=14) == [
        ("2026-10-21", "15:00 +0200"),
        ("2026-10-28", "15:00 +0100"),
    ]


def test_an_occurrence_lasts_as_long_as_the_first_time():
    found = occurrences(event(), *day_window(dt.date(2026, 4, 1), 1))
    assert [(o.starts_at.hour, o.ends_at.hour, o.ends_at.minute) for o in found] == [(15, 16, 30)]
    assert found[0].date == dt.date(2026, 4, 1)


def test_an_unreadable_rule_is_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="wijkaanpak.socialmap.domain.recurrence"):
        assert occurrences(event("FREQ=WEEKLY;BYDAY=XX"), *day_window(FIRST.date(), 7)) == []
    assert "unreadable recurrence rule" in caplog.text


def test_an_unreadable_cancelled_date_is_ignored():
    assert len(starts(event(cancelled=["13-05-2026", 5]))) == 4


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        ("", None),
        ("FREQ=WEEKLY;BYDAY=WE", None),
        ("FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959Z", None),
        ("FREQ=MONTHLY;BYDAY=1WE;COUNT=10", None),
        ("freq=daily", None),
        ("RRULE:FREQ=WEEKLY", "zonder 'RRULE:'"),
        ("FREQ=WEEKLY\nDTSTART:20200101T000000", "zonder 'RRULE:'"),
        ("BYDAY=WE", "Begin met FREQ="),
        ("FREQ=HOURLY", "Begin met FREQ="),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231T235959Z", "COUNT of UNTIL"),
        ("FREQ=WEEKLY;UNTIL=20261231", "met een Z"),
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL"),
        ("FREQ=WEEKLY;INTERVAL=x", "INTERVAL"),
        ("FREQ=WEEKLY;BYDAY=XX", "kunnen we niet lezen"),
        ("FREQ=WEEKLY;FOO=1", "kunnen we niet lezen"),
        ("FREQ=WEEKLY;UNTIL=20200101T000000Z", "geen enkele datum"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "geen enkele datum"),
    ],
)
def test_rule_error(rule, error):
    message = rule_error(rule, FIRST)
    if error is None:
        assert message is None
    else:
        assert error in message


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ([], None),
        (["2026-05-13", "2026-12-25"], None),
        ("2026-05-13", "lijst"),
        (["13-05-2026"], "'13-05-2026' is geen datum"),
    ],
)
def test_cancelled_dates_error(values, error):
    message = cancelled_dates_error(values)
    assert message is None if error is None else error in message
