"""The monthly overview: counts per theme and outcome from the rows; missing is not zero."""

import datetime as dt
from collections import Counter

import pytest

from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.interventions.models import Theme
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.questiondesk.services import overview

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2024, 5, 20)
THEME_CODES = [t.value for t in Theme]
OUTCOME_CODES = [o.value for o in Question.Outcome]

# (asked_on, theme, outcome): the desk started on 12 February 2024.
ROWS = [
    (D(2024, 2, 12), "money", "answered"),
    (D(2024, 2, 29), "money", "referred"),
    (D(2024, 2, 29), "housing", "answered"),
    (D(2024, 4, 1), "upbringing", "follow_up"),
    (D(2024, 4, 30), "money", "answered"),
    (D(2024, 5, 20), "safety", "referred"),
    (D(2025, 1, 2), "money", "answered"),  # another year: not in 2024
]


@pytest.fixture
def area():
    area = AreaFactory(slug="westwijk")
    for asked_on, theme, outcome in ROWS:
        QuestionFactory(
            area=area,
            asked_on=asked_on,
            theme=theme,
            outcome=outcome,
            follow_up_on=asked_on if outcome == "follow_up" else None,
        )
    # Another area's question, long before: it does not start this area's records.
    QuestionFactory(area=AreaFactory(slug="oostwijk"), asked_on=D(2023, 6, 1))
    return area


def test_months_per_theme_and_outcome_match_a_count_of_the_rows(area):
    result = overview.monthly_overview(area, 2024, TODAY)
    by_theme = Counter((d.month, t) for d, t, _o in ROWS if d.year == 2024)
    by_outcome = Counter((d.month, o) for d, _t, o in ROWS if d.year == 2024)
    assert [r.month for r in result.rows] == [D(2024, m, 1) for m in range(1, 6)]
    january, *counted = result.rows
    # January is before the first question: unknown, not 0.
    assert not january.recorded
    assert january.themes == [None] * 10 and january.outcomes == [None] * 3
    assert january.total is None
    for row in counted:
        m = row.month.month
        assert row.recorded
        assert row.themes == [by_theme[(m, t)] for t in THEME_CODES]
        assert row.outcomes == [by_outcome[(m, o)] for o in OUTCOME_CODES]
        assert row.total == sum(n for (month, _t), n in by_theme.items() if month == m)
    # March had no questions at all, after the desk started: a real 0.
    march = counted[1]
    assert march.themes == [0] * 10 and march.total == 0
    assert [r.running for r in result.rows] == [False, False, False, False, True]
    assert result.total == 6
    assert result.theme_totals[THEME_CODES.index("money")] == 3
    assert result.outcome_totals == [3, 2, 1]
    assert result.first_asked_on == D(2024, 2, 12)


def test_a_year_before_the_first_question_is_unknown_everywhere(area):
    result = overview.monthly_overview(area, 2023, TODAY)
    assert len(result.rows) == 12
    assert all(r.total is None and not r.recorded for r in result.rows)
    assert result.total is None and result.theme_totals == [None] * 10


def test_an_area_without_questions_has_no_figures():
    empty = AreaFactory(slug="leeg")
    result = overview.monthly_overview(empty, 2024, TODAY)
    assert result.first_asked_on is None
    assert {r.total for r in result.rows} == {None}
    assert overview.years(empty, TODAY) == [2024]


def test_years_run_from_the_first_question_to_this_year(area):
    assert overview.years(area, TODAY) == [2024]
    assert overview.years(area, D(2026, 1, 1)) == [2024, 2025, 2026]


def test_the_download_table_has_a_row_per_month_and_says_unknown(area):
    headers, rows = overview.table(overview.monthly_overview(area, 2024, TODAY), "onbekend")
    assert headers[0] == "Maand" and headers[1] == "opvoeding" and headers[11] == "Totaal"
    assert headers[12:] == [
        "Wat is er gedaan: beantwoord",
        "Wat is er gedaan: doorverwezen",
        "Wat is er gedaan: komt terug op een datum",
    ]
    assert rows[0] == ["2024-01"] + ["onbekend"] * 14
    money = THEME_CODES.index("money") + 1
    assert rows[1][0] == "2024-02" and rows[1][money] == 2 and rows[1][11] == 3
    assert rows[1][12:] == [2, 1, 0]
    assert rows[2] == ["2024-03"] + [0] * 14


# (period, questions counted for all themes, for "money"): None is no figure.
PERIODS = [
    ((D(2024, 1, 1), D(2024, 1, 31)), None, None),
    ((D(2024, 2, 1), D(2024, 2, 29)), 3, 2),
    ((D(2024, 3, 1), D(2024, 3, 31)), 0, 0),
    ((D(2024, 4, 1), D(2024, 4, 30)), 2, 1),
    ((D(2023, 1, 1), D(2024, 12, 31)), 6, 3),
]


@pytest.mark.parametrize(("period", "everything", "money"), PERIODS)
def test_count_between(area, period, everything, money):
    assert overview.count_between(area, *period) == everything
    assert overview.count_between(area, *period, themes=("money",)) == money
