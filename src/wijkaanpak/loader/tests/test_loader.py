"""The bundled Westwijk 2023 file loads completely, faithfully and repeatably."""

import copy
import datetime
from decimal import Decimal

import pytest

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Area, Neighbourhood, Organisation, Place
from wijkaanpak.interventions.models import Intervention, Theme
from wijkaanpak.loader.services import (
    bundled_data_files,
    load_programme,
    read_data_file,
)
from wijkaanpak.programme.models import (
    Goal,
    Horizon,
    Indicator,
    Measurement,
    Programme,
    ProgrammeLine,
    ReferenceValue,
    SourceNote,
    Target,
)
from wijkaanpak.programme.tests.factories import MeasurementFactory

pytestmark = pytest.mark.django_db

ALL_MODELS = [
    Area, Neighbourhood, Organisation, Place, Programme, Horizon, ProgrammeLine, Goal,
    Indicator, ReferenceValue, Target, SourceNote, Intervention,
]  # fmt: skip


@pytest.fixture
def data():
    return read_data_file(bundled_data_files()[0])


@pytest.fixture
def programme(data):
    load_programme(data)
    return Programme.objects.get(area__slug="westwijk", edition_year=2023)


def reference_values(slug):
    return {r.scope: r.value for r in ReferenceValue.objects.filter(indicator__slug=slug)}


def targets(slug):
    return {
        t.horizon.years: (t.value, t.state)
        for t in Target.objects.filter(indicator__slug=slug).select_related("horizon")
    }


def dump():
    """Every row of every loaded model, with its many-to-many links."""
    rows = {}
    for model in ALL_MODELS:
        m2m = [f.name for f in model._meta.many_to_many]
        rows[model.__name__] = [
            (
                {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields},
                {name: sorted(getattr(obj, name).values_list("pk", flat=True)) for name in m2m},
            )
            for obj in model.objects.order_by("pk")
        ]
    return rows


def test_the_reports_indicator_is_computed_from_its_metric(programme):
    indicator = programme.indicators.get(slug="meldingen-op-tijd-opgepakt")
    assert indicator.metric_key == "reports.pickup_within_5_working_days"
    assert (indicator.line.number, indicator.kind, indicator.decimals) == (5, "effort", 1)
    assert indicator.source_reference == "regel 2714-2717"
    assert programme.indicators.exclude(metric_key="").count() == 1


def test_a_metric_key_left_out_of_the_file_is_cleared(programme, data):
    changed = copy.deepcopy(data)
    item = next(i for i in changed["indicators"] if i["slug"] == "meldingen-op-tijd-opgepakt")
    del item["metric_key"]
    load_programme(changed)
    assert programme.indicators.get(slug="meldingen-op-tijd-opgepakt").metric_key == ""


def test_there_is_one_bundled_file():
    assert [p.name for p in bundled_data_files()] == ["westwijk-2023.json"]


def test_area_and_neighbourhoods(programme):
    area = programme.area
    assert (area.name, area.municipality, area.municipality_cbs_code, area.postcode_area) == (
        "Westwijk",
        "Vlaardingen",
        "GM0622",
        "3132",
    )
    assert "A20" in area.description and "Marathonweg" in area.description
    roles = {}
    for n in area.neighbourhoods.all():
        roles.setdefault(n.role, set()).add(n.name)
    assert roles == {
        "quadrant": {"Lage Weide", "Wetering", "Hoogkamer", "Zuidbuurt"},
        "adjoining": {"Krabbeplas", "Vergulde Hand West"},
        "watched": {"Rivierzone", "Vettenoord", "Holy", "Indische buurt"},
    }
    # The source names only two of the three IKCs; the third is not invented.
    assert set(area.places.values_list("name", flat=True)) == {
        "IKC De Wereldwijzer",
        "Kindcentrum Prins Willem-Alexander",
    }


def test_programme_and_horizons(programme):
    assert programme.title == "Uitvoeringsprogramma Wij de Westwijk"
    assert programme.ambition.startswith("Onze ambitie: binnen vijftien jaar")
    assert "landelijke gemiddelde" in programme.ambition_summary
    assert [(h.years, h.due_on) for h in programme.horizons.order_by("years")] == [
        (1, datetime.date(2024, 6, 30)),
        (4, datetime.date(2027, 6, 30)),
        (15, datetime.date(2038, 6, 30)),
    ]


