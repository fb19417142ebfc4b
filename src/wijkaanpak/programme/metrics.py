"""The metric registry: how modules feed effort indicators without the core importing them.

A module registers a named metric in its AppConfig.ready(); an indicator whose `metric_key`
names it is computed by `manage.py compute_metrics`, and every computed measurement says
in its source how it was computed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# (programme, period_start, period_end) -> value, or None when there is nothing to count.
Compute = Callable[[object, date, date], Decimal | None]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    source: str
    compute: Compute


_registry: dict[str, Metric] = {}


def register(key: str, label: str, source: str, compute: Compute) -> None:
    existing = _registry.get(key)
    if existing is not None and existing.compute is not compute:
        raise ValueError(f"Metric {key!r} is already registered by another function.")
    _registry[key] = Metric(key, label, source, compute)


def get(key: str) -> Metric | None:
    return _registry.get(key)


def registered() -> list[Metric]:
    return sorted(_registry.values(), key=lambda m: m.key)
