"""Reading CBS tables: the OData JSON and the CSV download, padding, ".", decimal signs."""

import json
from decimal import Decimal as D

import pytest

from wijkaanpak.cbs.parsing import read_table
from wijkaanpak.programme.services.spreadsheets import ImportRejected

from .conftest import SAMPLE_CSV, SAMPLE_JSON

MAPPED = {"AantalInwoners_5", "PersonenInArmoede_81", "GemiddeldInkomenPerInwoner_78"}


def odata(*rows, table="85984NED", **envelope):
    base = {"ID": 0, "Gemeentenaam_1": "Vlaardingen   ", "SoortRegio_2": "Gemeente  "}
    return {
        "odata.metadata": f"https://opendata.cbs.nl/ODataApi/OData/{table}/$metadata#x",
        **envelope,
        "value": [{**base, **row} for row in rows],
    }


def write_json(tmp_path, document):
    path = tmp_path / "tabel.json"
    path.write_text(json.dumps(document))
    return path


def write_csv(tmp_path, *lines, encoding="utf-8"):
    path = tmp_path / "tabel.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def errors(path, columns=frozenset({"AantalInwoners_5"})):
    with pytest.raises(ImportRejected) as info:
        read_table(path, set(columns))
    return [(e.row, e.column, e.message) for e in info.value.errors]


def test_json_sample_keys_and_names_are_trimmed():
    table = read_table(SAMPLE_JSON, MAPPED)
    assert table.table_id == "85984NED"
    by_code = {row.code: row for row in table.rows}
    assert list(by_code) == [
        "NL00",
        "GM0606",
        "WK060603",
        "BU06060301",
        "GM0622",
        "WK062203",
        "BU06220301",
        "BU06220302",
        "BU06220303",
        "BU06220304",
    ]
    assert by_code["GM0622"].name == "Vlaardingen"
    assert by_code["NL00"].name == "Nederland"
    # The raw table names districts and neighbourhoods by code only.
    assert by_code["WK062203"].name == ""
    assert by_code["GM0622"].values["GemiddeldInkomenPerInwoner_78"] == D("32.4")
    assert by_code["BU06220302"].values["GemiddeldInkomenPerInwoner_78"] is None
    assert table.missing == {
        "GemiddeldInkomenPerInwoner_78": 2,
        "PersonenInArmoede_81": 2,
    }


def test_csv_sample_reads_the_same_as_the_json_sample():
    from_json, from_csv = read_table(SAMPLE_JSON, MAPPED), read_table(SAMPLE_CSV, MAPPED)
    assert from_csv.table_id is None
    assert [(r.code, r.name, r.values) for r in from_csv.rows] == [
        (r.code, r.name, r.values) for r in from_json.rows
    ]
    assert from_csv.missing == from_json.missing
    assert [r.row for r in from_csv.rows][:2] == [2, 3]  # line numbers, header is line 1


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("12", D("12")),
        ("12.5", D("12.5")),
        ("12,5", D("12.5")),
        ("-0,7", D("-0.7")),
        ("  1234 ", D("1234")),
        (".", None),
        ("       .", None),
        ("", None),
        ("x", None),
        ("-99997", None),
    ],
)
def test_csv_cells(tmp_path, cell, expected):
    path = write_csv(
        tmp_path,
        '"WijkenEnBuurten";"AantalInwoners_5"',
        f'"GM0622    ";"{cell}"',
    )
    assert read_table(path, {"AantalInwoners_5"}).rows[0].values["AantalInwoners_5"] == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (74910, D("74910")),
        (25.4, D("25.4")),
        (0.1, D("0.1")),
        (None, None),
        (".", None),
        ("       .", None),
        (-99997, None),
        (-99999999, None),
        ("7,1", D("7.1")),
    ],
)
def test_json_cells(tmp_path, value, expected):
    path = write_json(tmp_path, odata({"WijkenEnBuurten": "GM0622    ", "AantalInwoners_5": value}))
    assert read_table(path, {"AantalInwoners_5"}).rows[0].values["AantalInwoners_5"] == expected


