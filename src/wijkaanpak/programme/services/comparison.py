"""The national comparison from the database: four queries (three when there is no
measurement at all), whatever the number of areas, indicators or measurements.

1. the indicators of every area's current edition that follow a national definition;
2. their reference values (NL and area);
3. the date and id of every current area and NL measurement of their series (narrow
   rows, so tens of thousands cost little);
4. the few measurements the comparison shows, by id.

Which measurements to show is chosen in Python by domain.comparison.pick. A first version
chose them in SQL (window functions over correlated subqueries per area measurement): at
20 areas x 60 indicators x 10 years on PostgreSQL it took 0.7-1.0 s against about 0.3 s
for this one, which also runs unchanged on SQLite.
"""

from collections import defaultdict
from dataclasses import astuple, dataclass

from django.db.models import OuterRef, Q, Subquery

from ..domain import comparison as engine
from ..domain.progress import Polarity
from ..models import Indicator, Measurement, NationalIndicator, Programme, ReferenceValue, Scope

AREA_OF = "indicator__programme__area_id"
SERIES_OF = "indicator__series_key"


@dataclass(frozen=True)
class AreaComparison:
    indicator: Indicator  # the area's own indicator: its page is the source of every number
    comparison: engine.Comparison

    @property
    def area(self):
        return self.indicator.programme.area


@dataclass(frozen=True)
class NationalComparison:
    national: NationalIndicator
    areas: list[AreaComparison]


def current_programmes():
    """Every area's newest adopted edition, as a subquery."""
    newest = (
        Programme.objects.filter(area=OuterRef("area"), state=Programme.State.ADOPTED)
        .order_by("-edition_year")
        .values("edition_year")[:1]
    )
    return Programme.objects.filter(state=Programme.State.ADOPTED, edition_year=Subquery(newest))


def linked_indicators() -> list[Indicator]:
    """Per area and national indicator the first linked indicator of the current edition."""
    seen, result = set(), []
    for indicator in (
        Indicator.objects.filter(programme__in=current_programmes(), national__isnull=False)
        .select_related("national", "programme__area")
        .order_by("national__name", "programme__area__name", "line__number", "position", "pk")
    ):
        key = (indicator.national_id, indicator.programme.area_id)
        if key not in seen:
            seen.add(key)
            result.append(indicator)
    return result


def _in_series(indicators):
    return Q(
        **{
            f"{AREA_OF}__in": {i.programme.area_id for i in indicators},
            f"{SERIES_OF}__in": {i.series_key for i in indicators},
        }
    )


def _figure(row) -> engine.Figure:
    return engine.Figure(
        value=row["value"],
        on=row["period_end"],
        period_start=row["period_start"],
        source=row["source"],
        key=row["pk"],
    )


def _reference(ref: ReferenceValue | None) -> engine.Figure | None:
    if ref is None:
        return None
    source = f"{ref.source} ({ref.source_reference})" if ref.source_reference else ref.source
    return engine.Figure(ref.value, ref.reference_date, source, kind=engine.Kind.REFERENCE)


def _points(indicators) -> dict[tuple, dict[str, list[engine.Point]]]:
    """(area id, series key) -> scope -> the points of its current measurements."""
    points = defaultdict(lambda: defaultdict(list))
    rows = (
        Measurement.objects.current()
        .filter(_in_series(indicators), scope__in=[Scope.AREA, Scope.NETHERLANDS])
        .order_by()
        .values_list(AREA_OF, SERIES_OF, "scope", "period_end", "pk")
    )
    for area_id, series, scope, on, pk in rows:
        points[(area_id, series)][scope].append(engine.Point(on, pk))
    return points


def _figures(keys) -> dict[int, engine.Figure]:
    fields = ("pk", "value", "period_start", "period_end", "source")
    rows = Measurement.objects.filter(pk__in=keys).order_by().values(*fields)
    return {r["pk"]: _figure(r) for r in rows}


def polarity_of(national: NationalIndicator) -> Polarity | None:
    """None when the stored direction is not one we know: then nothing is judged."""
    try:
        return Polarity(national.polarity)
    except ValueError:
        return None


def national_comparison() -> list[NationalComparison]:
    """Per national indicator that a current edition links: every linking area's comparison."""
    indicators = linked_indicators()
    references = defaultdict(dict)
    for ref in ReferenceValue.objects.filter(
        indicator__in=[i.pk for i in indicators], scope__in=[Scope.AREA, Scope.NETHERLANDS]
    ).order_by():
        references[ref.indicator_id][ref.scope] = ref
    points = _points(indicators)
    picked = {}
    for indicator in indicators:
        series = (indicator.programme.area_id, indicator.series_key)
        nl_reference = references[indicator.pk].get(Scope.NETHERLANDS)
        picked[indicator.pk] = engine.pick(
            points[series][Scope.AREA],
            points[series][Scope.NETHERLANDS],
            nl_reference.reference_date if nl_reference else None,
        )
    figures = _figures({k for p in picked.values() for k in astuple(p) if k is not None})

    by_national: dict[int, NationalComparison] = {}
    for indicator in indicators:
        national = indicator.national
        chosen = picked[indicator.pk]
        refs = references[indicator.pk]
        nl_reference = _reference(refs.get(Scope.NETHERLANDS))
        result = engine.compare(
            polarity_of(national),
            national.decimals,
            latest=figures.get(chosen.latest_area),
            netherlands=engine.netherlands_value(
                figures.get(chosen.latest_netherlands), nl_reference
            ),
            base=engine.baseline(
                figures.get(chosen.first_area),
                figures.get(chosen.netherlands_at_first),
                _reference(refs.get(Scope.AREA)),
                nl_reference,
            ),
        )
        entry = by_national.setdefault(national.pk, NationalComparison(national, []))
        entry.areas.append(AreaComparison(indicator, result))
    return list(by_national.values())
