"""Renders the export dict as an Excel workbook: one sheet per kind of object.

Numbers stay numbers and dates stay dates, so the sheets can be filtered and charted;
an unknown value is an empty cell, never 0.
"""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from wijkaanpak.areas.models import Neighbourhood, Organisation
from wijkaanpak.interventions.models import Intervention
from wijkaanpak.programme.models import Indicator, Scope, SourceNote, Target

from .columns import Column, col, joined, label, with_header, yes_no
from .sheets_records import intervention_columns, programme_columns, record_sheets

DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
MIN_WIDTH, MAX_WIDTH = 8, 60


def sheets(data: dict) -> list[tuple[str, list[Column], list[dict]]]:
    """(title, columns, rows) per sheet, in the order a reader goes through the programme."""
    export, area, programme = data["export"], data["area"], data["programme"]
    indicator_rows = data["indicators"]

    def per_indicator(key: str) -> list[dict]:
        return [
            {**item, "indicator": ind["slug"], "indicator_name": ind["name"]}
            for ind in indicator_rows
            for item in ind[key]
        ]

    indicator_cols = [
        col(_("Indicator"), "indicator"),
        col(_("Naam indicator"), "indicator_name"),
    ]
    return [
        (
            _("Programma"),
            [
                col(_("Gebied"), "area_name"),
                col(_("Gemeente"), "municipality"),
                col(_("Editie"), "edition_year"),
                col(_("Titel"), "title"),
                col(_("Ambitie in één zin"), "ambition_summary"),
                col(_("Ambitie"), "ambition"),
                col(_("Start"), "starts_on"),
                col(_("Brondocument"), "source_document"),
                col(_("Geëxporteerd op"), "exported_at"),
                col(_("Versie wijkaanpak"), "generator_version"),
                *programme_columns(),
            ],
            [
                {
                    **programme,
                    "area_name": area["name"],
                    "municipality": area["municipality"],
                    "exported_at": export["exported_at"],
                    "generator_version": export["generator_version"],
                }
            ],
        ),
        (
            _("Lijnen"),
            [
                col(_("Nummer"), "number"),
                col(_("Sleutel"), "slug"),
                col(_("Naam"), "name"),
                col(_("Ambitie"), "ambition"),
                col(_("Beschrijving"), "description"),
                col(_("Vindplaats in de bron"), "source_reference"),
            ],
            data["lines"],
        ),
        (
            _("Doelen"),
            [
                col(_("Lijn"), "line"),
                col(_("Nummer"), "number"),
                col(_("Doel"), "text"),
                col(_("Vindplaats in de bron"), "source_reference"),
            ],
            data["goals"],
        ),
        (
            _("Indicatoren"),
            [
                col(_("Sleutel"), "slug"),
                col(_("Naam"), "name"),
                col(_("Lijn"), "line"),
                with_header(_("Soort"), label(Indicator.Kind, "kind")),
                with_header(_("Eenheid"), label(Indicator.Unit, "unit")),
                with_header(_("Richting"), label(Indicator.Polarity, "polarity")),
                col(_("Decimalen"), "decimals"),
                Column(_("Doelen"), joined("goals")),
                col(_("Bron van de cijfers"), "source_description"),
                col(_("Vindplaats in de bron"), "source_reference"),
                col(_("Reeks (over edities heen)"), "series_key"),
            ],
            indicator_rows,
        ),
        (
            _("Referentiewaarden"),
            [
                *indicator_cols,
                with_header(_("Schaal"), label(Scope, "scope")),
                col(_("Waarde"), "value"),
                col(_("Peildatum"), "reference_date"),
                col(_("Bron"), "source"),
                col(_("Vindplaats in de bron"), "source_reference"),
                col(_("Toelichting"), "note"),
            ],
            per_indicator("reference_values"),
        ),
        (
            _("Streefwaarden"),
            [
                *indicator_cols,
                col(_("Horizon (jaren)"), "horizon_years"),
                col(_("Uiterste datum"), "due_on"),
                col(_("Streefwaarde"), "value"),
                with_header(_("Status"), label(Target.State, "state")),
                col(_("Bron"), "source"),
                col(_("Vindplaats in de bron"), "source_reference"),
                col(_("Regel van het voorstel"), "rule"),
                col(_("Bevestigd door"), "confirmed_by"),
                col(_("Bevestigd op"), "confirmed_at"),
            ],
            per_indicator("targets"),
        ),
        (
            _("Metingen"),
            [
                *indicator_cols,
                col(_("Meting"), "id"),
                with_header(_("Schaal"), label(Scope, "scope")),
                col(_("Waarde"), "value"),
                col(_("Begin periode"), "period_start"),
                col(_("Einde periode"), "period_end"),
                col(_("Bron"), "source"),
                col(_("Toelichting"), "note"),
                col(_("Ingevoerd door"), "entered_by"),
                col(_("Ingevoerd op"), "entered_at"),
                Column(_("Actueel"), yes_no("current")),
                col(_("Vervangt meting"), "supersedes"),
                col(_("Vervangen door meting"), "superseded_by"),
                col(_("Vervangen op"), "superseded_at"),
            ],
            per_indicator("measurements"),
        ),
        (
            _("Interventies"),
            [
                col(_("Lijn"), "line"),
                col(_("Nummer"), "number"),
                col(_("Sleutel"), "slug"),
                col(_("Naam"), "name"),
                with_header(_("Soort"), label(Intervention.Kind, "kind")),
                col(_("Thema of route"), "theme"),
                col(_("Leeftijd vanaf"), "age_min"),
                col(_("Leeftijd tot en met"), "age_max"),
                col(_("Leeftijd volgens de tekst"), "age_in_text"),
                Column(_("Doelen"), joined("goals")),
                Column(_("Doelen volgens de bron"), joined("claimed_goal_numbers")),
                Column(_("Partners"), joined("partners")),
                Column(_("Vindplekken"), joined("places")),
                with_header(_("Status"), label(Intervention.Status, "status")),
                col(_("Beschrijving"), "description"),
                col(_("Vindplaats in de bron"), "source_reference"),
                *intervention_columns(),
            ],
            data["interventions"],
        ),
        *record_sheets(data),
        (
            _("Bronopmerkingen"),
            [
                col(_("Sleutel"), "key"),
                with_header(_("Soort"), label(SourceNote.Kind, "kind")),
                col(_("Onderwerp"), "subject"),
                col(_("Omschrijving"), "description"),
                col(_("Tekst in de bron"), "source_text"),
                col(_("Vindplaats in de bron"), "source_reference"),
            ],
            data["source_notes"],
        ),
        (
            _("Horizonnen"),
            [
                col(_("Jaren"), "years"),
                col(_("Omschrijving"), "label"),
                col(_("Uiterste datum"), "due_on"),
                col(_("Betekenis"), "meaning"),
            ],
            data["horizons"],
        ),
        (
            _("Buurten"),
            [
                col(_("Sleutel"), "slug"),
                col(_("Naam"), "name"),
                with_header(_("Rol"), label(Neighbourhood.Role, "role")),
                col(_("CBS-buurtcode"), "cbs_code"),
            ],
            data["neighbourhoods"],
        ),
        (
            _("Partners"),
            [
                col(_("Sleutel"), "slug"),
                col(_("Naam"), "name"),
                with_header(_("Soort"), label(Organisation.Kind, "kind")),
                col(_("Beschrijving"), "description"),
            ],
            data["partners"],
        ),
    ]


