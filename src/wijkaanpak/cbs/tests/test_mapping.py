"""Mapping files: the bundled ones are valid, bad ones are refused, conversions are exact."""

import copy
import json
from datetime import date
from decimal import Decimal as D

import pytest

from wijkaanpak.cbs.mapping import (
    MAPPINGS_DIR,
    ColumnMapping,
    MappingError,
    load_mapping,
    parse_mapping,
)
from wijkaanpak.cbs.parsing import CbsRow
from wijkaanpak.programme.models import NationalIndicator

GOOD = {
    "table": "85984NED",
    "title": "Kerncijfers wijken en buurten 2024",
    "year": 2024,
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "columns": {
        "GemiddeldInkomenPerInwoner_78": {"national": "gemiddeld-inkomen-per-inwoner"},
    },
}


def with_changes(**changes):
    data = copy.deepcopy(GOOD)
    for name, value in changes.items():
        if value is None:
            data.pop(name)
        else:
            data[name] = value
    return data


def column(**spec):
    return with_changes(columns={"Kolom_1": {"national": "sleutel", **spec}})


@pytest.mark.parametrize("table", ["85618NED", "85984NED"])
def test_bundled_mappings_load_and_name_known_national_indicators(national, table):
    mapping = load_mapping(table)
    assert mapping.table == table
    assert mapping.year == int(mapping.title[-4:])
    assert mapping.national_keys <= set(NationalIndicator.objects.values_list("key", flat=True))
    for mapped in mapping.columns:
        assert mapped.period_start.year == mapped.period_end.year == mapping.year


def test_a_mapping_by_path(tmp_path):
    path = tmp_path / "eigen.json"
    path.write_text(json.dumps(GOOD))
    assert load_mapping(path).table == "85984NED"
    assert load_mapping(str(MAPPINGS_DIR / "85984NED.json")).year == 2024


def test_per_column_period_overrides_the_table_period():
    data = column(period={"start": "2024-01-01", "end": "2024-01-01"})
    [mapped] = parse_mapping(data).columns
    assert (mapped.period_start, mapped.period_end) == (date(2024, 1, 1), date(2024, 1, 1))


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "Een koppeling is een JSON-object met table, year en columns."),
        (with_changes(table="2024"), "“table” moet een CBS-tabelnummer zijn, zoals 85984NED."),
        (with_changes(year="2024"), "“year” moet een jaartal zijn, zoals 2024."),
        (with_changes(title=""), "“title” ontbreekt: de naam van de tabel bij het CBS."),
        (with_changes(columns={}), "“columns” moet minstens één CBS-kolom koppelen."),
        (
            with_changes(period={"start": "2024-12-31", "end": "2024-01-01"}),
            "period: het einde van de periode ligt vóór het begin.",
        ),
        (
            with_changes(period={"start": "1-1-2024", "end": "2024-12-31"}),
            "period: periode moet {“start”: JJJJ-MM-DD, “end”: JJJJ-MM-DD} zijn.",
        ),
        (
            with_changes(period=None),
            "kolom GemiddeldInkomenPerInwoner_78: geen periode (en geen “period” voor de tabel).",
        ),
        (column(national=""), "kolom Kolom_1: “national” ontbreekt."),
        (column(multiply="0"), "kolom Kolom_1: “multiply” moet een positief getal zijn."),
        (column(multiply="veel"), "kolom Kolom_1: “multiply” moet een positief getal zijn."),
        (column(per={"factor": 1000}), "kolom Kolom_1: “per” heeft een “column” nodig."),
        (
            column(per={"column": "AantalInwoners_5", "factor": -1}),
            "kolom Kolom_1: “per.factor” moet een positief getal zijn.",
        ),
        (
            with_changes(columns={"Kolom 1": {"national": "sleutel"}}),
            "kolom Kolom 1: geen geldige CBS-kolomnaam.",
        ),
        (
            with_changes(columns={"Kolom_1": "sleutel"}),
            "kolom Kolom_1: verwacht een object met “national”.",
        ),
        (
            with_changes(columns={"A_1": {"national": "x"}, "B_2": {"national": "x"}}),
            "Landelijke indicator x staat bij meer dan één kolom.",
        ),
    ],
)
def test_bad_mappings_are_refused(data, message):
    with pytest.raises(MappingError) as info:
        parse_mapping(data)
    assert info.value.errors == [message]


@pytest.mark.parametrize("spec", ["99999NED", "/nergens/koppeling.json"])
def test_a_mapping_that_does_not_exist(spec):
    with pytest.raises(MappingError) as info:
        load_mapping(spec)
    assert "bestaat niet" in info.value.errors[0]


def mapped(**changes):
    values = {
        "column": "Waarde_1",
        "national_key": "sleutel",
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
    }
    return ColumnMapping(**{**values, **changes})


def row(**values):
    return CbsRow(row=1, code="GM0622", name="Vlaardingen", values=values)


@pytest.mark.parametrize(
    "conversion, values, expected",
    [
        ({}, {"Waarde_1": D("7.1")}, D("7.1")),
        ({}, {"Waarde_1": None}, None),
        ({}, {"Waarde_1": D("0")}, D("0")),
        ({"multiply": D("1000")}, {"Waarde_1": D("25.4")}, D("25400")),
        (
            {"per_column": "Inwoners_5", "per_factor": D("1000")},
            {"Waarde_1": D("1230"), "Inwoners_5": D("74910")},
            D("16.4197"),  # rounded half up to the four decimals a measurement keeps
        ),
        (
            {"per_column": "Inwoners_5", "per_factor": D("1000")},
            {"Waarde_1": D("0"), "Inwoners_5": D("4410")},
            D("0"),
        ),
        # No base, or a base of zero: there is no rate, and it is never stored as 0.
        (
            {"per_column": "Inwoners_5", "per_factor": D("1000")},
            {"Waarde_1": D("10"), "Inwoners_5": None},
            None,
        ),
        (
            {"per_column": "Inwoners_5", "per_factor": D("1000")},
            {"Waarde_1": D("10"), "Inwoners_5": D("0")},
            None,
        ),
    ],
)
def test_conversions(conversion, values, expected):
    assert mapped(**conversion).value(row(**values)) == expected


@pytest.mark.parametrize(
    "conversion, note",
    [
        ({}, "CBS-kolom Waarde_1."),
        (
            {"cbs_unit": "x 1 000 euro", "multiply": D("1000")},
            "CBS-kolom Waarde_1 (x 1 000 euro), vermenigvuldigd met 1000.",
        ),
        (
            {"cbs_unit": "aantal", "per_column": "AantalInwoners_5", "per_factor": D("1000")},
            "CBS-kolom Waarde_1 (aantal), gedeeld door AantalInwoners_5 en maal 1000.",
        ),
    ],
)
def test_notes_say_how_a_value_was_made(conversion, note):
    assert mapped(**conversion).note() == note
