"""Measurement import: CSV and XLSX, all rows checked first, all or nothing."""

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.programme.models import Indicator, Measurement
from wijkaanpak.programme.services import imports
from wijkaanpak.programme.services.imports import ImportRejected, import_measurements

from .factories import IndicatorFactory, MeasurementFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

HEADER = "indicator;schaal;waarde;begin;einde;bron;toelichting"


@pytest.fixture
def programme():
    programme = ProgrammeFactory()
    IndicatorFactory(programme=programme, slug="armoede", unit=Indicator.Unit.PERCENT)
    IndicatorFactory(programme=programme, slug="woningen", unit=Indicator.Unit.COUNT)
    return programme


def csv_file(*lines, name="metingen.csv", bom=True):
    text = "\r\n".join(lines) + "\r\n"
    return SimpleUploadedFile(name, (b"\xef\xbb\xbf" if bom else b"") + text.encode())


def xlsx_file(rows, name="metingen.xlsx", percent_cells=()):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for coordinate in percent_cells:
        sheet[coordinate].number_format = "0.0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def rejected(programme, upload, **kwargs):
    with pytest.raises(ImportRejected) as info:
        import_measurements(programme, upload, entered_by=None, **kwargs)
    assert Measurement.objects.count() == 0 or kwargs.get("keep_existing")
    return [(e.row, e.column, e.message) for e in info.value.errors]


def test_good_csv_with_semicolons_and_decimal_comma(programme):
    user = UserFactory()
    upload = csv_file(
        HEADER,
        "armoede;wijk;15,5;01-01-2023;31-12-2023;CBS Statline;OCR las 155",
        "armoede;stad;10.9;2023-01-01;2023-12-31;CBS Statline;",
        "woningen;;40;1-1-2023;31-12-2023;Waterweg Wonen;",
    )
    summary = import_measurements(programme, upload, entered_by=user)
    assert (summary.created, summary.corrected, summary.unchanged) == (3, 0, 0)
    area = Measurement.objects.get(indicator__slug="armoede", scope="area")
    assert (area.value, area.period_start, area.period_end) == (
        D("15.5"),
        date(2023, 1, 1),
        date(2023, 12, 31),
    )
    assert (area.source, area.note, area.entered_by) == ("CBS Statline", "OCR las 155", user)
    assert Measurement.objects.get(indicator__slug="armoede", scope="city").value == D("10.9")
    assert Measurement.objects.get(indicator__slug="woningen").scope == "area"


def test_good_csv_with_commas_and_quoted_decimal_comma_without_bom(programme):
    upload = csv_file(
        "indicator,waarde,begin,einde,bron",
        'armoede,"7,1",2023-01-01,2023-12-31,"CBS, Statline"',
        bom=False,
    )
    import_measurements(programme, upload, entered_by=None)
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.source) == (D("7.1"), "CBS, Statline")


def test_good_xlsx_with_real_dates_numbers_and_a_percent_cell(programme):
    upload = xlsx_file(
        [
            ["Indicator", "Schaal", "Waarde", "Begin", "Einde", "Bron"],
            ["armoede", "wijk", 15.5, datetime(2023, 1, 1), datetime(2023, 12, 31), "CBS"],
            ["armoede", "nederland", 0.071, date(2023, 1, 1), date(2023, 12, 31), "CBS"],
            [None, None, None, None, None, None],
            ["woningen", "stad", 40, "01-01-2023", "31-12-2023", "Waterweg Wonen"],
        ],
        percent_cells=["C3"],
    )
    summary = import_measurements(programme, upload, entered_by=None)
    assert summary.created == 3
    values = {(m.indicator.slug, m.scope): m.value for m in Measurement.objects.all()}
    assert values == {
        ("armoede", "area"): D("15.5"),
        ("armoede", "netherlands"): D("7.1"),
        ("woningen", "city"): D("40"),
    }


def test_one_bad_row_among_good_ones_stores_nothing_and_names_row_and_column(programme):
    upload = csv_file(
        HEADER,
        "armoede;wijk;15,5;01-01-2023;31-12-2023;CBS;",
        "armoede;stad;veel;01-01-2023;31-12-2023;CBS;",
        "woningen;wijk;40;01-01-2023;31-12-2023;Waterweg Wonen;",
    )
    errors = rejected(programme, upload)
    assert errors == [(3, "waarde", "“veel” is geen getal. Schrijf bijvoorbeeld 7,1.")]


def test_all_bad_rows_are_reported_at_once(programme):
    upload = xlsx_file(
        [
            ["indicator", "waarde", "begin", "einde", "bron"],
            ["onbekend", 1, "01-01-2023", "31-12-2023", "CBS"],
            ["armoede", 101, "01-01-2023", "31-12-2023", "CBS"],
            ["armoede", 5, "31-12-2023", "01-01-2023", ""],
            ["woningen", 2.5, "01-01-2023", "2023-02-30", "CBS"],
        ]
    )
    errors = rejected(programme, upload)
    assert {(row, column) for row, column, _ in errors} == {
        (2, "indicator"),
        (3, "waarde"),
        (4, "einde"),
        (4, "bron"),
        (5, "einde"),
    }