def test_lines_and_goals(programme):
    lines = programme.lines.order_by("number")
    assert [(line.slug, line.goals.count()) for line in lines] == [
        ("kind", 4),
        ("ouders", 5),
        ("werk-en-opleiding", 3),
        ("veiligheid", 5),
        ("leefbaarheid", 4),
    ]
    assert lines.get(number=1).ambition == "Garandeer kansen"
    assert lines.get(number=2).goals.get(number=1).text.startswith("Meer gezinnen kunnen")


def test_indicators_counts_and_kinds(programme):
    indicators = programme.indicators
    assert indicators.count() == 21
    assert indicators.filter(kind=Indicator.Kind.EFFORT).count() == 4
    assert indicators.filter(unit=Indicator.Unit.QUALITATIVE).count() == 2
    assert ReferenceValue.objects.filter(indicator__programme=programme).count() == 29
    assert Target.objects.filter(indicator__programme=programme, state="agreed").count() == 10


def test_debt_restructuring_values(programme):
    indicator = programme.indicators.get(slug="schuldsanering-per-1000")
    assert indicator.polarity == Indicator.Polarity.LOWER_IS_BETTER
    assert indicator.unit == Indicator.Unit.PER_THOUSAND
    assert reference_values(indicator.slug) == {
        "netherlands": Decimal(17),
        "city": Decimal(26),
        "area": Decimal(39),
    }
    assert targets(indicator.slug) == {4: (Decimal(26), "agreed"), 15: (Decimal(17), "agreed")}


def test_poverty_is_read_as_7_1_and_the_correction_is_recorded(programme):
    assert reference_values("kinderen-in-armoede") == {
        "netherlands": Decimal("7.1"),
        "city": Decimal("10.9"),
        "area": Decimal("15.5"),
    }
    note = programme.source_notes.get(key="armoede-nl-71")
    assert note.kind == SourceNote.Kind.OCR_CORRECTION
    assert "71" in note.source_text
    assert note.source_reference == "regel 1492"


def test_average_income(programme):
    assert reference_values("gemiddeld-inkomen") == {
        "netherlands": Decimal(27000),
        "city": Decimal(25400),
        "area": Decimal(22000),
    }
    assert targets("gemiddeld-inkomen") == {
        4: (Decimal(25400), "agreed"),
        15: (Decimal(27000), "agreed"),
    }


@pytest.mark.parametrize(
    ("slug", "scopes", "horizons"),
    [
        ("verzuim-po", set(), set()),
        ("welbevinden-kinderen", set(), set()),
        ("laaggeletterdheid-ouders", {"netherlands", "city"}, set()),
        ("schuldsanering-per-1000", {"netherlands", "city", "area"}, {4, 15}),
        ("huishoudens-met-uitkering", set(), set()),  # the OCR '4' is not trusted
        ("inkomen-uit-arbeid", set(), set()),
        ("werkloze-jongeren", set(), set()),
        ("bereik-vve", {"netherlands", "city", "area"}, set()),
    ],
)
def test_empty_cells_are_absent_not_zero(programme, slug, scopes, horizons):
    assert set(reference_values(slug)) == scopes
    assert set(targets(slug)) == horizons


def test_every_value_is_traceable(programme):
    for ref in ReferenceValue.objects.all():
        assert ref.reference_date == datetime.date(2023, 1, 1)
        assert ref.source.startswith("Uitvoeringsprogramma Wij de Westwijk 2023, tabel")
        assert ref.source_reference.startswith("regel ")
    for target in Target.objects.all():
        assert target.source_reference.startswith("regel ")
    assert programme.source_notes.filter(key="peildatum-onbekend").exists()


def test_illegible_work_table_is_documented(programme):
    notes = programme.source_notes.filter(kind=SourceNote.Kind.ILLEGIBLE)
    assert notes.count() == 4
    assert "% huishoudens 4" in notes.get(key="werk-uitkering-onleesbaar").source_text
    assert "66" in notes.get(key="werk-ambitie-losse-cijfers").source_text
    assert programme.source_notes.filter(key="vuil-ophalen-afgebroken", kind="cut_off").exists()


def test_defects_left_to_the_computed_checks_are_not_notes(programme):
    text = " ".join(programme.source_notes.values_list("subject", flat=True)).lower()
    for word in ["vitamine", "schuldenlab", "study", "nummering"]:
        assert word not in text


def test_numbered_interventions(programme):
    numbered = programme.interventions.filter(number__isnull=False)
    assert list(numbered.filter(line__number=1).values_list("number", flat=True)) == list(
        range(1, 12)
    )
    assert list(numbered.filter(line__number=2).values_list("number", flat=True)) == [
        *range(1, 8),
        *range(12, 17),
    ]


