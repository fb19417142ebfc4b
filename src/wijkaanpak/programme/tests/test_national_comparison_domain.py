"""The comparison rules as tables: NL value, baseline, gap, position and movement."""

from datetime import date
from decimal import Decimal as D

import pytest

from wijkaanpak.programme.domain.comparison import (
    Baseline,
    Figure,
    Kind,
    Movement,
    Point,
    Position,
    Reason,
    baseline,
    compare,
    latest_at_or_before,
    netherlands_value,
    pick,
)
from wijkaanpak.programme.domain.progress import Polarity

HIGHER, LOWER = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER


def m(value, year, key=None):
    """A measurement over calendar year `year`."""
    return Figure(D(value), date(year, 12, 31), "CBS", period_start=date(year, 1, 1), key=key)


def ref(value, year):
    return Figure(D(value), date(year, 1, 1), "Programmaplan", kind=Kind.REFERENCE)


@pytest.mark.parametrize(
    ("measurement", "reference", "expected"),
    [
        (m("7.0", 2024), ref("7.1", 2021), m("7.0", 2024)),
        (None, ref("7.1", 2021), ref("7.1", 2021)),
        (m("7.0", 2020), ref("7.1", 2021), m("7.0", 2020)),  # a measurement always wins
        (None, None, None),
    ],
    ids=["measurement", "reference-only", "older-measurement-still-wins", "none"],
)
def test_the_netherlands_value(measurement, reference, expected):
    assert netherlands_value(measurement, reference) == expected


@pytest.mark.parametrize(
    ("on", "candidates", "expected"),
    [
        (date(2022, 12, 31), [m("7", 2021), ref("8", 2022)], ref("8", 2022)),
        (date(2021, 12, 31), [m("7", 2021), ref("8", 2022)], m("7", 2021)),
        (date(2020, 12, 31), [m("7", 2021), ref("8", 2022)], None),
        (date(2021, 12, 31), [None, None], None),
        # Same date: the measurement wins over the reference value.
        (
            date(2021, 12, 31),
            [Figure(D("8"), date(2021, 12, 31), "P", kind=Kind.REFERENCE), m("7", 2021)],
            m("7", 2021),
        ),
    ],
    ids=["later-reference", "measurement", "nothing-before", "no-candidates", "tie"],
)
def test_latest_at_or_before(on, candidates, expected):
    assert latest_at_or_before(on, *candidates) == expected


@pytest.mark.parametrize(
    ("first_area", "nl_at_first", "area_ref", "nl_ref", "expected"),
    [
        # The earliest area measurement with an NL measurement before it, before the references.
        (
            m("15", 2020),
            m("7", 2020),
            ref("16", 2021),
            ref("7.1", 2021),
            (m("15", 2020), m("7", 2020)),
        ),
        # The reference values are earlier: they are the baseline.
        (
            m("15", 2022),
            m("7", 2022),
            ref("16", 2021),
            ref("7.1", 2021),
            (ref("16", 2021), ref("7.1", 2021)),
        ),
        # Its NL value may be the reference value, when that is later than the NL measurement.
        (m("15", 2022), m("7", 2020), None, ref("7.1", 2021), (m("15", 2022), ref("7.1", 2021))),
        # Only the NL reference value is before it.
        (m("15", 2022), None, None, ref("7.1", 2021), (m("15", 2022), ref("7.1", 2021))),
        # No measurement with an NL value before it: the pair of reference values.
        (None, None, ref("16", 2021), ref("7.1", 2021), (ref("16", 2021), ref("7.1", 2021))),
        # Half a pair of reference values is no baseline.
        (None, None, ref("16", 2021), None, None),
        (None, None, None, ref("7.1", 2021), None),
        (None, None, None, None, None),
    ],
    ids=[
        "measurement-first",
        "references-first",
        "later-nl-reference",
        "nl-reference-only",
        "reference-pair",
        "no-nl-reference",
        "no-area-reference",
        "nothing",
    ],
)
def test_the_baseline(first_area, nl_at_first, area_ref, nl_ref, expected):
    result = baseline(first_area, nl_at_first, area_ref, nl_ref)
    assert result == (Baseline(*expected) if expected else None)


# polarity, decimals, (area, NL) at baseline, (area, NL) now -> gap, position, movement
MOVEMENTS = [
    # Lower is better (poverty): the area is behind when it is above NL.
    (LOWER, 1, ("15.5", "7.1"), ("13.0", "7.0"), "6.0", Position.BEHIND, Movement.SMALLER),
    (LOWER, 1, ("15.5", "7.1"), ("16.0", "7.0"), "9.0", Position.BEHIND, Movement.LARGER),
    (LOWER, 1, ("15.5", "7.1"), ("15.4", "7.0"), "8.4", Position.BEHIND, Movement.SAME),
    (LOWER, 1, ("15.5", "7.1"), ("6.0", "7.0"), "-1.0", Position.AHEAD, Movement.SMALLER),
    # Higher is better (income): the area is behind when it is below NL.
    (HIGHER, 0, ("22000", "27000"), ("24000", "28000"), "-4000", Position.BEHIND, Movement.SMALLER),
    (HIGHER, 0, ("22000", "27000"), ("22000", "28000"), "-6000", Position.BEHIND, Movement.LARGER),
    # Ahead of NL and further ahead: the lag shrank (it is more negative).
    (HIGHER, 0, ("67", "54"), ("70", "55"), "15", Position.AHEAD, Movement.SMALLER),
    (HIGHER, 0, ("67", "54"), ("60", "55"), "5", Position.AHEAD, Movement.LARGER),
    # Level with NL now.
    (HIGHER, 1, ("70", "78"), ("78", "78"), "0", Position.LEVEL, Movement.SMALLER),
    # A difference below the indicator's decimals is no movement.
    (LOWER, 1, ("15.50", "7.10"), ("15.52", "7.10"), "8.42", Position.BEHIND, Movement.SAME),
    (LOWER, 0, ("15", "7"), ("15.4", "7"), "8.4", Position.BEHIND, Movement.SAME),
]