@pytest.mark.parametrize(
    "value, message",
    [
        ("abc", "“abc” is geen getal."),
        ("1.234,5", "“1.234,5” is geen getal."),
        ("12%", "“12%” is geen getal."),
        (True, "“True” is geen getal."),
    ],
)
def test_json_cells_that_are_no_number(tmp_path, value, message):
    path = write_json(
        tmp_path,
        odata(
            {"WijkenEnBuurten": "NL00      ", "SoortRegio_2": "Land", "AantalInwoners_5": 1},
            {"WijkenEnBuurten": "GM0622    ", "AantalInwoners_5": value},
        ),
    )
    assert errors(path) == [(2, "AantalInwoners_5", message)]


@pytest.mark.parametrize(
    "code, kind, expected",
    [
        ("NL00      ", "Land      ", "NL00"),
        ("GM0622    ", "Gemeente  ", "GM0622"),
        ("WK062203  ", "Wijk      ", "WK062203"),
        ("BU06220301", "Buurt     ", "BU06220301"),
        ("wk0363ab", "Wijk", "WK0363AB"),  # Amsterdam's districts have letters
    ],
)
def test_region_codes_are_trimmed(tmp_path, code, kind, expected):
    path = write_json(tmp_path, odata({"WijkenEnBuurten": code, "SoortRegio_2": kind}))
    assert read_table(path, set()).rows[0].code == expected


@pytest.mark.parametrize(
    "code, kind, column, message",
    [
        (
            "GM622",
            "Gemeente",
            "Codering_3",
            "“GM622” is geen CBS-regiocode (NL00, GM…, WK… of BU…).",
        ),
        (
            "XX0622",
            "Gemeente",
            "Codering_3",
            "“XX0622” is geen CBS-regiocode (NL00, GM…, WK… of BU…).",
        ),
        (
            "BU062203",
            "Buurt",
            "Codering_3",
            "“BU062203” is geen CBS-regiocode (NL00, GM…, WK… of BU…).",
        ),
        ("NL01", "Land", "Codering_3", "“NL01” is geen CBS-regiocode (NL00, GM…, WK… of BU…)."),
        ("", "Gemeente", "WijkenEnBuurten", "“” is geen CBS-regiocode (NL00, GM…, WK… of BU…)."),
        (
            "WK062203",
            "Buurt",
            "SoortRegio_2",
            "Soort regio “Buurt” past niet bij de code WK062203.",
        ),
        (
            "GM0622",
            "Provincie",
            "SoortRegio_2",
            "Soort regio “Provincie” past niet bij de code GM0622.",
        ),
    ],
)
def test_bad_region_rows(tmp_path, code, kind, column, message):
    row = {"WijkenEnBuurten": code, "Codering_3": code, "SoortRegio_2": kind}
    path = write_json(tmp_path, odata(row))
    assert errors(path, set()) == [(1, column, message)]


def test_a_region_twice_is_refused(tmp_path):
    path = write_json(tmp_path, odata({"WijkenEnBuurten": "GM0622"}, {"WijkenEnBuurten": "GM0622"}))
    assert errors(path, set()) == [(2, "WijkenEnBuurten", "De regio GM0622 stond al in rij 1.")]


def test_named_regions_from_cbsodata_keep_their_name(tmp_path):
    """cbsodata puts the region's name where the raw table has its key; Codering has the code."""
    row = {"WijkenEnBuurten": "Westwijk", "Codering_3": "WK062203  ", "SoortRegio_2": "Wijk"}
    path = write_json(tmp_path, [row])
    [parsed] = read_table(path, set()).rows
    assert (parsed.code, parsed.name) == ("WK062203", "Westwijk")


def test_every_bad_row_is_reported(tmp_path):
    path = write_csv(
        tmp_path,
        '"WijkenEnBuurten";"SoortRegio_2";"AantalInwoners_5"',
        '"NL00      ";"Land      ";"17942942"',
        '"GM0622    ";"Gemeente  ";"veel"',
        '"WK06220"  ;"Wijk      ";"12"',
        '"BU06220301";"Buurt     "',
    )
    assert errors(path) == [
        (3, "AantalInwoners_5", "“veel” is geen getal."),
        (4, "WijkenEnBuurten", "“WK06220” is geen CBS-regiocode (NL00, GM…, WK… of BU…)."),
        (5, "", "Deze rij heeft een ander aantal kolommen dan de kopregel."),
    ]


