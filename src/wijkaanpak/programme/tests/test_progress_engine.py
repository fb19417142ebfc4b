"""Table tests of the progress engine: polarity, missing data, achieved, proposed targets."""

from datetime import date
from decimal import Decimal as D

import pytest

from wijkaanpak.programme.domain.progress import (
    Completeness,
    DatedValue,
    IndicatorFacts,
    Polarity,
    Status,
    TargetPoint,
    assess,
    completeness,
    expected_value,
    next_target,
    propose_targets,
    roll_up,
)

UP, DOWN = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER
BASE = date(2023, 1, 1)
Y4 = date(2027, 6, 30)
Y15 = date(2038, 6, 30)


def target(years, value, due, agreed=True):
    return TargetPoint(horizon_years=years, due_on=due, value=D(value), agreed=agreed)


def facts(polarity, baseline=None, measured=(), targets=(), nl=None, city=None, quant=True):
    return IndicatorFacts(
        polarity=polarity,
        baseline=DatedValue(D(baseline), BASE) if baseline is not None else None,
        netherlands=D(nl) if nl is not None else None,
        city=D(city) if city is not None else None,
        measurements=tuple(DatedValue(D(v), on) for v, on in measured),
        targets=tuple(targets),
        quantitative=quant,
    )


# Debt restructuring per 1000 (lower is better): baseline 39 in 2023, 26 by mid-2027.
# About halfway through that span the straight line stands at 32.50.
HALFWAY = date(2025, 3, 31)
ON_THE_LINE = str(39 + (26 - 39) * D((HALFWAY - BASE).days) / D((Y4 - BASE).days))
DEBT_TARGETS = (target(4, "26", Y4), target(15, "17", Y15))

STATUS_TABLE = [
    # (case, facts, expected status, expected reason)
    (
        "no measurement at all",
        facts(DOWN, "39", targets=DEBT_TARGETS),
        Status.NO_DATA,
        "no_measurement",
    ),
    (
        "qualitative indicator",
        facts(UP, quant=False, measured=[("1", HALFWAY)]),
        Status.NO_DATA,
        "qualitative",
    ),
    (
        "measured but no target",
        facts(DOWN, "39", measured=[("35", HALFWAY)]),
        Status.NO_TARGET,
        "no_target",
    ),
    (
        "lower is better, ahead of the line",
        facts(DOWN, "39", [("30", HALFWAY)], DEBT_TARGETS),
        Status.ON_TRACK,
        "on_or_above_line",
    ),
    (
        "lower is better, behind the line",
        facts(DOWN, "39", [("36", HALFWAY)], DEBT_TARGETS),
        Status.BEHIND,
        "below_line",
    ),
    (
        "lower is better, target reached",
        facts(DOWN, "39", [("26", HALFWAY)], DEBT_TARGETS),
        Status.ACHIEVED,
        "target_reached",
    ),
    (
        "lower is better, got worse",
        facts(DOWN, "39", [("41", HALFWAY)], DEBT_TARGETS),
        Status.BEHIND,
        "below_line",
    ),
    (
        "higher is better, ahead",
        facts(UP, "76.5", [("78", HALFWAY)], (target(4, "78.6", Y4),)),
        Status.ON_TRACK,
        "on_or_above_line",
    ),
    (
        "higher is better, behind",
        facts(UP, "76.5", [("77", HALFWAY)], (target(4, "78.6", Y4),)),
        Status.BEHIND,
        "below_line",
    ),
    (
        "higher is better, beyond target",
        facts(UP, "76.5", [("79", HALFWAY)], (target(4, "78.6", Y4),)),
        Status.ACHIEVED,
        "target_reached",
    ),
    (
        "exactly on the line counts as on track",
        facts(DOWN, "39", [(ON_THE_LINE, HALFWAY)], DEBT_TARGETS),
        Status.ON_TRACK,
        "on_or_above_line",
    ),
    (
        "target but no baseline: cannot judge the line",
        facts(DOWN, None, [("30", HALFWAY)], DEBT_TARGETS),
        Status.NO_DATA,
        "no_baseline",
    ),
    (
        "only the latest measurement counts",
        facts(DOWN, "39", [("25", date(2024, 1, 1)), ("38", HALFWAY)], DEBT_TARGETS),
        Status.BEHIND,
        "below_line",
    ),
    (
        "after the 4-year horizon the 15-year target applies",
        facts(DOWN, "39", [("25", date(2028, 1, 1))], DEBT_TARGETS),
        Status.ON_TRACK,
        "on_or_above_line",
    ),
    (
        "a proposed target is used when nothing is agreed",
        facts(DOWN, "39", [("30", HALFWAY)], (target(4, "26", Y4, agreed=False),)),
        Status.ON_TRACK,
        "on_or_above_line",
    ),
]


