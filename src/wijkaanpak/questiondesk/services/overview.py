"""The monthly overview per theme and outcome, and the count that feeds the effort indicator.

Missing is not zero. Before the first question the area logged, the desk recorded nothing,
so those months have no figure ("onbekend"). From the month of the first question on, a
theme without questions in a month really had none: 0. The indicator uses the same rule.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Min
from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Area
from wijkaanpak.interventions.models import Theme

from ..models import Question

THEMES = list(Theme)
OUTCOMES = list(Question.Outcome)


@dataclass(frozen=True)
class MonthRow:
    month: dt.date  # the first day of the month
    recorded: bool  # False: before the first logged question, so no figures at all
    running: bool  # the current month: the counts can still grow
    themes: list[int | None]  # in the order of THEMES
    outcomes: list[int | None]  # in the order of OUTCOMES
    total: int | None


@dataclass(frozen=True)
class Overview:
    year: int
    first_asked_on: dt.date | None
    rows: list[MonthRow]
    theme_totals: list[int | None]
    outcome_totals: list[int | None]
    total: int | None


def first_asked_on(area: Area) -> dt.date | None:
    return Question.objects.filter(area=area).aggregate(first=Min("asked_on"))["first"]


def years(area: Area, today: dt.date) -> list[int]:
    """The years to choose from: from the first logged question up to this year."""
    first = first_asked_on(area)
    return list(range(first.year if first else today.year, today.year + 1))


def _per_month(area: Area, year: int, field: str) -> Counter:
    rows = (
        Question.objects.filter(area=area, asked_on__year=year)
        .values_list("asked_on__month", field)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter({(month, value): n for month, value, n in rows})


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def monthly_overview(area: Area, year: int, today: dt.date) -> Overview:
    """Counts per month of `year` up to the current month, per theme and per outcome."""
    first = first_asked_on(area)
    by_theme = _per_month(area, year, "theme")
    by_outcome = _per_month(area, year, "outcome")
    rows = []
    for number in range(1, 13):
        month = dt.date(year, number, 1)
        if month > today:
            break
        recorded = first is not None and month >= first.replace(day=1)

        def counts(counter, choices, recorded=recorded, number=number):
            return [counter[(number, c.value)] if recorded else None for c in choices]

        themes = counts(by_theme, THEMES)
        rows.append(
            MonthRow(
                month=month,
                recorded=recorded,
                running=(month.year, month.month) == (today.year, today.month),
                themes=themes,
                outcomes=counts(by_outcome, OUTCOMES),
                total=_sum(themes),
            )
        )
    return Overview(
        year=year,
        first_asked_on=first,
        rows=rows,
        theme_totals=[_sum([r.themes[i] for r in rows]) for i in range(len(THEMES))],
        outcome_totals=[_sum([r.outcomes[i] for r in rows]) for i in range(len(OUTCOMES))],
        total=_sum([r.total for r in rows]),
    )


def table(overview: Overview, unknown: str) -> tuple[list[str], list[list]]:
    """The overview as one table for a download: a row per month, `unknown` for no figure."""
    headers = [
        _("Maand"),
        *[str(t.label) for t in THEMES],
        _("Totaal"),
        *[_("Wat is er gedaan: %(outcome)s") % {"outcome": o.label} for o in OUTCOMES],
    ]

    def cell(value):
        return unknown if value is None else value

    rows = [
        [row.month.strftime("%Y-%m")] + [cell(v) for v in (*row.themes, row.total, *row.outcomes)]
        for row in overview.rows
    ]
    return headers, rows


def count_between(
    area: Area, start: dt.date, end: dt.date, themes: tuple[str, ...] | None = None
) -> int | None:
    """Questions asked from start to end (on a theme of `themes`, or on any theme).

    None when the area had logged no question at all by `end`: nothing was recorded yet.
    """
    questions = Question.objects.filter(area=area)
    if not questions.filter(asked_on__lte=end).exists():
        return None
    asked = questions.filter(asked_on__gte=start, asked_on__lte=end)
    if themes is not None:
        asked = asked.filter(theme__in=themes)
    return asked.count()
