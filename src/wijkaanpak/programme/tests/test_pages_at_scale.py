"""Programme pages with many figures and indicators: the same answers at a cost that does
not grow with ten years of monthly figures or with the number of indicators (bench/)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkaanpak.programme.models import Indicator, Scope
from wijkaanpak.programme.services.measurements import correct_measurement, save_measurement
from wijkaanpak.programme.services.progress import (
    programme_progress,
    progress_for,
    roll_up,
    today,
)

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def monthly(indicator, months: int, *, start=2024, scope=Scope.AREA, base="20"):
    """`months` monthly figures from January of `start`; returns the last one."""
    last = None
    for n in range(months):
        end = month_end(start + n // 12, n % 12 + 1)
        last, _ = save_measurement(
            indicator,
            value=Decimal(base) + n,
            period_start=end.replace(day=1),
            period_end=end,
            scope=scope,
            source="test",
        )
    return last


def test_overview_roll_ups_read_the_latest_figure_as_the_full_history_would(westwijk):
    indicators = list(westwijk.indicators.exclude(unit=Indicator.Unit.QUALITATIVE))
    for n, indicator in enumerate(indicators):
        last = monthly(indicator, 3 + n % 4, start=2023 + n % 3)
        if n % 3 == 0:
            correct_measurement(last, value=last.value - 1, source="test, gecorrigeerd")
        if n % 5 == 0:  # national and city figures are no area figures
            monthly(indicator, 2, start=2026, scope=Scope.NETHERLANDS, base="5")
    on = today()
    fast = programme_progress(westwijk, on)
    full = progress_for(westwijk.indicators.all())
    assert {pk: item.progress for pk, item in fast.by_indicator.items()} == {
        pk: item.progress for pk, item in full.items()
    }
    assert fast.ambition == roll_up(list(full.values()), on)
    assert len(fast.by_indicator[indicators[1].pk].facts.measurements) == 1


def test_overview_queries_do_not_grow_with_the_number_of_figures(client, westwijk):
    url = reverse("programme:overview", args=["westwijk"])
    indicators = list(westwijk.indicators.exclude(unit=Indicator.Unit.QUALITATIVE))
    for indicator in indicators:
        monthly(indicator, 1)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for indicator in indicators:
        monthly(indicator, 24, start=2021, base="30")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few)


def test_line_page_queries_do_not_grow_with_the_number_of_indicators(client, westwijk):
    line = westwijk.lines.get(slug="kind")
    url = reverse("programme:line", args=["westwijk", "kind"])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        indicator = IndicatorFactory(programme=westwijk, line=line, slug=f"extra-{n}")
        monthly(indicator, 2)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert "extra-4" in response.content.decode()
    assert len(many) == len(few)
