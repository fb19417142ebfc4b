"""Import a CBS Kerncijfers wijken en buurten table into regions and measurements.

All or nothing: the mapping, every row of the file and every measurement it would give are
checked before anything is written; one problem refuses the whole file with row errors.
Measurements go through the programme's own save_measurement, so a changed figure is a
correction (the old row stays, superseded) and a re-import of the same file changes nothing.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijkaanpak.areas.models import Area
from wijkaanpak.programme.models import Indicator, Measurement, NationalIndicator, Scope
from wijkaanpak.programme.selectors import current_programme
from wijkaanpak.programme.services.measurements import (
    Outcome,
    same_measurement,
    save_measurement,
    validate_measurement,
)
from wijkaanpak.programme.services.spreadsheets import ImportRejected, RowError, file_error

from .mapping import ColumnMapping, Mapping, MappingError, load_mapping
from .parsing import CbsRow, CbsTable, read_table
from .regions import sync_regions
from .report import ImportReport

__all__ = ["ImportRejected", "ImportReport", "MappingError", "import_table"]

COUNTRY = "NL00"


@dataclass(frozen=True)
class Planned:
    indicator: Indicator
    scope: str
    value: Decimal
    period_start: date
    period_end: date
    source: str
    note: str
    row: int
    column: str

    @property
    def key(self) -> tuple:
        return (
            self.indicator.programme.area_id,
            self.indicator.series_key,
            self.scope,
            self.period_end,
        )


def import_table(
    path: Path | str, mapping: Mapping | Path | str, *, dry_run: bool = False
) -> ImportReport:
    """Import one CBS file with one mapping; raise MappingError or ImportRejected, or report."""
    mapping = load_mapping(mapping)
    _check_national_keys(mapping)
    table = read_table(Path(path), mapping.file_columns)
    if table.table_id and table.table_id != mapping.table:
        raise file_error(
            _("Dit bestand is CBS-tabel %(file)s; de koppeling is voor tabel %(mapping)s.")
            % {"file": table.table_id, "mapping": mapping.table}
        )
    report = ImportReport(table=mapping.table, year=mapping.year, dry_run=dry_run)
    report.rows = len(table.rows)
    report.missing_values = sum(table.missing[c.column] for c in mapping.columns)
    planned = _plan(table, mapping, report)
    outcomes = _expected_outcomes(planned)
    try:
        with transaction.atomic():
            regions = sync_regions(table.rows, write=not dry_run)
            report.regions_created, report.regions_updated = regions.created, regions.updated
            report.regions_unchanged = regions.unchanged
            for item, expected in zip(planned, outcomes, strict=True):
                if dry_run or expected is Outcome.UNCHANGED:
                    report.count(expected)
                else:
                    report.count(_store(item))
    except IntegrityError as exc:
        # Two imports adding the same new region at once: the second one stops, unchanged.
        raise file_error(
            _("Tegelijk liep een andere CBS-import. Er is niets opgeslagen; probeer het opnieuw.")
        ) from exc
    return report


def _check_national_keys(mapping: Mapping) -> None:
    known = set(
        NationalIndicator.objects.filter(key__in=mapping.national_keys).values_list(
            "key", flat=True
        )
    )
    unknown = sorted(mapping.national_keys - known)
    if unknown:
        raise MappingError(
            [
                _(
                    "Landelijke indicator %(key)s bestaat niet. Laad eerst de landelijke "
                    "indicatoren: manage.py load_national_indicators."
                )
                % {"key": key}
                for key in unknown
            ]
        )


def _plan(table: CbsTable, mapping: Mapping, report: ImportReport) -> list[Planned]:
    """What each linked indicator of each area's current programme gets from this file."""
    by_code = {row.code: row for row in table.rows}
    by_key = {c.national_key: c for c in mapping.columns}
    areas = list(Area.objects.order_by("name"))
    programmes = {}
    for area in areas:
        try:
            programmes[area.pk] = current_programme(area.slug)
        except Http404:
            continue
    linked: dict[int, list[Indicator]] = {}
    for indicator in (
        Indicator.objects.filter(programme__in=programmes.values(), national__key__in=by_key)
        .select_related("programme", "national")
        .order_by("programme_id", "line__number", "position", "pk")
    ):
        linked.setdefault(indicator.programme.area_id, []).append(indicator)
    planned, errors = [], []
    if COUNTRY not in by_code:
        report.notes.append(_("Het bestand heeft geen rij voor Nederland (NL00)."))
    for area in areas:
        indicators = linked.get(area.pk)
        if not indicators:
            continue
        for scope, code in _scopes(area, by_code, report, len(indicators)):
            row = by_code[code]
            for indicator in indicators:
                column = by_key[indicator.national.key]
                item = _planned(indicator, scope, row, column, mapping, report)
                if item is None:
                    continue
                try:
                    validate_measurement(
                        indicator,
                        value=item.value,
                        period_start=item.period_start,
                        period_end=item.period_end,
                        scope=scope,
                        source=item.source,
                    )
                except ValidationError as exc:
                    errors += [
                        RowError(row.row, column.column, f"{indicator.name} ({area.name}): {m}")
                        for m in exc.messages
                    ]
                    continue
                planned.append(item)
    unlinked = [a.name for a in areas if a.pk in programmes and a.pk not in linked]
    if unlinked:
        report.notes.append(
            _("Geen indicator gekoppeld aan een landelijke indicator uit deze tabel: %(areas)s")
            % {"areas": ", ".join(unlinked)}
        )
    if errors:
        raise ImportRejected(errors)
    return planned