def test_vitamine_g_keeps_its_claim_but_links_only_existing_goals(programme):
    vitamine_g = programme.interventions.get(slug="vitamine-g")
    assert vitamine_g.claimed_goal_numbers == [3, 4, 5, 6]
    assert sorted(vitamine_g.goals.values_list("number", flat=True)) == [3, 4, 5]


@pytest.mark.parametrize(
    ("slug", "header", "in_text"),
    [
        ("experiment-schuldenlab-mvs", (12, 27), (18, 27)),
        ("study-and-chill", (4, 27), (10, None)),
        ("zakgeldproject", (12, 21), (None, None)),
        ("alle-peuters-in-beeld", (0, 4), (None, None)),
    ],
)
def test_ages(programme, slug, header, in_text):
    item = programme.interventions.get(slug=slug)
    assert (item.age_min, item.age_max) == header
    assert (item.age_min_in_text, item.age_max_in_text) == in_text


def test_work_interventions_and_measures(programme):
    work = programme.interventions.filter(line__number=3)
    assert work.count() == 5
    assert not work.filter(number__isnull=False).exists()
    assert set(work.values_list("theme", flat=True)) == {
        "Van huis naar werk",
        "Van werk naar werk",
        "Van opleiding naar werk",
    }
    beroepentuin = work.get(slug="beroepentuin")
    assert list(beroepentuin.partners.values_list("slug", flat=True)) == ["stroomopwaarts"]
    assert list(beroepentuin.goals.values_list("number", flat=True)) == [1]

    measures = programme.interventions.filter(kind=Intervention.Kind.MEASURE)
    assert measures.filter(line__number=4).count() == 27
    assert measures.filter(line__number=5).count() == 14
    assert measures.filter(theme="Schoon en heel").count() == 7


def test_partners(programme):
    organisations = Organisation.objects.filter(areas=programme.area)
    assert organisations.count() == 25
    kinds = dict(organisations.values_list("slug", "kind"))
    assert kinds["waterweg-wonen"] == "housing"
    assert kinds["stroomopwaarts"] == "work_income"
    assert kinds["irado"] == "waste"
    assert kinds["ikc-de-wereldwijzer"] == "school"


def test_second_run_changes_nothing(data):
    first = load_programme(data)
    before = dump()
    second = load_programme(copy.deepcopy(data))
    assert first.total("created") == sum(len(rows) for rows in before.values())
    assert (second.total("created"), second.total("updated")) == (0, 0)
    assert second.total("unchanged") == first.total("created")
    assert not second.changed
    assert dump() == before


def test_second_run_is_cheap(data, django_assert_max_num_queries):
    load_programme(data)
    with django_assert_max_num_queries(40):
        load_programme(data)


def test_a_changed_field_is_restored_and_counted(programme, data):
    Indicator.objects.filter(slug="bereik-vve").update(name="Iets anders")
    result = load_programme(data)
    assert Indicator.objects.get(slug="bereik-vve").name == "Bereik VVE"
    assert result.counts["Indicator"].updated == 1
    assert result.total("updated") == 1


def test_a_confirmed_agreed_target_is_kept(programme, data):
    target = Target.objects.get(indicator__slug="schuldsanering-per-1000", horizon__years=4)
    target.value = Decimal("30")
    target.confirmed_by = UserFactory()
    target.save()
    result = load_programme(data)
    target.refresh_from_db()
    assert target.value == Decimal("30")
    assert result.counts["Target"].skipped == 1


def test_an_unconfirmed_target_is_corrected(programme, data):
    Target.objects.filter(indicator__slug="schuldsanering-per-1000", horizon__years=4).update(
        value=Decimal("30"), state=Target.State.PROPOSED
    )
    load_programme(data)
    assert targets("schuldsanering-per-1000")[4] == (Decimal(26), "agreed")


def test_measurements_are_left_alone(programme, data):
    indicator = Indicator.objects.get(slug="bereik-vve")
    measurement = MeasurementFactory(indicator=indicator, value=Decimal("14"))
    load_programme(data)
    assert list(Measurement.objects.values_list("pk", "value")) == [(measurement.pk, Decimal("14"))]


def test_status_changed_in_the_application_is_kept(programme, data):
    Intervention.objects.filter(slug="krachtbus").update(status=Intervention.Status.RUNNING)
    load_programme(data)
    assert Intervention.objects.get(slug="krachtbus").status == Intervention.Status.RUNNING


