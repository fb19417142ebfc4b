"""Which CBS column is which national indicator, per table (year): cbs/data/mappings/*.json.

CBS numbers its columns per table (GemiddeldInkomenPerInwoner_81 in 2023, _78 in 2024), so
every year gets its own small file. The format is described in docs/cbs.md.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from .parsing import CbsRow

MAPPINGS_DIR = Path(__file__).resolve().parent / "data" / "mappings"
TABLE_ID = re.compile(r"\d{5}[A-Z]{3}")
COLUMN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_\d+)?")
STORED_PLACES = Decimal("0.0001")  # Measurement.value keeps four decimals


class MappingError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class ColumnMapping:
    column: str
    national_key: str
    period_start: date
    period_end: date
    cbs_unit: str = ""
    multiply: Decimal = Decimal(1)
    per_column: str = ""  # the value becomes a rate: value / per_column x per_factor
    per_factor: Decimal = Decimal(1)

    def value(self, row: CbsRow) -> Decimal | None:
        """The stored value, or None when CBS has no figure (a rate without a base too)."""
        value = row.values.get(self.column)
        if value is None:
            return None
        value *= self.multiply
        if self.per_column:
            base = row.values.get(self.per_column)
            if not base:
                return None
            # A rate is computed, so it is rounded to what a measurement can hold.
            value = (value / base * self.per_factor).quantize(STORED_PLACES, ROUND_HALF_UP)
        return value

    def note(self) -> str:
        # Stored with the measurement and compared on re-import, so it must not depend on
        # the active language: plain Dutch, not gettext.
        parts = [f"CBS-kolom {self.column}"]
        if self.cbs_unit:
            parts.append(f"({self.cbs_unit})")
        text = " ".join(parts)
        if self.multiply != 1:
            text += f", vermenigvuldigd met {_plain(self.multiply)}"
        if self.per_column:
            text += f", gedeeld door {self.per_column} en maal {_plain(self.per_factor)}"
        return text + "."


@dataclass(frozen=True)
class Mapping:
    table: str
    title: str
    year: int
    columns: tuple[ColumnMapping, ...]

    def source(self, code: str) -> str:
        return f"CBS {self.table} {self.title}, regio {code}"

    @property
    def file_columns(self) -> set[str]:
        """Every column the file must have: the mapped ones and the bases of rates."""
        return {c.column for c in self.columns} | {
            c.per_column for c in self.columns if c.per_column
        }

    @property
    def national_keys(self) -> set[str]:
        return {c.national_key for c in self.columns}


def load_mapping(spec: "str | Path | Mapping") -> Mapping:
    """A table id (85984NED) names a bundled mapping; anything else is a path to one."""
    if isinstance(spec, Mapping):
        return spec
    path = MAPPINGS_DIR / f"{spec}.json" if TABLE_ID.fullmatch(str(spec)) else Path(spec)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise MappingError([_("Koppeling %(path)s bestaat niet.") % {"path": path}]) from exc
    except (OSError, ValueError) as exc:
        raise MappingError(
            [_("Koppeling %(path)s is niet te lezen: %(error)s") % {"path": path, "error": exc}]
        ) from exc
    return parse_mapping(data)


def parse_mapping(data) -> Mapping:
    errors: list[str] = []
    if not isinstance(data, dict):
        raise MappingError([_("Een koppeling is een JSON-object met table, year en columns.")])
    table = str(data.get("table", ""))
    if not TABLE_ID.fullmatch(table):
        errors.append(_("“table” moet een CBS-tabelnummer zijn, zoals 85984NED."))
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        errors.append(_("“year” moet een jaartal zijn, zoals 2024."))
    title = str(data.get("title") or "").strip()
    if not title:
        errors.append(_("“title” ontbreekt: de naam van de tabel bij het CBS."))
    default_period = _period(data.get("period"), "period", errors)
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        errors.append(_("“columns” moet minstens één CBS-kolom koppelen."))
        columns = {}
    table_period = data.get("period") is not None
    mapped = [
        _column(name, spec, default_period, table_period, errors) for name, spec in columns.items()
    ]
    keys = [m.national_key for m in mapped if m is not None]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        errors.append(
            _("Landelijke indicator %(key)s staat bij meer dan één kolom.") % {"key": key}
        )
    if errors:
        raise MappingError(errors)
    return Mapping(table=table, title=title, year=year, columns=tuple(mapped))


def _column(name: str, spec, default_period, table_period: bool, errors) -> ColumnMapping | None:
    where = _("kolom %(column)s") % {"column": name}
    before = len(errors)
    if not COLUMN.fullmatch(name):
        errors.append(_("%(where)s: geen geldige CBS-kolomnaam.") % {"where": where})
    if not isinstance(spec, dict):
        errors.append(_("%(where)s: verwacht een object met “national”.") % {"where": where})
        return None
    key = str(spec.get("national") or "")
    if not key:
        errors.append(_("%(where)s: “national” ontbreekt.") % {"where": where})
    period = _period(spec["period"], where, errors) if "period" in spec else default_period
    if "period" not in spec and not table_period:
        errors.append(
            _("%(where)s: geen periode (en geen “period” voor de tabel).") % {"where": where}
        )
    multiply = _positive(spec.get("multiply", 1), where, "multiply", errors)
    per = spec.get("per")
    per_column, per_factor = "", Decimal(1)
    if per is not None:
        if not isinstance(per, dict) or not COLUMN.fullmatch(str(per.get("column", ""))):
            errors.append(_("%(where)s: “per” heeft een “column” nodig.") % {"where": where})
        else:
            per_column = per["column"]
            per_factor = _positive(per.get("factor", 1), where, "per.factor", errors)
    if len(errors) > before or period is None:
        return None
    return ColumnMapping(
        column=name,
        national_key=key,
        period_start=period[0],
        period_end=period[1],
        cbs_unit=str(spec.get("cbs_unit") or ""),
        multiply=multiply,
        per_column=per_column,
        per_factor=per_factor,
    )


def _period(value, where: str, errors: list[str]) -> tuple[date, date] | None:
    if value is None:
        return None
    try:
        start, end = date.fromisoformat(value["start"]), date.fromisoformat(value["end"])
    except (TypeError, KeyError, ValueError):
        errors.append(
            _("%(where)s: periode moet {“start”: JJJJ-MM-DD, “end”: JJJJ-MM-DD} zijn.")
            % {"where": where}
        )
        return None
    if end < start:
        errors.append(
            _("%(where)s: het einde van de periode ligt vóór het begin.") % {"where": where}
        )
        return None
    return start, end


def _positive(value, where: str, name: str, errors: list[str]) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = Decimal(0)
    if isinstance(value, bool) or not number.is_finite() or number <= 0:
        errors.append(
            _("%(where)s: “%(name)s” moet een positief getal zijn.")
            % {"where": where, "name": name}
        )
        return Decimal(1)
    return number


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
