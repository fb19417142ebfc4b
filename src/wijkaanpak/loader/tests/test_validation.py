"""A broken data file is refused with a clear message and nothing is written."""

import copy
import json

import pytest
from django.core.management import CommandError, call_command

from wijkaanpak.areas.models import Area, Organisation
from wijkaanpak.loader.services import (
    DataFileError,
    bundled_data_files,
    load_programme,
    read_data_file,
)
from wijkaanpak.programme.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return read_data_file(bundled_data_files()[0])


def intervention(data, slug):
    return next(i for i in data["interventions"] if i["slug"] == slug)


def indicator(data, slug):
    return next(i for i in data["indicators"] if i["slug"] == slug)


def break_line(data):
    intervention(data, "krachtbus")["line"] = 9


def drop_goal_text(data):
    del data["lines"][1]["goals"][0]["text"]


def unknown_scope(data):
    indicator(data, "bereik-vve")["reference_values"][0]["scope"] = "europe"


def float_value(data):
    indicator(data, "bereik-vve")["reference_values"][0]["value"] = 3.1


def unknown_partner(data):
    intervention(data, "krachtbus")["partners"] = ["bestaat-niet"]


def unknown_horizon(data):
    indicator(data, "gemiddeld-inkomen")["targets"][0]["horizon"] = 10


def own_goal_link_missing(data):
    intervention(data, "beroepentuin")["goal_numbers"] = [7]


def typo_in_key(data):
    indicator(data, "bereik-vve")["polarty"] = indicator(data, "bereik-vve").pop("polarity")


def duplicate_slug(data):
    data["interventions"][1]["slug"] = data["interventions"][0]["slug"]


def metric_key_not_text(data):
    indicator(data, "meldingen-op-tijd-opgepakt")["metric_key"] = 5


def bad_date(data):
    data["horizons"][0]["due_on"] = "zomer 2024"


def unknown_theme(data):
    intervention(data, "alle-peuters-in-beeld")["themes"] = ["care", "opvoeding"]


def theme_twice(data):
    intervention(data, "alle-peuters-in-beeld")["themes"] = ["care", "care"]


def themes_not_a_list(data):
    intervention(data, "alle-peuters-in-beeld")["themes"] = "care"


def unknown_lead_partner(data):
    intervention(data, "krachtbus")["lead_partner"] = "bestaat-niet"


def ends_before_it_starts(data):
    intervention(data, "krachtbus").update(starts_on="2024-03-01", ends_on="2024-01-31")


def unknown_evidence_level(data):
    intervention(data, "krachtbus")["evidence_level"] = "bewezen"


def negative_capacity(data):
    intervention(data, "krachtbus")["planned_capacity"] = -5


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (
            unknown_theme,
            "interventions[0] (alle-peuters-in-beeld).themes[1]: onbekend thema 'opvoeding'; "
            "toegestaan: upbringing, care,",
        ),
        (theme_twice, "(alle-peuters-in-beeld).themes[1]: thema 'care' staat er twee keer"),
        (themes_not_a_list, "(alle-peuters-in-beeld).themes: moet een lijst zijn"),
        (
            unknown_lead_partner,
            "interventions[12] (krachtbus).lead_partner: onbekende organisatie 'bestaat-niet'",
        ),
        (ends_before_it_starts, "interventions[12] (krachtbus).ends_on: het einde ligt voor"),
        (unknown_evidence_level, "(krachtbus).evidence_level: onbekende waarde 'bewezen'"),
        (negative_capacity, "(krachtbus).planned_capacity: moet een heel getal van 0 of meer"),
        (break_line, "interventions[12] (krachtbus).line: onbekende lijn 9"),
        (drop_goal_text, "lines[1] (2).goals[0] (1).text: verplicht veld ontbreekt"),
        (unknown_scope, "indicators[0] (bereik-vve).reference_values[0] (europe).scope: onbekende"),
        (float_value, "indicators[0] (bereik-vve).reference_values[0] (netherlands).value"),
        (unknown_partner, "interventions[12] (krachtbus).partners: onbekende organisatie"),
        (unknown_horizon, "targets[0] (10).horizon: onbekende horizon van 10 jaar"),
        (own_goal_link_missing, "(beroepentuin).goal_numbers: lijn 3 heeft geen doel 7"),
        (typo_in_key, "indicators[0] (bereik-vve).polarty: onbekend veld"),
        (duplicate_slug, "interventions[1] (alle-peuters-in-beeld).slug: "),
        (bad_date, "horizons[0] (1).due_on: 'zomer 2024' is geen datum"),
        (metric_key_not_text, "(meldingen-op-tijd-opgepakt).metric_key: moet tekst zijn"),
    ],
)
def test_broken_file_is_refused_and_nothing_is_written(data, breakage, expected):
    broken = copy.deepcopy(data)
    breakage(broken)
    with pytest.raises(DataFileError) as error:
        load_programme(broken)
    assert any(expected in message for message in error.value.errors), error.value.errors
    assert not Area.objects.exists()
    assert not Organisation.objects.exists()


def test_a_claimed_goal_that_does_not_exist_is_not_a_loader_error(data):
    intervention(data, "krachtbus")["claimed_goal_numbers"] = [1, 9]
    load_programme(data)
    assert Programme.objects.get().interventions.get(slug="krachtbus").goals.count() == 1


def test_organisation_name_taken_by_another_slug(data):
    Organisation.objects.create(name="Irado", slug="irado-bv")
    with pytest.raises(DataFileError, match="al in gebruik bij organisatie 'irado-bv'"):
        load_programme(data)
    assert not Area.objects.exists()


def test_command_loads_bundled_files_and_prints_one_line_each(capsys):
    call_command("load_programme")
    first = capsys.readouterr().out.strip().splitlines()
    call_command("load_programme")
    second = capsys.readouterr().out.strip().splitlines()
    assert len(first) == len(second) == 1
    assert first[0].startswith("westwijk-2023.json: Uitvoeringsprogramma Wij de Westwijk (2023)")
    assert " 0 nieuw, 0 bijgewerkt" in second[0]


def test_command_with_a_broken_path_lists_the_errors(tmp_path, data):
    break_line(data)
    path = tmp_path / "kapot.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    with pytest.raises(CommandError, match="onbekende lijn 9"):
        call_command("load_programme", str(path))
    assert not Area.objects.exists()


def test_command_with_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="kan niet gelezen worden"):
        call_command("load_programme", str(tmp_path / "bestaat-niet.json"))
