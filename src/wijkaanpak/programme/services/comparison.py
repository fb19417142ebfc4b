"""The national comparison from the database: four queries, whatever the number of areas,
indicators or measurements.

1. the indicators of every area's current edition that follow a national definition;
2. their reference values (NL and area);
3. per area, series and scope the latest current measurement (a window function);
4. per area and series the earliest area measurement with an NL value at or before it,
   with that NL measurement (a window function over correlated subqueries).

Window functions run on PostgreSQL and SQLite alike, so there is no second code path.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber

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


def _figure(row, prefix="") -> engine.Figure:
    return engine.Figure(
        value=row[f"{prefix}value"],
        on=row[f"{prefix}period_end"],
        period_start=row[f"{prefix}period_start"],
        source=row[f"{prefix}source"],
        key=row[f"{prefix}pk"],
    )


def _reference(ref: ReferenceValue | None) -> engine.Figure | None:
    if ref is None:
        return None
    source = f"{ref.source} ({ref.source_reference})" if ref.source_reference else ref.source
    return engine.Figure(ref.value, ref.reference_date, source, kind=engine.Kind.REFERENCE)


def _latest(indicators) -> dict[tuple, engine.Figure]:
    """(area id, series key, scope) -> latest current measurement."""
    rows = (
        Measurement.objects.current()
        .filter(_in_series(indicators), scope__in=[Scope.AREA, Scope.NETHERLANDS])
        .annotate(
            area_pk=F(AREA_OF),
            series=F(SERIES_OF),
            rank=Window(
                RowNumber(),
                partition_by=[F(AREA_OF), F(SERIES_OF), F("scope")],
                order_by=[F("period_end").desc(), F("entered_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank=1)
        .order_by()
        .values("pk", "area_pk", "series", "scope", "value", "period_start", "period_end", "source")
    )
    return {(r["area_pk"], r["series"], r["scope"]): _figure(r) for r in rows}


def _first_with_netherlands(indicators) -> dict[tuple, tuple]:
    """(area id, series key) -> (earliest area measurement with an NL value at or before it,
    the latest NL measurement at or before it or None when only the reference value is)."""
    same_series = {
        AREA_OF: OuterRef(AREA_OF),
        SERIES_OF: OuterRef(SERIES_OF),
    }
    nl_before = (
        Measurement.objects.current()
        .filter(scope=Scope.NETHERLANDS, period_end__lte=OuterRef("period_end"), **same_series)
        .order_by("-period_end", "-entered_at", "-pk")
    )
    nl_reference_before = ReferenceValue.objects.filter(
        scope=Scope.NETHERLANDS,
        indicator_id__in=[i.pk for i in indicators],
        reference_date__lte=OuterRef("period_end"),
        **same_series,
    )
    fields = ("pk", "value", "period_start", "period_end", "source")
    rows = (
        Measurement.objects.current()
        .filter(_in_series(indicators), scope=Scope.AREA)
        .filter(Exists(nl_before) | Exists(nl_reference_before))
        .annotate(
            area_pk=F(AREA_OF),
            series=F(SERIES_OF),
            **{f"nl_{name}": Subquery(nl_before.values(name)[:1]) for name in fields},
            rank=Window(
                RowNumber(),
                partition_by=[F(AREA_OF), F(SERIES_OF)],
                order_by=[F("period_end").asc(), F("entered_at").asc(), F("pk").asc()],
            ),
        )
        .filter(rank=1)
        .order_by()
        .values("area_pk", "series", *fields, *(f"nl_{name}" for name in fields))
    )
    return {
        (r["area_pk"], r["series"]): (
            _figure(r),
            _figure(r, "nl_") if r["nl_pk"] is not None else None,
        )
        for r in rows
    }


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
    latest = _latest(indicators)
    first = _first_with_netherlands(indicators)

    by_national: dict[int, NationalComparison] = {}
    for indicator in indicators:
        national = indicator.national
        series = (indicator.programme.area_id, indicator.series_key)
        refs = references[indicator.pk]
        nl_reference = _reference(refs.get(Scope.NETHERLANDS))
        first_area, nl_at_first = first.get(series, (None, None))
        result = engine.compare(
            polarity_of(national),
            national.decimals,
            latest=latest.get((*series, Scope.AREA)),
            netherlands=engine.netherlands_value(
                latest.get((*series, Scope.NETHERLANDS)), nl_reference
            ),
            base=engine.baseline(
                first_area, nl_at_first, _reference(refs.get(Scope.AREA)), nl_reference
            ),
        )
        entry = by_national.setdefault(national.pk, NationalComparison(national, []))
        entry.areas.append(AreaComparison(indicator, result))
    return list(by_national.values())
