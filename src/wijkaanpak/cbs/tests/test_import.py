"""The CBS import: regions, measurements per scope, all or nothing, idempotent, corrections."""

import json
from datetime import date
from decimal import Decimal as D

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from wijkaanpak.areas.models import Region
from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.cbs.services import ImportRejected, MappingError, import_table
from wijkaanpak.cbs.synthetic import write_synthetic_table
from wijkaanpak.programme.models import Measurement, Scope
from wijkaanpak.programme.tests.factories import IndicatorFactory, ProgrammeFactory

from .conftest import SAMPLE_CSV, SAMPLE_JSON, indicator

SOURCE = "CBS 85984NED Kerncijfers wijken en buurten 2024, regio {}"


def stored(area):
    return {
        (m.indicator.national.key, m.scope): (m.value, m.source)
        for m in Measurement.objects.current().filter(indicator__programme__area=area)
    }


def edited_sample(tmp_path, code, column, value):
    document = json.loads(SAMPLE_JSON.read_text())
    for row in document["value"]:
        if row["WijkenEnBuurten"].strip() == code:
            row[column] = value
    path = tmp_path / "85984NED.json"
    path.write_text(json.dumps(document))
    return path


def test_each_scope_gets_the_figure_of_its_own_region(nieuwland):
    report = import_table(SAMPLE_JSON, "85984NED")
    assert stored(nieuwland) == {
        ("gemiddeld-inkomen-per-inwoner", Scope.AREA): (D("24000"), SOURCE.format("WK060603")),
        ("gemiddeld-inkomen-per-inwoner", Scope.CITY): (D("31200"), SOURCE.format("GM0606")),
        ("gemiddeld-inkomen-per-inwoner", Scope.NETHERLANDS): (D("36100"), SOURCE.format("NL00")),
        ("personen-in-armoede", Scope.AREA): (D("12.9"), SOURCE.format("WK060603")),
        ("personen-in-armoede", Scope.CITY): (D("6.8"), SOURCE.format("GM0606")),
        ("personen-in-armoede", Scope.NETHERLANDS): (D("4.3"), SOURCE.format("NL00")),
        # 890 / 9870 x 1000, rounded to four decimals
        ("bijstand-per-1000-inwoners", Scope.AREA): (D("90.1722"), SOURCE.format("WK060603")),
        ("bijstand-per-1000-inwoners", Scope.CITY): (D("42.5452"), SOURCE.format("GM0606")),
        ("bijstand-per-1000-inwoners", Scope.NETHERLANDS): (D("22.3614"), SOURCE.format("NL00")),
        ("nettoarbeidsparticipatie", Scope.AREA): (D("55.1"), SOURCE.format("WK060603")),
        ("nettoarbeidsparticipatie", Scope.CITY): (D("64.2"), SOURCE.format("GM0606")),
        ("nettoarbeidsparticipatie", Scope.NETHERLANDS): (D("69.8"), SOURCE.format("NL00")),
    }
    assert (report.measurements_created, report.rows) == (12, 10)
    income = Measurement.objects.get(
        indicator=indicator(nieuwland, "gemiddeld-inkomen-per-inwoner"), scope=Scope.AREA
    )
    assert (income.period_start, income.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert income.note == (
        "CBS-kolom GemiddeldInkomenPerInwoner_78 (x 1 000 euro), vermenigvuldigd met 1000."
    )
    assert income.entered_by is None


def test_csv_sample_stores_the_same_as_the_json_sample(nieuwland):
    import_table(SAMPLE_CSV, "85984NED")
    from_csv = stored(nieuwland)
    report = import_table(SAMPLE_JSON, "85984NED")
    assert stored(nieuwland) == from_csv
    assert (report.measurements_created, report.measurements_unchanged) == (0, 12)


def test_regions_are_upserted_with_parents_from_their_codes(national):
    report = import_table(SAMPLE_JSON, "85984NED")
    regions = {r.code: r for r in Region.objects.select_related("parent")}
    assert {code: (r.level, r.name, r.parent and r.parent.code) for code, r in regions.items()} == {
        "NL00": ("NL", "Nederland", None),
        "GM0606": ("GM", "Schiedam", "NL00"),
        "WK060603": ("WK", "WK060603", "GM0606"),
        "BU06060301": ("BU", "BU06060301", "WK060603"),
        "GM0622": ("GM", "Vlaardingen", "NL00"),
        "WK062203": ("WK", "WK062203", "GM0622"),
        "BU06220301": ("BU", "BU06220301", "WK062203"),
        "BU06220302": ("BU", "BU06220302", "WK062203"),
        "BU06220303": ("BU", "BU06220303", "WK062203"),
        "BU06220304": ("BU", "BU06220304", "WK062203"),
    }
    assert (report.regions_created, report.regions_updated, report.regions_unchanged) == (10, 0, 0)


def test_region_upsert_keeps_known_names_and_fixes_what_changed(national):
    Region.objects.create(code="WK062203", level="WK", name="Westwijk")
    Region.objects.create(code="GM0622", level="GM", name="Vlaardingen (oud)")
    report = import_table(SAMPLE_JSON, "85984NED")
    westwijk = Region.objects.get(code="WK062203")
    # The raw table only has the code: a known name stays; the parent is filled in.
    assert (westwijk.name, westwijk.parent.code) == ("Westwijk", "GM0622")
    assert Region.objects.get(code="GM0622").name == "Vlaardingen"
    assert (report.regions_created, report.regions_updated, report.regions_unchanged) == (8, 2, 0)
    again = import_table(SAMPLE_JSON, "85984NED")
    assert (again.regions_created, again.regions_updated, again.regions_unchanged) == (0, 0, 10)


def test_reimport_of_the_same_file_changes_nothing(nieuwland):
    import_table(SAMPLE_JSON, "85984NED")
    before = list(Measurement.objects.values_list("pk", "value", "superseded_at"))
    regions = list(Region.objects.values_list("pk", "code", "name", "parent_id"))
    report = import_table(SAMPLE_JSON, "85984NED")
    assert list(Measurement.objects.values_list("pk", "value", "superseded_at")) == before
    assert list(Region.objects.values_list("pk", "code", "name", "parent_id")) == regions
    assert (
        report.measurements_created,
        report.measurements_unchanged,
        report.measurements_corrected,
    ) == (0, 12, 0)


def test_a_corrected_figure_supersedes_the_old_one(nieuwland, tmp_path):
    import_table(SAMPLE_JSON, "85984NED")
    path = edited_sample(tmp_path, "WK060603", "PersonenInArmoede_81", 12.7)
    report = import_table(path, "85984NED")
    assert (report.measurements_corrected, report.measurements_unchanged) == (1, 11)
    poverty = indicator(nieuwland, "personen-in-armoede")
    old, new = Measurement.objects.filter(indicator=poverty, scope=Scope.AREA).order_by("pk")
    assert (old.value, new.value) == (D("12.9"), D("12.7"))
    assert old.superseded_at is not None and new.superseded_at is None
    assert new.supersedes == old


def test_missing_stays_missing_and_is_counted(nieuwland, tmp_path):
    path = edited_sample(tmp_path, "WK060603", "PersonenInArmoede_81", None)
    report = import_table(path, "85984NED")
    assert ("personen-in-armoede", Scope.AREA) not in stored(nieuwland)
    assert stored(nieuwland)[("personen-in-armoede", Scope.CITY)][0] == D("6.8")
    assert report.skipped_missing == 1
    # The sample lacks seven figures in mapped columns; the district now lacks one more.
    assert report.missing_values == 7 + 1
    assert Measurement.objects.filter(value=0).count() == 0


def test_a_missing_figure_does_not_remove_a_stored_one(nieuwland, tmp_path):
    import_table(SAMPLE_JSON, "85984NED")
    import_table(edited_sample(tmp_path, "WK060603", "PersonenInArmoede_81", None), "85984NED")
    assert stored(nieuwland)[("personen-in-armoede", Scope.AREA)][0] == D("12.9")


def test_an_area_without_cbs_code_gets_no_area_figure_and_is_told(nieuwland):
    nieuwland.cbs_code = ""
    nieuwland.save()
    report = import_table(SAMPLE_JSON, "85984NED")
    assert {scope for _key, scope in stored(nieuwland)} == {Scope.CITY, Scope.NETHERLANDS}
    assert (
        "Nieuwland: geen CBS-wijkcode ingevuld, dus geen cijfer op schaal wijk (4 indicatoren)."
        in report.notes
    )


def test_an_area_code_that_is_not_in_the_file_is_told(nieuwland):
    nieuwland.cbs_code = "WK060699"
    nieuwland.save()
    report = import_table(SAMPLE_JSON, "85984NED")
    assert "Nieuwland: regio WK060699 staat niet in dit bestand." in report.notes
    assert report.measurements_created == 8


def test_only_indicators_linked_to_a_mapped_national_indicator_get_figures(nieuwland, national):
    other = IndicatorFactory(programme=nieuwland.programmes.get(), slug="eigen-telling")
    AreaFactory(name="Holy", slug="holy", municipality_cbs_code="GM0622")
    ProgrammeFactory(area__slug="holy")
    report = import_table(SAMPLE_JSON, "85984NED")
    assert not other.measurements.exists()
    assert "Geen indicator gekoppeld aan een landelijke indicator uit deze tabel: Holy" in (
        report.notes
    )


def test_the_current_programme_gets_the_figures_not_a_draft(nieuwland):
    from wijkaanpak.programme.models import Programme

    draft = ProgrammeFactory(area=nieuwland, edition_year=2025, state=Programme.State.DRAFT)
    IndicatorFactory(programme=draft, national=indicator(nieuwland, "personen-in-armoede").national)
    import_table(SAMPLE_JSON, "85984NED")
    assert not Measurement.objects.filter(indicator__programme=draft).exists()
    assert Measurement.objects.filter(indicator__programme__edition_year=2024).count() == 12


def test_westwijk_is_not_linked_so_it_gets_nothing(westwijk, national):
    """No Westwijk indicator follows a CBS definition exactly (docs/cbs.md), so none is linked."""
    report = import_table(SAMPLE_JSON, "85984NED")
    assert not westwijk.indicators.filter(national__isnull=False).exists()
    assert not Measurement.objects.exists()
    assert any("Westwijk" in note for note in report.notes)


def test_westwijk_demo_link_in_a_test_only(westwijk, national):
    """What a confirmed link would give: the Westwijk's income at city and national scale."""
    income = westwijk.indicators.get(slug="gemiddeld-inkomen")
    income.national = national["gemiddeld-inkomen-per-inwoner"]
    income.save()
    report = import_table(SAMPLE_JSON, "85984NED")
    assert {(m.scope, m.value) for m in income.measurements.all()} == {
        (Scope.CITY, D("32400")),
        (Scope.NETHERLANDS, D("36100")),
    }
    assert (
        "Westwijk: geen CBS-wijkcode ingevuld, dus geen cijfer op schaal wijk (1 indicator)."
        in report.notes
    )


def test_a_bad_row_refuses_the_whole_file(nieuwland, tmp_path):
    path = edited_sample(tmp_path, "BU06220302", "GemiddeldInkomenPerInwoner_78", "hoog")
    with pytest.raises(ImportRejected) as info:
        import_table(path, "85984NED")
    assert [(e.row, e.column, e.message) for e in info.value.errors] == [
        (8, "GemiddeldInkomenPerInwoner_78", "“hoog” is geen getal.")
    ]
    assert not Region.objects.exists()
    assert not Measurement.objects.exists()


def test_a_value_the_indicator_cannot_hold_refuses_the_file(nieuwland, tmp_path):
    path = edited_sample(tmp_path, "GM0606", "PersonenInArmoede_81", 104.5)
    with pytest.raises(ImportRejected) as info:
        import_table(path, "85984NED")
    assert [(e.row, e.column) for e in info.value.errors] == [(2, "PersonenInArmoede_81")]
    assert "Een percentage ligt tussen 0 en 100." in info.value.errors[0].message
    assert not Region.objects.exists()


def test_a_file_of_another_table_is_refused(national):
    with pytest.raises(ImportRejected) as info:
        import_table(SAMPLE_JSON, "85618NED")
    # The 2023 mapping's columns are not in a 2024 file, whatever the metadata says.
    assert {e.column for e in info.value.errors} == {
        "GemiddeldInkomenPerInwoner_81",
        "HuishoudensMetEenLaagInkomen_87",
        "PersonenPerSoortUitkeringBijstand_92",
        "Nettoarbeidsparticipatie_74",
    }


def test_the_table_in_the_metadata_must_match_the_mapping(national, tmp_path):
    document = json.loads(SAMPLE_JSON.read_text())
    document["odata.metadata"] = document["odata.metadata"].replace("85984NED", "85618NED")
    path = tmp_path / "tabel.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportRejected) as info:
        import_table(path, "85984NED")
    assert info.value.errors[0].message == (
        "Dit bestand is CBS-tabel 85618NED; de koppeling is voor tabel 85984NED."
    )


def test_national_indicators_must_be_loaded_first(db):
    with pytest.raises(MappingError) as info:
        import_table(SAMPLE_JSON, "85984NED")
    assert len(info.value.errors) == 4
    assert "manage.py load_national_indicators" in info.value.errors[0]


def test_dry_run_counts_but_stores_nothing(nieuwland, tmp_path):
    report = import_table(SAMPLE_JSON, "85984NED", dry_run=True)
    assert (report.regions_created, report.measurements_created) == (10, 12)
    assert not Region.objects.exists() and not Measurement.objects.exists()
    import_table(SAMPLE_JSON, "85984NED")
    path = edited_sample(tmp_path, "NL00", "Nettoarbeidsparticipatie_71", 70.1)
    report = import_table(path, "85984NED", dry_run=True)
    assert (report.measurements_corrected, report.measurements_unchanged) == (1, 11)
    assert not Measurement.objects.filter(superseded_at__isnull=False).exists()


def test_a_concurrent_import_is_refused_cleanly(nieuwland, monkeypatch):
    def clash(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(Region.objects, "bulk_create", clash)
    with pytest.raises(ImportRejected) as info:
        import_table(SAMPLE_JSON, "85984NED")
    assert info.value.errors[0].message == (
        "Tegelijk liep een andere CBS-import. Er is niets opgeslagen; probeer het opnieuw."
    )
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_query_count_does_not_grow_with_the_rows(nieuwland, tmp_path, fmt):
    """Same seed, same figures for the Netherlands: both measured runs find those stored.

    Inserts go in batches (SQLite allows ~250 regions per statement), so four times the rows
    may cost a few more statements, never one per row.
    """
    counts, sizes = [], []
    for municipalities in (3, 3, 12):
        path = tmp_path / f"tabel-{municipalities}.{fmt}"
        rows = write_synthetic_table(path, municipalities=municipalities, fmt=fmt)
        Region.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            report = import_table(path, "85984NED")
        assert (report.rows, report.regions_created) == (rows, rows)
        counts.append(len(queries))
        sizes.append(rows)
    assert sizes[2] - sizes[1] > 400
    assert counts[2] - counts[1] <= 3