@pytest.mark.parametrize(("polarity", "decimals", "then", "now", "gap", "pos", "moved"), MOVEMENTS)
def test_polarity_decides_what_a_smaller_gap_is(polarity, decimals, then, now, gap, pos, moved):
    base = Baseline(m(then[0], 2021, key=1), m(then[1], 2021))
    result = compare(polarity, decimals, m(now[0], 2024, key=2), m(now[1], 2024), base)
    assert result.reason == Reason.COMPARED
    assert result.gap == D(gap)
    assert result.baseline_gap == D(then[0]) - D(then[1])
    assert (result.position, result.movement) == (pos, moved)


LATEST, NL = m("13", 2024, key=2), m("7", 2024)
BASE = Baseline(m("15", 2021, key=1), m("7", 2021))


@pytest.mark.parametrize(
    ("polarity", "latest", "netherlands", "base", "reason", "gap", "position"),
    [
        (LOWER, None, NL, BASE, Reason.NO_AREA_VALUE, None, Position.UNKNOWN),
        (LOWER, LATEST, None, BASE, Reason.NO_NETHERLANDS_VALUE, None, Position.UNKNOWN),
        (LOWER, None, None, None, Reason.NO_AREA_VALUE, None, Position.UNKNOWN),
        # The gap is known without a baseline; only its movement is not.
        (LOWER, LATEST, NL, None, Reason.NO_BASELINE, D("6"), Position.BEHIND),
        # One measurement: the baseline is the latest measurement itself.
        (
            LOWER,
            LATEST,
            NL,
            Baseline(LATEST, NL),
            Reason.NOTHING_SINCE_BASELINE,
            D("6"),
            Position.BEHIND,
        ),
        # A direction we do not know: nothing is judged.
        (None, LATEST, NL, BASE, Reason.NO_POLARITY, D("6"), Position.UNKNOWN),
    ],
    ids=[
        "no-area-value",
        "missing-nl",
        "nothing-at-all",
        "missing-baseline",
        "single-measurement",
        "unknown-polarity",
    ],
)
def test_missing_values_leave_the_movement_unknown_with_a_reason(
    polarity, latest, netherlands, base, reason, gap, position
):
    result = compare(polarity, 1, latest, netherlands, base)
    assert result.movement == Movement.UNKNOWN
    assert result.reason == reason
    assert result.gap == gap
    assert result.position == position


def test_on_the_same_date_the_reference_values_are_the_baseline():
    on = date(2021, 12, 31)
    area_ref = Figure(D("16"), on, "Programmaplan", kind=Kind.REFERENCE)
    nl_ref = Figure(D("7"), on, "Programmaplan", kind=Kind.REFERENCE)
    first = Figure(D("15"), on, "CBS", key=1)
    assert baseline(first, None, area_ref, nl_ref) == Baseline(area_ref, nl_ref)


def test_a_reference_baseline_is_compared_with_a_single_measurement():
    base = Baseline(ref("15.5", 2021), ref("7.1", 2021))
    result = compare(LOWER, 1, m("13.0", 2024, key=1), m("7.0", 2024), base)
    assert (result.reason, result.movement) == (Reason.COMPARED, Movement.SMALLER)
    assert result.baseline_gap == D("8.4")


def test_a_zero_is_a_value_not_a_missing_one():
    result = compare(LOWER, 1, m("0", 2024, key=2), m("0", 2024), BASE)
    assert result.gap == D("0") and result.position == Position.LEVEL
    assert result.movement == Movement.SMALLER


def p(year, key):
    """A measurement point at the end of `year`."""
    return Point(date(year, 12, 31), key)


# area points, NL points, NL reference date -> latest area, latest NL, first area, NL at first
PICKS = [
    ([p(2021, 1), p(2023, 2)], [p(2022, 3), p(2023, 4)], None, (2, 4, 2, 4)),
    # The first area value before any NL value does not count; the next one does.
    ([p(2020, 1), p(2022, 2), p(2023, 5)], [p(2021, 3)], None, (5, 3, 2, 3)),
    # An NL measurement of the same date counts as "at or before".
    ([p(2022, 1)], [p(2022, 2)], None, (1, 2, 1, 2)),
    # Only the NL reference value: the first area value at or after its date.
    ([p(2020, 1), p(2022, 2)], [], date(2021, 1, 1), (2, None, 2, None)),
    # Reference value earlier than the NL measurements: the NL value at first is the reference.
    ([p(2020, 1), p(2022, 2)], [p(2021, 3)], date(2019, 1, 1), (2, 3, 1, None)),
    # No NL value at all: no first area value.
    ([p(2020, 1)], [], None, (1, None, None, None)),
    ([], [p(2020, 1)], None, (None, 1, None, None)),
    ([], [], None, (None, None, None, None)),
    # Two current measurements of one date (two editions of the series): the later entry.
    ([p(2023, 1), p(2023, 2)], [p(2023, 3)], None, (2, 3, 1, 3)),
]


@pytest.mark.parametrize(("area", "netherlands", "reference_on", "expected"), PICKS)
def test_pick_chooses_the_measurements_to_show(area, netherlands, reference_on, expected):
    # The order the database returns them in does not matter.
    chosen = pick(list(reversed(area)), list(reversed(netherlands)), reference_on)
    assert (
        chosen.latest_area,
        chosen.latest_netherlands,
        chosen.first_area,
        chosen.netherlands_at_first,
    ) == expected