def cell_value(value):
    """A value Excel understands; None and "" become an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        # Excel has no time zones: show the Dutch wall-clock time.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def number_format(value) -> str | None:
    if isinstance(value, datetime):
        return DATETIME_FORMAT
    if isinstance(value, date):
        return DATE_FORMAT
    return None


def display_width(value) -> int:
    if isinstance(value, datetime):
        return len(DATETIME_FORMAT)
    if isinstance(value, date):
        return len(DATE_FORMAT)
    if isinstance(value, Decimal):
        return len(f"{value.normalize():f}")
    text = str(value)
    return max(len(line) for line in text.splitlines()) if text else 0


def render_workbook(data: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for title, columns, rows in sheets(data):
        sheet = book.create_sheet(title)
        sheet.append([c.header for c in columns])
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        widths = [len(c.header) for c in columns]
        for row_number, row in enumerate(rows, start=2):
            for index, column in enumerate(columns):
                value = cell_value(column.value(row))
                if value is None:
                    continue
                cell = sheet.cell(row=row_number, column=index + 1, value=value)
                if fmt := column.number_format or number_format(value):
                    cell.number_format = fmt
                widths[index] = max(widths[index], display_width(value))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(
                max(width + 2, MIN_WIDTH), MAX_WIDTH
            )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