def test_wrong_file_types_are_refused_by_content(programme):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    assert "kunnen we niet lezen" in rejected(programme, SimpleUploadedFile("a.csv", png))[0][2]
    csv_as_xlsx = SimpleUploadedFile("a.xlsx", f"{HEADER}\r\n".encode())
    assert "kunnen we niet lezen" in rejected(programme, csv_as_xlsx)[0][2]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    docx_as_xlsx = SimpleUploadedFile("a.xlsx", buffer.getvalue())
    assert "kunnen we niet lezen" in rejected(programme, docx_as_xlsx)[0][2]
    xlsx_as_csv = xlsx_file([["indicator"]], name="a.csv")
    assert "kunnen we niet lezen" in rejected(programme, xlsx_as_csv)[0][2]
    old_excel = SimpleUploadedFile("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    assert ".xls" in rejected(programme, old_excel)[0][2]
    latin1 = SimpleUploadedFile("a.csv", f"{HEADER}\r\narmoede;wijk;1;;;Caf\xe9;".encode("latin-1"))
    assert "UTF-8" in rejected(programme, latin1)[0][2]


def test_too_many_rows(programme, settings):
    settings.IMPORT_MAX_ROWS = 2
    upload = csv_file(
        HEADER, *[f"armoede;wijk;1;01-01-{y};31-12-{y};CBS;" for y in (2020, 2021, 2022)]
    )
    assert rejected(programme, upload) == [
        (None, "", "Het bestand heeft te veel rijen. Het mag hoogstens 2 rijen hebben.")
    ]


def test_too_large_file(programme, settings):
    settings.IMPORT_MAX_BYTES = 40
    upload = csv_file(HEADER, "armoede;wijk;1;01-01-2023;31-12-2023;CBS;")
    assert "te groot" in rejected(programme, upload)[0][2]


def test_empty_file_and_header_only(programme):
    assert "leeg" in rejected(programme, SimpleUploadedFile("a.csv", b"\xef\xbb\xbf\r\n"))[0][2]
    assert "geen metingen" in rejected(programme, csv_file(HEADER))[0][2]


def test_missing_required_header(programme):
    upload = csv_file("indicator;waarde;begin;einde", "armoede;1;01-01-2023;31-12-2023")
    assert rejected(programme, upload) == [(1, "bron", "Deze kolom ontbreekt in de kopregel.")]


def test_unknown_extra_column(programme):
    upload = csv_file(HEADER + ";eenheid", "armoede;wijk;1;01-01-2023;31-12-2023;CBS;;%")
    errors = rejected(programme, upload)
    assert [(row, column) for row, column, _ in errors] == [(1, "eenheid")]
    assert "Onbekende kolom" in errors[0][2]


def test_unquoted_decimal_comma_in_a_comma_file_is_explained(programme):
    upload = csv_file("indicator,waarde,begin,einde,bron", "armoede,7,1,2023-01-01,2023-12-31,CBS")
    errors = rejected(programme, upload)
    assert any("scheidingsteken" in message for _, _, message in errors)


def test_duplicate_rows_for_the_same_period_in_the_file(programme):
    upload = csv_file(
        HEADER,
        "armoede;wijk;15,5;01-01-2023;31-12-2023;CBS;",
        "armoede;stad;10,9;01-01-2023;31-12-2023;CBS;",
        "armoede;;15,6;01-07-2023;31-12-2023;CBS;",
    )
    errors = rejected(programme, upload)
    assert errors == [
        (4, "indicator", "Deze rij gaat over dezelfde indicator, schaal en einddatum als rij 2.")
    ]


def test_indicators_of_another_programme_are_not_found():
    mine, other = ProgrammeFactory(), ProgrammeFactory()
    IndicatorFactory(programme=other, slug="armoede")
    upload = csv_file(HEADER, "armoede;wijk;1;01-01-2023;31-12-2023;CBS;")
    errors = rejected(mine, upload)
    assert errors[0][:2] == (2, "indicator")


def test_reimport_changes_nothing_and_a_new_value_is_a_correction(programme):
    line = "armoede;wijk;15,5;01-01-2023;31-12-2023;CBS;"
    import_measurements(programme, csv_file(HEADER, line), entered_by=None)
    again = import_measurements(programme, csv_file(HEADER, line), entered_by=None)
    assert (again.created, again.corrected, again.unchanged) == (0, 0, 1)
    changed = line.replace("15,5", "15,7")
    summary = import_measurements(programme, csv_file(HEADER, changed), entered_by=None)
    assert (summary.created, summary.corrected, summary.unchanged) == (0, 1, 0)
    old, new = Measurement.objects.order_by("pk")
    assert old.superseded_at is not None and new.supersedes == old and new.value == D("15.7")


def test_corrections_refused_when_not_allowed(programme):
    MeasurementFactory(
        indicator=programme.indicators.get(slug="armoede"),
        value=D("15.5"),
        period_start=date(2023, 1, 1),
        period_end=date(2023, 12, 31),
    )
    upload = csv_file(HEADER, "armoede;wijk;16;01-01-2023;31-12-2023;CBS;")
    with pytest.raises(ImportRejected) as info:
        import_measurements(programme, upload, entered_by=None, allow_correction=False)
    assert info.value.errors[0].row == 2
    assert Measurement.objects.get().value == D("15.5")


def test_a_failure_while_storing_rolls_back_the_rows_before_it(programme, monkeypatch):
    real_save = imports.save_measurement
    calls = []

    def fail_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValidationError("Iemand anders was u voor.")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(imports, "save_measurement", fail_on_second)
    upload = csv_file(
        HEADER,
        "armoede;wijk;15,5;01-01-2023;31-12-2023;CBS;",
        "woningen;wijk;40;01-01-2023;31-12-2023;CBS;",
    )
    assert rejected(programme, upload) == [(3, "", "Iemand anders was u voor.")]


def test_the_downloadable_template_imports_as_is(programme):
    template = imports.template_csv(programme)
    assert template.startswith("\ufeff" + HEADER)
    summary = import_measurements(
        programme, SimpleUploadedFile("voorbeeld.csv", template.encode()), entered_by=None
    )
    assert summary.created == 2
