"""The metric registry: how modules feed effort indicators without the core importing them.

A module registers a named metric in its AppConfig.ready(); an indicator whose `metric_key`
names it is computed by `manage.py compute_metrics`, and every computed measurement says
in its source how it was computed.

A module can also register a *family*: metrics that take a parameter written in the key
after a colon, such as "interventions.participants:krachtbus,buurtgezinnen". The family's
factory turns the parameter into a Metric (or None when the parameter makes no sense), so
an indicator can choose what is counted without a field on Indicator.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# (programme, period_start, period_end) -> value, or None when there is nothing to count.
Compute = Callable[[object, date, date], Decimal | None]

SEPARATOR = ":"


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    source: str
    compute: Compute


# (full key, parameter) -> the metric for that parameter, or None for a parameter that
# cannot be understood (then the indicator is reported as having no metric).
Factory = Callable[[str, str], Metric | None]


@dataclass(frozen=True)
class Family:
    prefix: str
    label: str
    source: str
    factory: Factory


_registry: dict[str, Metric] = {}
_families: dict[str, Family] = {}


def register(key: str, label: str, source: str, compute: Compute) -> None:
    if SEPARATOR in key:
        raise ValueError(f"Metric key {key!r} may not contain {SEPARATOR!r}; use a family.")
    existing = _registry.get(key)
    if existing is not None and existing.compute is not compute:
        raise ValueError(f"Metric {key!r} is already registered by another function.")
    _registry[key] = Metric(key, label, source, compute)


def register_family(prefix: str, label: str, source: str, factory: Factory) -> None:
    """Register parameterised metrics: keys "<prefix>:<parameter>" go to `factory`."""
    if not prefix or SEPARATOR in prefix:
        raise ValueError(f"A family prefix must be non-empty without {SEPARATOR!r}: {prefix!r}")
    existing = _families.get(prefix)
    if existing is not None and existing.factory is not factory:
        raise ValueError(f"Metric family {prefix!r} is already registered by another factory.")
    _families[prefix] = Family(prefix, label, source, factory)


def get(key: str) -> Metric | None:
    metric = _registry.get(key)
    if metric is not None or SEPARATOR not in key:
        return metric
    prefix, parameter = key.split(SEPARATOR, 1)
    family = _families.get(prefix)
    if family is None or not parameter.strip():
        return None
    return family.factory(key, parameter.strip())


def registered() -> list[Metric]:
    return sorted(_registry.values(), key=lambda m: m.key)


def families() -> list[Family]:
    return sorted(_families.values(), key=lambda f: f.prefix)
