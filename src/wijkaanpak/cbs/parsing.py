"""Read a CBS Kerncijfers wijken en buurten table: the OData JSON or the CSV download.

Both layouts are described in docs/cbs.md. Only the region columns and the columns a
mapping asks for are kept, so a national file of ~17,000 regions x ~120 columns stays small
in memory. Every row is checked; all problems come back together as row errors.
"""

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

from wijkaanpak.programme.services.spreadsheets import ImportRejected, RowError, file_error

# Trimmed CBS region codes. The country is NL00 in the OData v3 tables (the ones we map).
REGION_CODE = re.compile(r"NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}")
REGION_KINDS = {"land": "NL", "gemeente": "GM", "wijk": "WK", "buurt": "BU"}
TABLE_IN_METADATA = re.compile(r"/(\d{5}[A-Z]{3})/", re.IGNORECASE)
# "." is CBS's sign for "figure unknown or secret"; "x" is "secret". In the raw CSV the dot
# is right-aligned with spaces ("       ."). Empty cells and JSON null mean the same.
MISSING_SIGNS = {"", ".", "x", "X"}
# The KWB spreadsheets and the wijk- en buurtkaart write suppressed figures as these numbers.
MISSING_NUMBERS = frozenset(
    {-99995, -99996, -99997, -99998, -99999, -99999995, -99999996, -99999997, -99999998, -99999999}
)
NAME_MAX_LENGTH = 160  # areas.Region.name
_NUMBER = re.compile(r"-?\d+(?:([.,])\d+)?")


@dataclass(frozen=True)
class CbsRow:
    row: int  # where the user finds it: CSV line number, or position in the JSON list
    code: str
    name: str  # "" when the file does not name the region (districts in the raw layout)
    values: dict[str, Decimal | None]

    @property
    def level(self) -> str:
        return self.code[:2]


@dataclass
class CbsTable:
    table_id: str | None  # as the OData metadata names it; a CSV does not say
    columns: list[str]
    rows: list[CbsRow] = field(default_factory=list)
    missing: Counter = field(default_factory=Counter)  # column -> cells without a value


class CellError(ValueError):
    pass


