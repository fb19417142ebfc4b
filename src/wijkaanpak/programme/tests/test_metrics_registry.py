"""The metric registry: plain metrics and families whose key carries a parameter."""

from datetime import date
from decimal import Decimal

import pytest

from wijkaanpak.programme import metrics
from wijkaanpak.programme.models import Measurement
from wijkaanpak.programme.services.computed import compute_indicator

from .factories import IndicatorFactory


def one(programme, start, end):
    return Decimal(1)


def other(programme, start, end):
    return Decimal(2)


def counting_factory(key, parameter):
    """A family for the tests: 'test.count:<n>' gives n every month; anything else is wrong."""
    if not parameter.isdigit():
        return None
    value = Decimal(parameter)
    return metrics.Metric(
        key, f"Telt {parameter}", f"Altijd {parameter} (test)", lambda p, s, e: value
    )


def other_factory(key, parameter):
    return None


def test_a_plain_metric_is_found_by_its_key():
    metrics.register("test.registry.one", "Eén", "Test", one)
    metrics.register("test.registry.one", "Eén", "Test", one)  # the same again is fine
    assert metrics.get("test.registry.one").compute is one
    assert metrics.get("test.registry.nothing") is None
    assert "test.registry.one" in [m.key for m in metrics.registered()]


def test_a_key_cannot_be_taken_by_another_function():
    metrics.register("test.registry.taken", "Eén", "Test", one)
    with pytest.raises(ValueError, match="already registered"):
        metrics.register("test.registry.taken", "Twee", "Test", other)


def test_a_plain_key_may_not_look_like_a_family_key():
    with pytest.raises(ValueError, match="family"):
        metrics.register("test.registry:x", "X", "Test", one)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("test.count:3", ("test.count:3", "Telt 3", "Altijd 3 (test)")),
        ("test.count: 12 ", ("test.count: 12 ", "Telt 12", "Altijd 12 (test)")),
        ("test.count:drie", None),  # the factory refuses the parameter
        ("test.count:", None),  # no parameter
        ("test.count", None),  # the prefix alone is no metric
        ("test.unknown:3", None),  # no such family
    ],
)
def test_family_keys_are_resolved_by_the_factory(key, expected):
    metrics.register_family("test.count", "Telt", "Test", counting_factory)
    metric = metrics.get(key)
    if expected is None:
        assert metric is None
    else:
        assert (metric.key, metric.label, metric.source) == expected


def test_a_family_prefix_cannot_be_taken_twice_or_contain_the_separator():
    metrics.register_family("test.family.taken", "Telt", "Test", counting_factory)
    metrics.register_family("test.family.taken", "Telt", "Test", counting_factory)
    with pytest.raises(ValueError, match="already registered"):
        metrics.register_family("test.family.taken", "Ander", "Test", other_factory)
    with pytest.raises(ValueError):
        metrics.register_family("test:family", "Telt", "Test", counting_factory)
    assert "test.family.taken" in [f.prefix for f in metrics.families()]


@pytest.mark.django_db
def test_compute_metrics_uses_a_family_metric_and_its_own_source():
    metrics.register_family("test.count", "Telt", "Test", counting_factory)
    indicator = IndicatorFactory(metric_key="test.count:7", unit="count")
    compute_indicator(indicator, date(2025, 1, 1), date(2025, 2, 28))
    rows = Measurement.objects.filter(indicator=indicator).order_by("period_end")
    assert [(m.value, m.source) for m in rows] == [(Decimal(7), "Altijd 7 (test)")] * 2
    wrong = IndicatorFactory(metric_key="test.count:zeven", programme=indicator.programme)
    assert compute_indicator(wrong, date(2025, 1, 1), date(2025, 2, 28)).missing_metric