def test_decimal_comma_file_refuses_a_dot_as_thousands_separator(tmp_path):
    path = write_csv(
        tmp_path,
        '"WijkenEnBuurten";"AantalInwoners_5"',
        '"GM0606    ";"7,5"',
        '"GM0622    ";"74.910"',
    )
    assert errors(path) == [
        (
            3,
            "AantalInwoners_5",
            "In dit bestand is de komma het decimaalteken, maar “74.910” heeft een punt. Is dat "
            "een scheiding van duizendtallen? Schrijf het getal zonder punt.",
        )
    ]


def test_mapped_column_missing_from_the_file(tmp_path):
    path = write_json(tmp_path, odata({"WijkenEnBuurten": "GM0622", "AantalInwoners_5": 1}))
    assert errors(path, {"AantalInwoners_5", "PersonenInArmoede_81"}) == [
        (
            None,
            "PersonenInArmoede_81",
            "Deze kolom uit de koppeling staat niet in het bestand. Is het bestand van een "
            "ander jaar dan de koppeling?",
        )
    ]


@pytest.mark.parametrize(
    "document, message",
    [
        (
            {
                "odata.metadata": "x",
                "odata.nextLink": "https://opendata.cbs.nl/next",
                "value": [{}],
            },
            "Dit bestand is één pagina van een grotere download (er staat een nextLink in). "
            "Haal alle pagina's op en voeg ze samen; zie docs/cbs.md.",
        ),
        (
            {"@odata.context": "x", "value": [{"Measure": "T001036", "Value": 1, "Id": 0}]},
            "Dit is de lange vorm van OData 4 (Measure/Value). Gebruik de TypedDataSet: één rij "
            "per regio, één kolom per cijfer.",
        ),
        (
            {"rows": []},
            "Dit is geen CBS-tabel: we verwachten een lijst rijen onder “value” (OData).",
        ),
        ({"value": []}, "Het bestand heeft geen rijen."),
    ],
)
def test_json_that_is_no_typed_data_set(tmp_path, document, message):
    assert errors(write_json(tmp_path, document)) == [(None, "", message)]


def test_json_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "tabel.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(odata({"WijkenEnBuurten": "GM0622"})).encode())
    assert read_table(path, set()).rows[0].code == "GM0622"


def test_odata4_envelope_is_read(tmp_path):
    document = {
        "@odata.context": "https://odata4.cbs.nl/CBS/85984NED/$metadata#TypedDataSet",
        "value": [{"WijkenEnBuurten": "GM0622    ", "AantalInwoners_5": 74910}],
    }
    table = read_table(write_json(tmp_path, document), {"AantalInwoners_5"})
    assert table.table_id == "85984NED"


def test_titled_csv_download_is_refused(tmp_path):
    path = write_csv(
        tmp_path, '"Wijken en buurten";"Bevolking/Aantal inwoners (aantal)"', '"A";"1"'
    )
    assert errors(path, set()) == [
        (
            None,
            "WijkenEnBuurten",
            "Het bestand heeft geen kolom WijkenEnBuurten of Codering. Download de onbewerkte "
            "dataset, met kolomnamen zoals AantalInwoners_5.",
        )
    ]


def test_windows_1252_csv_is_read(tmp_path):
    path = write_csv(
        tmp_path,
        '"WijkenEnBuurten";"Gemeentenaam_1";"AantalInwoners_5"',
        '"GM1900    ";"Súdwest-Fryslân";"90000"',
        encoding="cp1252",
    )
    assert read_table(path, set()).rows[0].name == "Súdwest-Fryslân"


def test_empty_file(tmp_path):
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"\r\n")
    assert errors(path) == [(None, "", "Het bestand is leeg.")]
