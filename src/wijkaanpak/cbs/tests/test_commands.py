"""manage.py load_national_indicators and import_cbs: what they print, and refusals."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from wijkaanpak.areas.models import Region
from wijkaanpak.cbs.management.commands.import_cbs import format_errors
from wijkaanpak.cbs.mapping import MAPPINGS_DIR
from wijkaanpak.programme.models import Measurement, NationalIndicator
from wijkaanpak.programme.services.spreadsheets import RowError

from .conftest import SAMPLE_CSV, SAMPLE_JSON

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


def test_load_national_indicators_is_idempotent():
    assert run("load_national_indicators") == [
        "Landelijke indicatoren: 5 nieuw, 0 bijgewerkt, 0 ongewijzigd"
    ]
    NationalIndicator.objects.filter(key="personen-in-armoede").update(decimals=0)
    assert run("load_national_indicators") == [
        "Landelijke indicatoren: 0 nieuw, 1 bijgewerkt, 4 ongewijzigd"
    ]
    assert run("load_national_indicators") == [
        "Landelijke indicatoren: 0 nieuw, 0 bijgewerkt, 5 ongewijzigd"
    ]


@pytest.mark.parametrize(
    "item, message",
    [
        ({"key": "Gemiddeld Inkomen"}, "“key” moet een korte naam zijn, zoals gemiddeld-inkomen."),
        ({"unit": "liter"}, "“unit” moet een van deze zijn:"),
        ({"polarity": "neutraal"}, "“polarity” moet een van deze zijn:"),
        ({"decimals": 7}, "“decimals” moet 0 tot en met 4 zijn."),
        ({"definition": ""}, "“definition” ontbreekt"),
    ],
)
def test_a_bad_national_indicator_file_loads_nothing(tmp_path, item, message):
    good = {
        "key": "inkomen",
        "name": "Inkomen",
        "unit": "euro",
        "polarity": "higher_is_better",
        "decimals": 0,
        "definition": "CBS-kolom X.",
    }
    path = tmp_path / "landelijk.json"
    path.write_text(json.dumps([good | {"key": "ander"}, good | item]))
    with pytest.raises(CommandError) as info:
        run("load_national_indicators", str(path))
    assert message in str(info.value)
    assert not NationalIndicator.objects.exists()


def test_import_cbs_prints_its_counts(nieuwland):
    lines = run("import_cbs", str(SAMPLE_JSON), "--mapping", "85984NED")
    assert lines == [
        "Import van 85984NED",
        "Rijen: 10",
        "Regio's: 10 nieuw, 0 bijgewerkt, 0 ongewijzigd",
        "Metingen: 12 nieuw, 0 ongewijzigd, 0 gecorrigeerd",
        "Ontbrekende waarden (punt of leeg): 7 in het bestand; 0 metingen daardoor niet opgeslagen",
    ]
    lines = run("import_cbs", str(SAMPLE_CSV), "--mapping", str(MAPPINGS_DIR / "85984NED.json"))
    assert lines[2:4] == [
        "Regio's: 0 nieuw, 0 bijgewerkt, 10 ongewijzigd",
        "Metingen: 0 nieuw, 12 ongewijzigd, 0 gecorrigeerd",
    ]


def test_import_cbs_dry_run(nieuwland):
    lines = run("import_cbs", str(SAMPLE_JSON), "--mapping", "85984NED", "--dry-run")
    assert lines[0] == "Proefimport (er is niets opgeslagen) van 85984NED"
    assert lines[3] == "Metingen: 12 nieuw, 0 ongewijzigd, 0 gecorrigeerd"
    assert not Region.objects.exists() and not Measurement.objects.exists()


def test_import_cbs_prints_notes(national, westwijk):
    lines = run("import_cbs", str(SAMPLE_JSON), "--mapping", "85984NED")
    assert lines[-1] == (
        "- Geen indicator gekoppeld aan een landelijke indicator uit deze tabel: Westwijk"
    )


def test_import_cbs_refusal_lists_row_errors(nieuwland, tmp_path):
    path = tmp_path / "fout.csv"
    text = SAMPLE_CSV.read_text().replace("36.1", "veel").replace('"WK060603  "', '"WK0606"')
    path.write_text(text)
    with pytest.raises(CommandError) as info:
        run("import_cbs", str(path), "--mapping", "85984NED")
    assert str(info.value) == (
        f"{path} is niet geïmporteerd; er is niets opgeslagen:\n"
        "  - rij 2, kolom GemiddeldInkomenPerInwoner_78: “veel” is geen getal.\n"
        "  - rij 4, kolom Codering_3: “WK0606” is geen CBS-regiocode (NL00, GM…, WK… of BU…)."
    )
    assert not Region.objects.exists()


@pytest.mark.parametrize(
    "mapping, message",
    [
        ("99999NED", "Koppeling"),
        ("85984NED", "Landelijke indicator gemiddeld-inkomen-per-inwoner bestaat niet."),
    ],
)
def test_import_cbs_refuses_an_unusable_mapping(db, mapping, message):
    with pytest.raises(CommandError) as info:
        run("import_cbs", str(SAMPLE_JSON), "--mapping", mapping)
    assert "De koppeling is niet bruikbaar; er is niets opgeslagen:" in str(info.value)
    assert message in str(info.value)


def test_import_cbs_unreadable_file(national, tmp_path):
    with pytest.raises(CommandError) as info:
        run("import_cbs", str(tmp_path / "weg.json"), "--mapping", "85984NED")
    assert "kan niet gelezen worden" in str(info.value)


def test_long_error_lists_are_cut_short():
    errors = [RowError(n, "Kolom_1", "fout") for n in range(2, 62)] + [RowError(None, "", "x")]
    lines = format_errors(errors).splitlines()
    assert lines[0] == "  - rij 2, kolom Kolom_1: fout"
    assert lines[-1] == "  … en nog 11 fouten."
    assert len(lines) == 51
