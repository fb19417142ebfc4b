"""Turn an uploaded CSV or XLSX file into a header and numbered rows, or say why not.

The file's type is decided by its content; the extension must agree with it. Row
numbers are the ones the user sees in the file (the header is row 1 in Excel).
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

from django.utils.translation import gettext as _

# A well-formed XLSX unpacks to a few times its size; far more means a zip bomb.
MAX_UNPACK_FACTOR = 20
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls


@dataclass(frozen=True)
class RowError:
    row: int | None  # None: about the whole file
    column: str
    message: str


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Sheet:
    header: list[str]
    header_row: int = 1
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)


def file_error(message: str) -> ImportRejected:
    return ImportRejected([RowError(None, "", message)])


def read_sheet(uploaded, *, max_bytes: int, max_rows: int) -> Sheet:
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_bytes:
        raise file_error(_too_big(max_bytes))
    data = uploaded.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise file_error(_too_big(max_bytes))
    if not data.strip().removeprefix(b"\xef\xbb\xbf").strip():
        raise file_error(_("Het bestand is leeg."))
    extension = PurePath(getattr(uploaded, "name", "") or "").suffix.lower()
    if data.startswith(_OLE_MAGIC):
        raise file_error(
            _("Dit is een oud Excel-bestand (.xls). Sla het op als .xlsx of als CSV UTF-8.")
        )
    if data.startswith(_ZIP_MAGIC):
        if extension != ".xlsx":
            raise file_error(_wrong_type())
        cells = _xlsx_rows(data, max_bytes)
    else:
        if extension != ".csv":
            raise file_error(_wrong_type())
        cells = _csv_rows(data)
    return _to_sheet(cells, max_rows)


def _too_big(max_bytes: int) -> str:
    return _("Het bestand is te groot. Het mag hoogstens %(mb)s MB zijn.") % {
        "mb": f"{max_bytes / 1024 / 1024:.1f}".replace(".", ",").removesuffix(",0")
    }


def _wrong_type() -> str:
    return _(
        "Dit bestand kunnen we niet lezen. Gebruik een Excel-bestand (.xlsx) "
        "of een CSV-bestand (.csv)."
    )


def _csv_rows(data: bytes):
    if b"\x00" in data[:8192]:
        raise file_error(_wrong_type())
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise file_error(
            _(
                "De tekens in het bestand zijn niet goed te lezen. Sla het bestand in Excel op "
                "als “CSV UTF-8 (door komma's gescheiden)”."
            )
        ) from exc
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Dutch Excel separates with ';' (the comma is the decimal sign); others use ','.
    delimiter = ";" if ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for values in reader:
            yield line + 1, values
            line = reader.line_num
    except csv.Error as exc:
        raise file_error(
            _("Het bestand is geen geldig CSV-bestand (regel %(line)s).") % {"line": line + 1}
        ) from exc


def _xlsx_rows(data: bytes, max_bytes: int):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise file_error(_wrong_type()) from exc
    if "xl/workbook.xml" not in names:
        raise file_error(_wrong_type())
    if unpacked > MAX_UNPACK_FACTOR * max_bytes:
        raise file_error(_("Het Excel-bestand is uitgepakt te groot."))
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise file_error(_("Het Excel-bestand is beschadigd en kan niet worden gelezen.")) from exc
    try:
        for cells in sheet.iter_rows():
            number = next((cell.row for cell in cells if getattr(cell, "row", None)), None)
            if number is not None:
                yield number, [_cell_value(cell) for cell in cells]
    except Exception as exc:
        raise file_error(_("Het Excel-bestand is beschadigd en kan niet worden gelezen.")) from exc
    finally:
        workbook.close()


def _cell_value(cell):
    value = cell.value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (cell.number_format or "")
    ):
        # A cell shown as 7,1% holds 0.071; the user means 7.1.
        return Decimal(format(value, ".15g")) * 100
    return value


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_sheet(numbered_rows, max_rows: int) -> Sheet:
    sheet = None
    for number, values in numbered_rows:
        if all(_is_blank(v) for v in values):
            continue
        if sheet is None:
            header = [str(v or "").strip().lower() for v in values]
            while header and not header[-1]:
                header.pop()
            sheet = Sheet(header=header, header_row=number)
            continue
        if len(sheet.rows) >= max_rows:
            raise file_error(
                _("Het bestand heeft te veel rijen. Het mag hoogstens %(max)s rijen hebben.")
                % {"max": max_rows}
            )
        width = len(sheet.header)
        extra = [v for v in values[width:] if not _is_blank(v)]
        cells = dict(zip(sheet.header, values[:width], strict=False))
        if extra:
            cells["__extra__"] = extra
        sheet.rows.append((number, cells))
    if sheet is None:
        raise file_error(_("Het bestand is leeg."))
    if not sheet.rows:
        raise file_error(_("Het bestand heeft alleen een kopregel en geen metingen."))
    return sheet
