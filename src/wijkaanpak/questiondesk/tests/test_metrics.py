"""Questions as a computed effort indicator: the expected monthly values are counted by hand
from the rows the test makes, then `manage.py compute_metrics` must agree."""

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command

from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.interventions.models import Theme
from wijkaanpak.programme import metrics as registry
from wijkaanpak.programme.models import Indicator, Measurement
from wijkaanpak.programme.tests.factories import IndicatorFactory
from wijkaanpak.questiondesk import metrics

from .factories import QuestionFactory

D = dt.date
NOW = dt.datetime(2024, 4, 10, 9, tzinfo=dt.UTC)

# (asked_on, theme) in the Westwijk; the desk started on 8 January 2024.
ROWS = [
    (D(2024, 1, 8), "money"),
    (D(2024, 1, 31), "housing"),
    (D(2024, 1, 31), "money"),
    (D(2024, 3, 1), "upbringing"),
    (D(2024, 3, 15), "money"),
    (D(2024, 4, 2), "money"),  # April is still running: no figure yet
]


def quiet():
    return open("/dev/null", "w")


def indicator(programme, key):
    return IndicatorFactory(
        programme=programme,
        line=programme.lines.first(),
        kind=Indicator.Kind.EFFORT,
        unit=Indicator.Unit.COUNT,
        decimals=0,
        metric_key=key,
    )


def current_rows(indicator):
    return list(
        Measurement.objects.current()
        .filter(indicator=indicator)
        .order_by("period_end")
        .values_list("period_start", "value", "source")
    )


def expected(themes, source):
    """Month by month from the first question's month to March: a hand count of ROWS."""
    counts = Counter(d.replace(day=1) for d, t in ROWS if themes is None or t in themes)
    months = [D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1)]
    return [(m, Decimal(counts[m]), source) for m in months]


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_questions_per_month_match_a_count_from_the_rows(westwijk):
    for asked_on, theme in ROWS:
        QuestionFactory(area=westwijk.area, asked_on=asked_on, theme=theme)
    QuestionFactory(area=AreaFactory(slug="oostwijk"), asked_on=D(2023, 11, 2))  # elsewhere
    everything = indicator(westwijk, "questiondesk.questions")
    money = indicator(westwijk, "questiondesk.questions:money")
    two = indicator(westwijk, "questiondesk.questions:money,upbringing")

    call_command("compute_metrics", since=D(2023, 10, 1), stdout=quiet(), stderr=quiet())
    call_command("compute_metrics", since=D(2023, 10, 1), stdout=quiet(), stderr=quiet())

    assert current_rows(everything) == expected(None, metrics.SOURCE)
    assert current_rows(everything)[0][1] == Decimal(3)  # the hand count, so this can fail
    money_source = registry.get(money.metric_key).source
    assert current_rows(money) == expected({"money"}, money_source)
    # February had no money questions after the desk started: a real 0.
    assert current_rows(money)[1][1] == Decimal(0)
    assert current_rows(two) == expected(
        {"money", "upbringing"}, registry.get(two.metric_key).source
    )
    # Before the first question (October to December 2023) there is no figure, not 0.
    assert not Measurement.objects.filter(
        indicator__in=[everything, money, two], period_end__year=2023
    ).exists()


@pytest.mark.parametrize(
    ("parameter", "themes"),
    [
        ("money", ("money",)),
        (" Money , housing ", ("money", "housing")),
        ("public_space", ("public_space",)),
        ("geld", None),
        ("money,,housing", None),
        ("money,money", None),
        ("money;housing", None),
    ],
)
def test_the_key_names_the_themes(parameter, themes):
    assert metrics.parse(parameter) == themes
    metric = registry.get(f"{metrics.KEY}:{parameter}")
    if themes is None:
        assert metric is None
    else:
        labels = ", ".join(str(Theme(t).label) for t in themes)
        assert metric.source.endswith(f"(thema's: {labels})")


def test_keys_and_sources_fit_their_fields():
    all_themes = ",".join(Theme.values)
    metric = registry.get(f"{metrics.KEY}:{all_themes}")
    assert len(metric.source) <= 300  # Measurement.source
    assert len(f"{metrics.KEY}:money,housing,upbringing") <= 80  # Indicator.metric_key
    assert registry.get(metrics.KEY).compute is metrics.all_questions