def read_table(path: Path, columns: set[str]) -> CbsTable:
    """Read the file; raise ImportRejected listing every problem, or return the rows."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise file_error(_("Het bestand is leeg."))
    if data.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] in (b"{", b"["):
        table_id, header, records = _json_records(data)
    else:
        table_id, header, records = None, *_csv_records(data, columns)
    return _read_rows(table_id, header, records, columns)


def _json_records(data: bytes):
    try:
        document = json.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except ValueError as exc:
        raise file_error(
            _("Het bestand is geen geldig JSON-bestand: %(error)s") % {"error": exc}
        ) from exc
    table_id = None
    if isinstance(document, dict):
        if document.get("odata.nextLink") or document.get("@odata.nextLink"):
            raise file_error(
                _(
                    "Dit bestand is één pagina van een grotere download (er staat een "
                    "nextLink in). Haal alle pagina's op en voeg ze samen; zie docs/cbs.md."
                )
            )
        metadata = document.get("odata.metadata") or document.get("@odata.context") or ""
        if match := TABLE_IN_METADATA.search(str(metadata)):
            table_id = match.group(1).upper()
        document = document.get("value")
    if not isinstance(document, list) or not all(isinstance(r, dict) for r in document):
        raise file_error(
            _("Dit is geen CBS-tabel: we verwachten een lijst rijen onder “value” (OData).")
        )
    if not document:
        raise file_error(_("Het bestand heeft geen rijen."))
    header = list(document[0])
    if {"Measure", "Value"} <= set(header):
        raise file_error(
            _(
                "Dit is de lange vorm van OData 4 (Measure/Value). Gebruik de TypedDataSet: "
                "één rij per regio, één kolom per cijfer."
            )
        )
    return table_id, header, ((i, row) for i, row in enumerate(document, start=1))


def _csv_records(data: bytes, columns: set[str]):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Not UTF-8: most likely Windows-1252 (a file saved by Excel); only names can differ.
        text = data.decode("cp1252", errors="replace")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if ";" in first_line else ",")
    try:
        header = [name.strip() for name in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise file_error(_("Het bestand is geen geldig CSV-bestand.")) from exc
    wanted = [(i, name) for i, name in enumerate(header) if name in columns or _is_region(name)]

    def records():
        try:
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != len(header):
                    yield reader.line_num, {"__width__": len(cells)}
                    continue
                yield reader.line_num, {name: cells[i] for i, name in wanted}
        except csv.Error as exc:
            raise file_error(
                _("Het bestand is geen geldig CSV-bestand (regel %(line)s).")
                % {"line": reader.line_num}
            ) from exc

    return header, records()


def _base(name: str) -> str:
    """CBS numbers its columns per table: SoortRegio_2, Codering_3, AantalInwoners_5."""
    return re.sub(r"_\d+$", "", name)


def _is_region(name: str) -> bool:
    return _base(name) in {"WijkenEnBuurten", "Codering", "SoortRegio", "Gemeentenaam"}


def _read_rows(table_id, header, records, columns: set[str]) -> CbsTable:
    by_base = {_base(name): name for name in header}
    key_column, code_column = by_base.get("WijkenEnBuurten"), by_base.get("Codering")
    errors = []
    if key_column is None and code_column is None:
        errors.append(
            RowError(
                None,
                "WijkenEnBuurten",
                _(
                    "Het bestand heeft geen kolom WijkenEnBuurten of Codering. Download de "
                    "onbewerkte dataset, met kolomnamen zoals AantalInwoners_5."
                ),
            )
        )
    for column in sorted(columns - set(header)):
        errors.append(
            RowError(
                None,
                column,
                _(
                    "Deze kolom uit de koppeling staat niet in het bestand. Is het bestand "
                    "van een ander jaar dan de koppeling?"
                ),
            )
        )
    if errors:
        raise ImportRejected(errors)
    table = CbsTable(table_id=table_id, columns=header)
    reader = _RowReader(
        key_column, code_column, by_base.get("SoortRegio"), by_base.get("Gemeentenaam"), columns
    )
    for number, record in records:
        row = reader.read(number, record)
        if row is not None:
            table.rows.append(row)
    errors = reader.errors + reader.thousands_errors()
    if errors:
        raise ImportRejected(errors)
    table.missing = reader.missing
    return table


class _RowReader:
    def __init__(self, key_column, code_column, kind_column, municipality_column, columns):
        self.key_column, self.code_column = key_column, code_column
        self.kind_column, self.municipality_column = kind_column, municipality_column
        self.columns = sorted(columns)
        self.errors: list[RowError] = []
        self.missing: Counter = Counter()
        self.seen: dict[str, int] = {}
        self.comma_seen = False
        self.dotted: list[tuple[int, str, str]] = []

    def read(self, number: int, record: dict) -> CbsRow | None:
        before = len(self.errors)
        if "__width__" in record:
            self._fail(number, "", _("Deze rij heeft een ander aantal kolommen dan de kopregel."))
            return None
        code, name = self._region(number, record)
        values = {}
        for column in self.columns:
            if column not in record:
                self._fail(number, column, _("Deze kolom ontbreekt in deze rij."))
                continue
            try:
                values[column] = self._cell(number, column, record[column])
            except CellError as exc:
                self._fail(number, column, str(exc))
                continue
            if values[column] is None:
                self.missing[column] += 1
        if len(self.errors) > before:
            return None
        return CbsRow(number, code, name, values)

    def _region(self, number: int, record: dict) -> tuple[str, str]:
        key = _text(record.get(self.key_column)) if self.key_column else ""
        coded = _text(record.get(self.code_column)) if self.code_column else ""
        # cbsodata and the titled downloads put the region's name where the raw data has its
        # code; the code is then still in Codering.
        key_is_code = bool(REGION_CODE.fullmatch(key.upper()))
        code = (coded or key).upper()
        column = self.code_column if coded else self.key_column
        if not REGION_CODE.fullmatch(code):
            self._fail(
                number,
                column,
                _("“%(code)s” is geen CBS-regiocode (NL00, GM…, WK… of BU…).") % {"code": code},
            )
            return code, ""
        if key_is_code and coded and key.upper() != code:
            self._fail(
                number,
                self.key_column,
                _("De code %(key)s hoort gelijk te zijn aan Codering (%(code)s).")
                % {"key": key, "code": code},
            )
        if code in self.seen:
            self._fail(
                number,
                column,
                _("De regio %(code)s stond al in rij %(row)s.")
                % {"code": code, "row": self.seen[code]},
            )
        self.seen.setdefault(code, number)
        kind = _text(record.get(self.kind_column)) if self.kind_column else ""
        if kind and REGION_KINDS.get(kind.lower()) != code[:2]:
            self._fail(
                number,
                self.kind_column,
                _("Soort regio “%(kind)s” past niet bij de code %(code)s.")
                % {"kind": kind, "code": code},
            )
        if len(key) > NAME_MAX_LENGTH:
            self._fail(number, self.key_column, _("De naam van de regio is te lang."))
        if key and not key_is_code:
            return code, key
        if code[:2] in ("NL", "GM"):
            municipality = _text(record.get(self.municipality_column))
            return code, municipality or (_("Nederland") if code == "NL00" else "")
        return code, ""

    def _cell(self, number: int, column: str, raw) -> Decimal | None:
        if raw is None:
            return None
        if isinstance(raw, bool):
            raise CellError(_("“%(value)s” is geen getal.") % {"value": raw})
        if isinstance(raw, int):
            return None if raw in MISSING_NUMBERS else Decimal(raw)
        if isinstance(raw, float):
            # JSON numbers arrive as binary floats; repr gives back the digits in the file.
            value = Decimal(repr(raw))
            if not value.is_finite():
                raise CellError(_("“%(value)s” is geen getal.") % {"value": raw})
        else:
            text = str(raw).strip().replace("\u00a0", "")
            if text in MISSING_SIGNS:
                return None
            match = _NUMBER.fullmatch(text)
            if not match:
                raise CellError(_("“%(value)s” is geen getal.") % {"value": text})
            if match.group(1) == ",":
                self.comma_seen = True
            elif match.group(1) == ".":
                self.dotted.append((number, column, text))
            value = Decimal(text.replace(",", "."))
        if value == value.to_integral_value() and int(value) in MISSING_NUMBERS:
            return None
        return value

    def thousands_errors(self) -> list[RowError]:
        """In a file written with decimal commas, a dot can only be a thousands separator."""
        if not self.comma_seen:
            return []
        return [
            RowError(
                number,
                column,
                _(
                    "In dit bestand is de komma het decimaalteken, maar “%(value)s” heeft een "
                    "punt. Is dat een scheiding van duizendtallen? Schrijf het getal zonder punt."
                )
                % {"value": text},
            )
            for number, column, text in self.dotted
        ]

    def _fail(self, number, column, message) -> None:
        self.errors.append(RowError(number, column or "", str(message)))


def _text(value) -> str:
    return "" if value is None else str(value).strip()