@pytest.mark.parametrize(
    ("case", "f", "status", "reason"), STATUS_TABLE, ids=[r[0] for r in STATUS_TABLE]
)
def test_status(case, f, status, reason):
    result = assess(f)
    assert (result.status, result.reason) == (status, reason)


def test_distances_respect_polarity():
    result = assess(facts(DOWN, "39", [("30", HALFWAY)], DEBT_TARGETS, nl="17", city="26"))
    assert result.change_since_baseline == D("-9")
    assert result.to_go_to_target == D("4")  # 30 -> 26, lower is better
    assert result.to_go_to_netherlands == D("13")
    assert result.expected_now.quantize(D("0.01")) == D("32.50")
    assert result.next_target.horizon_years == 4

    up = assess(facts(UP, "22000", [("23000", HALFWAY)], (target(4, "25400", Y4),), nl="27000"))
    assert up.to_go_to_target == D("2400")
    assert up.to_go_to_netherlands == D("4000")


def test_missing_data_gives_no_numbers():
    result = assess(facts(DOWN, "39", targets=DEBT_TARGETS, nl="17"))
    assert result.latest is None
    assert result.change_since_baseline is None
    assert result.to_go_to_target is None
    assert result.to_go_to_netherlands is None


def test_agreed_target_wins_over_proposal_for_same_horizon():
    chosen = next_target((target(4, "20", Y4, agreed=False), target(4, "26", Y4)), HALFWAY)
    assert chosen.value == D("26") and chosen.agreed


def test_expected_value_is_clamped_to_the_span():
    base = DatedValue(D("39"), BASE)
    assert expected_value(base, target(4, "26", Y4), date(2020, 1, 1)) == D("39")
    assert expected_value(base, target(4, "26", Y4), date(2030, 1, 1)) == D("26")


PROPOSAL_TABLE = [
    # (case, facts, expected {years: value})
    (
        "debts per 1000, lower is better",
        facts(DOWN, "39", nl="17", city="26"),
        {4: D("26"), 15: D("17")},
    ),
    (
        "age at death, higher is better; NL nearer",
        facts(UP, "76.5", nl="78.6", city="79.6"),
        {4: D("78.6"), 15: D("79.6")},
    ),
    ("health, city equals area", facts(UP, "75", nl="78", city="75"), {4: D("75"), 15: D("78")}),
    ("poverty", facts(DOWN, "15.5", nl="7.1", city="10.9"), {4: D("10.9"), 15: D("7.1")}),
    ("area already better than both: nothing to propose", facts(UP, "67", nl="54", city="60"), {}),
    ("area baseline missing", facts(DOWN, None, nl="12", city="14"), {}),
    ("city value missing", facts(DOWN, "17", nl="12"), {}),
    (
        "only horizons without a target",
        facts(DOWN, "17", nl="12", city="14", targets=(target(4, "14", Y4),)),
        {15: D("12")},
    ),
]


@pytest.mark.parametrize(
    ("case", "f", "expected"), PROPOSAL_TABLE, ids=[r[0] for r in PROPOSAL_TABLE]
)
def test_proposals_follow_the_sources_rule(case, f, expected):
    assert {p.horizon_years: p.value for p in propose_targets(f)} == expected


def test_completeness_counts_baseline_agreed_target_and_recent_measurement():
    today = date(2025, 6, 1)
    items = [
        facts(DOWN, "39", [("30", date(2025, 1, 1))], DEBT_TARGETS),  # all three
        facts(DOWN, "39", [("30", date(2023, 1, 1))], (target(4, "1", Y4, agreed=False),)),
        facts(UP),  # nothing
    ]
    result = completeness(items, today)
    assert result == Completeness(3, 2, 1, 1)
    assert result.score == D("44")  # 4 of 9 checks met
    assert completeness([], today).score is None


def test_roll_up_counts_every_status():
    today = date(2025, 6, 1)
    result = roll_up([STATUS_TABLE[0][1], STATUS_TABLE[3][1], STATUS_TABLE[4][1]], today)
    assert result.counts[Status.NO_DATA] == 1
    assert result.counts[Status.ON_TRACK] == 1
    assert result.counts[Status.BEHIND] == 1
    assert result.counts[Status.ACHIEVED] == 0
    assert result.total == 3
