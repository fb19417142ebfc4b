"""Computed effort indicators: months, idempotence, missing months stay missing."""

from datetime import date
from decimal import Decimal

import pytest

from wijkaanpak.programme import metrics
from wijkaanpak.programme.models import Measurement
from wijkaanpak.programme.services.computed import compute_indicator, month_periods

from .factories import IndicatorFactory

MONTH_TABLE = [
    # (first, last, expected periods)
    (
        date(2025, 1, 15),
        date(2025, 3, 31),
        [
            (date(2025, 1, 1), date(2025, 1, 31)),
            (date(2025, 2, 1), date(2025, 2, 28)),
            (date(2025, 3, 1), date(2025, 3, 31)),
        ],
    ),
    (
        date(2025, 1, 1),
        date(2025, 3, 30),
        [(date(2025, 1, 1), date(2025, 1, 31)), (date(2025, 2, 1), date(2025, 2, 28))],
    ),
    (
        date(2024, 12, 1),
        date(2025, 1, 31),
        [(date(2024, 12, 1), date(2024, 12, 31)), (date(2025, 1, 1), date(2025, 1, 31))],
    ),
    (date(2025, 3, 5), date(2025, 3, 20), []),  # a running month gets no figure
]


@pytest.mark.parametrize(("first", "last", "expected"), MONTH_TABLE)
def test_month_periods(first, last, expected):
    assert month_periods(first, last) == expected


def fake_metric(programme, start, end):
    return None if start.month == 2 else Decimal(start.month * 10)


@pytest.mark.django_db
def test_compute_is_idempotent_and_leaves_empty_months_empty():
    metrics.register("test.fake", "Test", "Berekend in de test", fake_metric)
    indicator = IndicatorFactory(metric_key="test.fake", unit="count")
    compute_indicator(indicator, date(2025, 1, 1), date(2025, 3, 31))
    compute_indicator(indicator, date(2025, 1, 1), date(2025, 3, 31))
    rows = Measurement.objects.filter(indicator=indicator).order_by("period_end")
    assert [(m.period_end.month, m.value) for m in rows] == [(1, Decimal(10)), (3, Decimal(30))]
    assert all(m.source == "Berekend in de test" for m in rows)


@pytest.mark.django_db
def test_unknown_metric_is_reported_not_zero():
    indicator = IndicatorFactory(metric_key="nobody.registered.this")
    result = compute_indicator(indicator, date(2025, 1, 1), date(2025, 3, 31))
    assert result.missing_metric
    assert not Measurement.objects.filter(indicator=indicator).exists()


@pytest.mark.django_db
def test_indicator_page_says_how_a_figure_is_computed(client):
    metrics.register("test.page", "Aandeel getest", "Berekend uit testgegevens", fake_metric)
    indicator = IndicatorFactory(metric_key="test.page")
    html = client.get(indicator.get_absolute_url()).content.decode()
    assert "Aandeel getest. Berekend uit testgegevens" in html
    missing = IndicatorFactory(metric_key="niet.geregistreerd", programme=indicator.programme)
    html = client.get(missing.get_absolute_url()).content.decode()
    assert "niet beschikbaar" in html
