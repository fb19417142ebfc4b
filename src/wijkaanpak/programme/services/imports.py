"""Import measurements from a spreadsheet: every row is checked first, then all or nothing.

The columns are documented in docs/import.md.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Indicator, Measurement, Programme, Scope
from .measurements import save_measurement, validate_measurement
from .parsing import parse_date, parse_decimal
from .spreadsheets import ImportRejected, RowError, Sheet, read_sheet

__all__ = ["COLUMNS", "ImportRejected", "ImportSummary", "RowError", "import_measurements"]

# Column name -> (required, what to put in it). The order is the template's order.
COLUMNS = {
    "indicator": (True, gettext_lazy("de korte naam (slug) van de indicator")),
    "schaal": (False, gettext_lazy("wijk, stad of nederland; leeg is wijk")),
    "waarde": (True, gettext_lazy("het getal, bijvoorbeeld 7,1 of 7.1")),
    "begin": (True, gettext_lazy("eerste dag van de periode, bijvoorbeeld 01-01-2024")),
    "einde": (True, gettext_lazy("laatste dag van de periode, bijvoorbeeld 31-12-2024")),
    "bron": (True, gettext_lazy("waar het cijfer vandaan komt")),
    "toelichting": (False, gettext_lazy("extra uitleg, mag leeg blijven")),
}
SCOPE_WORDS = {"wijk": Scope.AREA, "stad": Scope.CITY, "nederland": Scope.NETHERLANDS}
FIELD_COLUMNS = {
    "value": "waarde",
    "period_start": "begin",
    "period_end": "einde",
    "source": "bron",
    "note": "toelichting",
    "scope": "schaal",
}


@dataclass
class ImportSummary:
    created: int = 0
    corrected: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.corrected + self.unchanged


@dataclass(frozen=True)
class ParsedRow:
    row: int
    indicator: Indicator
    scope: str
    value: Decimal
    period_start: date
    period_end: date
    source: str
    note: str


def import_measurements(
    programme: Programme, uploaded, *, entered_by, allow_correction: bool = True
) -> ImportSummary:
    """Store every row of the file, or nothing; raise ImportRejected with all errors found."""
    sheet = read_sheet(
        uploaded, max_bytes=settings.IMPORT_MAX_BYTES, max_rows=settings.IMPORT_MAX_ROWS
    )
    _check_header(sheet)
    rows, errors = _parse_rows(programme, sheet)
    if not allow_correction:
        errors += _forbidden_corrections(programme, rows)
    if errors:
        order = list(COLUMNS)
        raise ImportRejected(
            sorted(
                errors,
                key=lambda e: (e.row or 0, order.index(e.column) if e.column in order else -1),
            )
        )
    return _store(rows, entered_by=entered_by, allow_correction=allow_correction)


def _check_header(sheet: Sheet) -> None:
    errors = []
    seen = set()
    for name in sheet.header:
        if not name:
            errors.append(
                RowError(sheet.header_row, "", _("Een kolom in de kopregel heeft geen naam."))
            )
        elif name in seen:
            errors.append(
                RowError(sheet.header_row, name, _("Deze kolom staat twee keer in de kopregel."))
            )
        elif name not in COLUMNS:
            errors.append(
                RowError(
                    sheet.header_row,
                    name,
                    _("Onbekende kolom. Toegestaan zijn: %(columns)s.")
                    % {"columns": ", ".join(COLUMNS)},
                )
            )
        seen.add(name)
    for name, (required, _help) in COLUMNS.items():
        if required and name not in seen:
            errors.append(
                RowError(sheet.header_row, name, _("Deze kolom ontbreekt in de kopregel."))
            )
    if errors:
        raise ImportRejected(errors)


def _parse_rows(programme: Programme, sheet: Sheet) -> tuple[list[ParsedRow], list[RowError]]:
    indicators = {i.slug.lower(): i for i in programme.indicators.all()}
    today = timezone.localdate()
    rows, errors, seen = [], [], {}
    for number, cells in sheet.rows:
        row_errors = []

        def fail(column, message, number=number, row_errors=row_errors):
            row_errors.append(RowError(number, column, str(message)))

        if cells.get("__extra__"):
            fail(
                "",
                _(
                    "Deze rij heeft meer kolommen dan de kopregel. Staat er een komma in een "
                    "getal? Gebruik dan ; als scheidingsteken."
                ),
            )
        slug = _text(cells.get("indicator")).lower()
        indicator = indicators.get(slug)
        if not slug:
            fail("indicator", _("Vul de indicator in."))
        elif indicator is None:
            fail(
                "indicator", _("Onbekende indicator “%(slug)s” in dit programma.") % {"slug": slug}
            )
        scope_word = _text(cells.get("schaal")).lower() or "wijk"
        scope = SCOPE_WORDS.get(scope_word)
        if scope is None:
            fail("schaal", _("Kies wijk, stad of nederland."))
        parsed = {}
        for column, parse in (
            ("waarde", parse_decimal),
            ("begin", parse_date),
            ("einde", parse_date),
        ):
            try:
                parsed[column] = parse(cells.get(column))
            except ValidationError as exc:
                fail(column, exc.messages[0])
        source, note = _text(cells.get("bron")), _text(cells.get("toelichting"))
        if indicator is not None and scope is not None and len(parsed) == 3:
            try:
                validate_measurement(
                    indicator,
                    value=parsed["waarde"],
                    period_start=parsed["begin"],
                    period_end=parsed["einde"],
                    scope=scope,
                    source=source,
                    today=today,
                )
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    for message in messages:
                        fail(FIELD_COLUMNS.get(name, ""), message)
        elif not source:
            fail("bron", _("Vul de bron in: waar komt dit cijfer vandaan?"))
        if indicator is not None and scope is not None and "einde" in parsed:
            key = (indicator.pk, scope, parsed["einde"])
            if key in seen:
                fail(
                    "indicator",
                    _("Deze rij gaat over dezelfde indicator, schaal en einddatum als rij %(row)s.")
                    % {"row": seen[key]},
                )
            else:
                seen[key] = number
        if row_errors:
            errors += row_errors
        else:
            rows.append(
                ParsedRow(
                    number,
                    indicator,
                    scope,
                    parsed["waarde"],
                    parsed["begin"],
                    parsed["einde"],
                    source,
                    note,
                )
            )
    return rows, errors


def _forbidden_corrections(programme: Programme, rows: list[ParsedRow]) -> list[RowError]:
    current = {
        (m.indicator_id, m.scope, m.period_end): m
        for m in Measurement.objects.current().filter(indicator__programme=programme)
    }
    errors = []
    for row in rows:
        existing = current.get((row.indicator.pk, row.scope, row.period_end))
        if existing is not None and (
            existing.value,
            existing.period_start,
            existing.source,
            existing.note,
        ) != (row.value, row.period_start, row.source, row.note):
            errors.append(
                RowError(
                    row.row,
                    "waarde",
                    _(
                        "Voor deze periode staat al een andere meting. "
                        "U mag metingen niet corrigeren."
                    ),
                )
            )
    return errors


def _store(rows: list[ParsedRow], *, entered_by, allow_correction: bool) -> ImportSummary:
    summary = ImportSummary()
    with transaction.atomic():
        for row in rows:
            try:
                _measurement, outcome = save_measurement(
                    row.indicator,
                    value=row.value,
                    period_start=row.period_start,
                    period_end=row.period_end,
                    scope=row.scope,
                    source=row.source,
                    note=row.note,
                    entered_by=entered_by,
                    allow_correction=allow_correction,
                )
            except ValidationError as exc:
                # Raised inside the atomic block, so everything stored so far is undone.
                raise ImportRejected(
                    [RowError(row.row, "", message) for message in exc.messages]
                ) from exc
            setattr(summary, outcome.value, getattr(summary, outcome.value) + 1)
    return summary


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def template_csv(programme: Programme) -> str:
    """A ready-to-fill file in the form Dutch Excel opens directly: ';' and a decimal comma."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    year = timezone.localdate().year - 1
    examples = [i for i in programme.indicators.all() if i.is_quantitative][:2]
    for indicator, scope in zip(examples, ("wijk", "stad"), strict=False):
        value = "12" if indicator.unit == Indicator.Unit.COUNT else "7,1"
        writer.writerow(
            [indicator.slug, scope, value, f"01-01-{year}", f"31-12-{year}", "CBS Statline", ""]
        )
    return "\ufeff" + out.getvalue()


def summary_message(summary: ImportSummary) -> str:
    return _(
        "Import gelukt: %(created)s nieuwe metingen, %(corrected)s gecorrigeerd, "
        "%(unchanged)s waren al precies zo opgeslagen."
    ) % {"created": summary.created, "corrected": summary.corrected, "unchanged": summary.unchanged}