def test_every_intervention_has_themes_read_from_its_description(programme):
    interventions = programme.interventions.all()
    assert interventions.count() == 69
    assert all(i.themes for i in interventions)
    assert all(set(i.themes) <= set(Theme.values) for i in interventions)
    used = {code for i in interventions for code in i.themes}
    assert used == set(Theme.values)


@pytest.mark.parametrize(
    ("slug", "themes"),
    [
        ("alle-peuters-in-beeld", ["care", "education"]),
        ("voorzieningenwijzer", ["money"]),
        ("taalcafes-op-school", ["education"]),
        ("centering-parenting", ["upbringing", "care"]),
        ("wijkschouw", ["public_space"]),
        ("aanpak-woonoverlast", ["housing", "nuisance"]),
    ],
)
def test_spot_themes(programme, slug, themes):
    assert programme.interventions.get(slug=slug).themes == themes


def test_the_theme_reading_is_recorded_as_ours(programme):
    note = programme.source_notes.get(key="thema-indeling-door-wijkaanpak")
    assert note.kind == SourceNote.Kind.AMBIGUOUS
    assert "niet" in note.description and "lezing" in note.description


def test_lead_partners_only_where_the_source_names_one(programme):
    leads = dict(
        programme.interventions.filter(lead_partner__isnull=False).values_list(
            "slug", "lead_partner__slug"
        )
    )
    assert len(leads) == 16
    assert leads["leven-lang-ontwikkelen"] == "river-board"
    assert leads["alle-peuters-in-beeld"] == "cjg"
    assert "ontwikkeling-zuidbuurt" not in leads  # Era and the municipality together


def test_schedule_and_capacity_where_the_source_gives_them(programme):
    krachtbus = programme.interventions.get(slug="krachtbus")
    assert krachtbus.recurrence == "drie maanden achter elkaar, elke week of om de week"
    assert programme.interventions.get(slug="100-jongeren-next-society").planned_capacity == 50
    assert programme.interventions.get(slug="wijkschouw").recurrence == "elk kwartaal"
    centering = programme.interventions.get(slug="centering-parenting")
    assert (centering.age_min, centering.age_max) == (0, 4)


def test_lifecycle_fields_changed_in_the_application_are_kept(programme, data):
    Intervention.objects.filter(slug="krachtbus").update(
        themes=["leisure"], lead_partner=Organisation.objects.get(slug="minters")
    )
    result = load_programme(data)
    krachtbus = Intervention.objects.get(slug="krachtbus")
    assert (krachtbus.themes, krachtbus.lead_partner.slug) == (["leisure"], "minters")
    assert not result.changed


def test_empty_lifecycle_fields_are_filled_from_the_file(programme, data):
    # A database loaded before the file had themes gets them on the next run.
    Intervention.objects.update(themes=[], lead_partner=None, recurrence="")
    result = load_programme(data)
    assert Intervention.objects.get(slug="wijkschouw").themes == ["public_space"]
    assert Intervention.objects.get(slug="onwijze-moeders").lead_partner.slug == "politie"
    assert result.counts["Intervention"].updated == 69
    assert not load_programme(data).changed


def test_dates_and_evidence_from_a_file(programme, data):
    item = next(i for i in data["interventions"] if i["slug"] == "vitamine-g")
    item.update(
        starts_on="2023-09-01",
        ends_on="2024-08-31",
        evidence_level="well_described",
        databank_reference="Movisie, Databank Effectieve sociale interventies",
    )
    load_programme(data)
    vitamine_g = Intervention.objects.get(slug="vitamine-g")
    assert (vitamine_g.starts_on, vitamine_g.ends_on) == (
        datetime.date(2023, 9, 1),
        datetime.date(2024, 8, 31),
    )
    assert vitamine_g.evidence_level == "well_described"
    assert vitamine_g.databank_reference.startswith("Movisie")


def test_a_file_period_that_clashes_with_the_application_is_not_half_applied(programme, data):
    Intervention.objects.filter(slug="vitamine-g").update(starts_on=datetime.date(2025, 1, 1))
    item = next(i for i in data["interventions"] if i["slug"] == "vitamine-g")
    item["ends_on"] = "2024-08-31"
    load_programme(data)
    vitamine_g = Intervention.objects.get(slug="vitamine-g")
    assert (vitamine_g.starts_on, vitamine_g.ends_on) == (datetime.date(2025, 1, 1), None)