def _scopes(area: Area, by_code: dict[str, CbsRow], report: ImportReport, indicators: int):
    """The (scope, region code) pairs this area gets figures for; the others are noted."""
    wanted = [
        (Scope.AREA, area.cbs_code, _("CBS-wijkcode")),
        (Scope.CITY, area.municipality_cbs_code, _("CBS-gemeentecode")),
        (Scope.NETHERLANDS, COUNTRY, ""),
    ]
    for scope, raw_code, label in wanted:
        code = (raw_code or "").strip().upper()
        if not code:
            report.notes.append(
                ngettext(
                    "%(area)s: geen %(label)s ingevuld, dus geen cijfer op schaal %(scope)s "
                    "(%(n)s indicator).",
                    "%(area)s: geen %(label)s ingevuld, dus geen cijfer op schaal %(scope)s "
                    "(%(n)s indicatoren).",
                    indicators,
                )
                % {"area": area.name, "label": label, "scope": scope.label, "n": indicators}
            )
        elif code not in by_code:
            if scope != Scope.NETHERLANDS:
                report.notes.append(
                    _("%(area)s: regio %(code)s staat niet in dit bestand.")
                    % {"area": area.name, "code": code}
                )
        else:
            yield scope, code


def _planned(
    indicator, scope, row: CbsRow, column: ColumnMapping, mapping, report
) -> Planned | None:
    value = column.value(row)
    if value is None:
        report.skipped_missing += 1
        return None
    return Planned(
        indicator=indicator,
        scope=scope,
        value=value,
        period_start=column.period_start,
        period_end=column.period_end,
        source=mapping.source(row.code),
        note=column.note(),
        row=row.row,
        column=column.column,
    )


def _expected_outcomes(planned: list[Planned]) -> list[Outcome]:
    """Compare with the current measurements in one query (not one per measurement)."""
    if not planned:
        return []
    current = {}
    for measurement in (
        Measurement.objects.current()
        .filter(
            indicator__programme__area_id__in={p.key[0] for p in planned},
            indicator__series_key__in={p.key[1] for p in planned},
            period_end__in={p.period_end for p in planned},
        )
        .annotate(area_id=F("indicator__programme__area_id"), series=F("indicator__series_key"))
    ):
        current[
            (measurement.area_id, measurement.series, measurement.scope, measurement.period_end)
        ] = measurement
    outcomes = []
    for item in planned:
        existing = current.get(item.key)
        if existing is None:
            outcomes.append(Outcome.CREATED)
        elif same_measurement(
            existing,
            value=item.value,
            period_start=item.period_start,
            source=item.source,
            note=item.note,
        ):
            outcomes.append(Outcome.UNCHANGED)
        else:
            outcomes.append(Outcome.CORRECTED)
    return outcomes


def _store(item: Planned) -> Outcome:
    try:
        _measurement, outcome = save_measurement(
            item.indicator,
            value=item.value,
            period_start=item.period_start,
            period_end=item.period_end,
            scope=item.scope,
            source=item.source,
            note=item.note,
            entered_by=None,
        )
    except ValidationError as exc:
        # Inside the atomic block: everything stored so far is undone.
        raise ImportRejected([RowError(item.row, item.column, m) for m in exc.messages]) from exc
    return outcome
