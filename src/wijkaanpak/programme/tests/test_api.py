import datetime
from decimal import Decimal

import pytest
import yaml
from django.urls import reverse
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.programme.api.indicator_serializers import REASONS, STATUSES
from wijkaanpak.programme.domain.progress import Status
from wijkaanpak.programme.models import Indicator, Scope, Target
from wijkaanpak.programme.tests.factories import (
    GoalFactory,
    HorizonFactory,
    IndicatorFactory,
    MeasurementFactory,
    ProgrammeFactory,
    ProgrammeLineFactory,
    ReferenceValueFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def programme():
    return ProgrammeFactory(area=AreaFactory(slug="westwijk", name="Westwijk"))


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def indicator_with_figures(programme):
    """Baseline 10 on 2023-01-01, target 20 due 2027-01-01, measured 12.5 over 2023."""
    line = ProgrammeLineFactory(programme=programme, slug="kind", number=1)
    goal = GoalFactory(line=line, number=1)
    horizon = HorizonFactory(programme=programme, years=4, due_on=datetime.date(2027, 1, 1))
    indicator = IndicatorFactory(programme=programme, line=line, slug="schooladvies")
    indicator.goals.add(goal)
    ReferenceValueFactory(indicator=indicator, scope=Scope.AREA, value=Decimal("10"))
    ReferenceValueFactory(indicator=indicator, scope=Scope.NETHERLANDS, value=Decimal("54"))
    TargetFactory(indicator=indicator, horizon=horizon, value=Decimal("20"))
    MeasurementFactory(indicator=indicator, value=Decimal("12.5"))
    return indicator


def test_programme_shows_area_and_horizons(api, programme):
    HorizonFactory(programme=programme, years=1, due_on=datetime.date(2024, 7, 1))
    HorizonFactory(programme=programme, years=15, due_on=datetime.date(2038, 7, 1))

    [item] = results(api.get(reverse("v1:programme-list")))

    assert item["id"] == programme.pk
    assert item["area"]["slug"] == "westwijk"
    assert item["edition_year"] == 2023
    assert [h["years"] for h in item["horizons"]] == [1, 15]
    assert item["horizons"][0]["due_on"] == "2024-07-01"


def test_programmes_filter_by_area(api, programme):
    ProgrammeFactory(area=AreaFactory(slug="nieuwland"))

    items = results(api.get(reverse("v1:programme-list"), {"area": "westwijk"}))

    assert [p["id"] for p in items] == [programme.pk]


def test_lines_and_goals_filter_by_programme_and_area(api, programme):
    line = ProgrammeLineFactory(programme=programme, slug="kind", number=1)
    goal = GoalFactory(line=line, number=2)
    other = ProgrammeLineFactory(programme=ProgrammeFactory(area=AreaFactory(slug="elders")))
    GoalFactory(line=other)

    lines = results(api.get(reverse("v1:line-list"), {"programme": programme.pk}))
    goals = results(api.get(reverse("v1:goal-list"), {"area": "westwijk", "line": "kind"}))

    assert [(x["id"], x["goals"]) for x in lines] == [(line.pk, [goal.pk])]
    assert [(g["id"], g["number"], g["line"]["slug"], g["programme"]) for g in goals] == [
        (goal.pk, 2, "kind", programme.pk)
    ]


def test_indicator_shows_reference_values_targets_measurements_and_progress(api, programme):
    indicator = indicator_with_figures(programme)

    item = api.get(reverse("v1:indicator-detail", args=[indicator.pk])).json()

    assert item["slug"] == "schooladvies"
    assert item["line"]["slug"] == "kind"
    assert item["goals"] == [g.pk for g in indicator.goals.all()]
    assert {r["scope"]: r["value"] for r in item["reference_values"]} == {
        "area": "10.0000",
        "netherlands": "54.0000",
    }
    [target] = item["targets"]
    assert (target["horizon_years"], target["due_on"], target["value"], target["state"]) == (
        4,
        "2027-01-01",
        "20.0000",
        "agreed",
    )
    [measurement] = item["measurements"]
    assert measurement["value"] == "12.5000"
    assert (measurement["period_start"], measurement["period_end"]) == ("2023-01-01", "2023-12-31")
    assert measurement["source"] == "CBS Statline"
    assert measurement["entered_at"]
    assert "entered_by" not in measurement

    progress = item["progress"]
    # 364 of 1461 days on the line from 10 to 20: 12.4914 expected, 12.5 measured.
    assert progress["status"] == "on_track"
    assert progress["reason"] == "on_or_above_line"
    assert progress["latest"] == {"value": "12.5000", "date": "2023-12-31"}
    assert progress["next_target"] == {
        "horizon_years": 4,
        "due_on": "2027-01-01",
        "value": "20.0000",
        "agreed": True,
    }
    assert progress["expected_now"] == "12.4914"
    assert progress["change_since_baseline"] == "2.5000"
    assert progress["to_go_to_target"] == "7.5000"
    assert progress["to_go_to_netherlands"] == "41.5000"


def test_indicator_without_measurements_has_no_data_and_nulls(api, programme):
    indicator = IndicatorFactory(programme=programme)
    ReferenceValueFactory(indicator=indicator, scope=Scope.AREA)

    item = api.get(reverse("v1:indicator-detail", args=[indicator.pk])).json()

    assert item["measurements"] == []
    progress = item["progress"]
    assert progress["status"] == "no_data"
    assert progress["reason"] == "no_measurement"
    for field in (
        "latest",
        "next_target",
        "expected_now",
        "change_since_baseline",
        "to_go_to_target",
        "to_go_to_netherlands",
    ):
        assert progress[field] is None, field


def test_superseded_measurement_is_left_out(api, programme):
    indicator = IndicatorFactory(programme=programme)
    old = MeasurementFactory(indicator=indicator, value=Decimal("11"))
    old.superseded_at = datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
    old.save()
    MeasurementFactory(indicator=indicator, value=Decimal("13"), supersedes=old)

    item = api.get(reverse("v1:indicator-detail", args=[indicator.pk])).json()

    assert [m["value"] for m in item["measurements"]] == ["13.0000"]
    assert item["progress"]["latest"]["value"] == "13.0000"


def test_a_proposed_target_is_marked_as_proposal(api, programme):
    indicator = IndicatorFactory(programme=programme)
    horizon = HorizonFactory(programme=programme, years=15)
    TargetFactory(indicator=indicator, horizon=horizon, state=Target.State.PROPOSED, rule="regel")

    item = api.get(reverse("v1:indicator-detail", args=[indicator.pk])).json()

    assert item["targets"][0]["state"] == "proposed"
    assert item["targets"][0]["rule"] == "regel"


def test_indicators_filter_by_programme_area_line_goal_and_kind(api, programme):
    kept = indicator_with_figures(programme)
    goal = kept.goals.get()
    IndicatorFactory(programme=programme, kind=Indicator.Kind.EFFORT)
    IndicatorFactory(programme=ProgrammeFactory(area=AreaFactory(slug="elders")))
    url = reverse("v1:indicator-list")

    def ids(**params):
        return [i["id"] for i in results(api.get(url, params))]

    assert len(ids()) == 3
    assert len(ids(programme=programme.pk)) == 2
    assert len(ids(area="westwijk")) == 2
    assert ids(line="kind") == [kept.pk]
    assert ids(goal=goal.pk) == [kept.pk]
    assert ids(area="westwijk", kind="outcome") == [kept.pk]
    assert ids(area="nergens") == []


@pytest.mark.parametrize(
    "params",
    [
        {"programme": "abc"},
        {"programme": str(10**30)},  # would overflow the database driver: a 400, not a 500
        {"goal": "x"},
        {"kind": "both"},
        {"area": "no slug!"},
    ],
)
def test_bad_filter_value_is_a_clear_400(api, params):
    response = api.get(reverse("v1:indicator-list"), params)

    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_indicator_list_query_count_does_not_grow(api, programme, django_assert_max_num_queries):
    line = ProgrammeLineFactory(programme=programme)
    goal = GoalFactory(line=line)
    horizon = HorizonFactory(programme=programme, years=4)
    url = reverse("v1:indicator-list")

    def add_indicators(count):
        for _ in range(count):
            indicator = IndicatorFactory(programme=programme, line=line)
            indicator.goals.add(goal)
            ReferenceValueFactory(indicator=indicator, scope=Scope.AREA)
            ReferenceValueFactory(indicator=indicator, scope=Scope.CITY)
            TargetFactory(indicator=indicator, horizon=horizon)
            MeasurementFactory(indicator=indicator)
            MeasurementFactory(indicator=indicator, period_end=datetime.date(2024, 12, 31))

    def queries_for_list(expected_count):
        with django_assert_max_num_queries(12) as captured:
            assert len(results(api.get(url))) == expected_count
        return len(captured)

    add_indicators(2)
    few = queries_for_list(2)
    add_indicators(20)
    many = queries_for_list(22)

    assert many == few


def test_status_and_reason_choices_cover_the_engine():
    assert {code for code, _ in STATUSES} == {s.value for s in Status}
    assert {
        "qualitative",
        "no_measurement",
        "no_target",
        "target_reached",
        "no_baseline",
        "on_or_above_line",
        "below_line",
    } == {code for code, _ in REASONS}


ENDPOINTS = ["programme", "line", "goal", "indicator"]


@pytest.mark.parametrize("basename", ENDPOINTS)
@pytest.mark.parametrize("logged_in", [False, True])
def test_writes_are_refused(api, programme, basename, logged_in, login_verified):
    indicator = indicator_with_figures(programme)
    ids = {
        "programme": programme.pk,
        "line": indicator.line_id,
        "goal": indicator.goals.get().pk,
        "indicator": indicator.pk,
    }
    if logged_in:
        login_verified(api, UserFactory(is_staff=True, is_superuser=True))
    list_url = reverse(f"v1:{basename}-list")
    detail_url = reverse(f"v1:{basename}-detail", args=[ids[basename]])

    responses = [
        api.post(list_url, {"name": "x"}, format="json"),
        api.put(detail_url, {"name": "x"}, format="json"),
        api.patch(detail_url, {"name": "x"}, format="json"),
        api.delete(detail_url),
    ]

    assert [r.status_code for r in responses] == [405] * 4
    assert api.get(detail_url).status_code == 200


def test_unknown_id_is_404(api):
    assert api.get(reverse("v1:indicator-detail", args=[999999])).status_code == 404


def test_schema_is_valid_openapi_3_1(api):
    response = api.get(reverse("api-schema"))

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/indicators/" in schema["paths"]
    assert "/api/v1/interventions/" in schema["paths"]
    for path, operations in schema["paths"].items():
        # The programme API is read-only; only the handlers' report API and the referrals
        # API (staff on either side of a referral) have actions.
        if not path.startswith(("/api/v1/reports/", "/api/v1/referrals/")):
            assert set(operations) <= {"get", "parameters"}, path
        for operation in operations.values():
            assert operation.get("summary") or operation.get("description"), path
    progress = schema["components"]["schemas"]["Progress"]["properties"]
    assert {"string", "null"} <= set(progress["expected_now"]["type"])


def test_schema_validates_against_the_openapi_3_1_json_schema(api):
    schema = yaml.safe_load(api.get(reverse("api-schema")).content)

    validate_schema(schema)  # raises on any violation


def test_docs_page_renders(api):
    response = api.get(reverse("api-docs"))

    assert response.status_code == 200
    assert b"redoc" in response.content.lower()
    assert reverse("api-schema").encode() in response.content


def test_programme_progress_counts_indicators_per_status(api, programme):
    indicator_with_figures(programme)  # on track, on line "kind"
    other_line = ProgrammeLineFactory(programme=programme, slug="ouders", number=2)
    IndicatorFactory(programme=programme, line=other_line)  # no data

    response = api.get(reverse("v1:programme-progress", args=[programme.pk]))

    assert response.status_code == 200
    data = response.json()
    assert data["programme"] == programme.pk
    assert data["ambition"]["total"] == 2
    assert data["ambition"]["counts"] == {
        "achieved": 0,
        "on_track": 1,
        "behind": 0,
        "no_data": 1,
        "no_target": 0,
    }
    assert data["ambition"]["completeness"]["with_baseline"] == 1
    assert [(x["slug"], x["total"]) for x in data["lines"]] == [("kind", 1), ("ouders", 1)]
    assert data["lines"][1]["counts"]["no_data"] == 1


def test_progress_of_a_programme_without_indicators_has_null_score(api, programme):
    data = api.get(reverse("v1:programme-progress", args=[programme.pk])).json()

    assert data["ambition"]["total"] == 0
    assert data["ambition"]["completeness"]["score"] is None


def test_data_quality_findings_of_a_programme(api, programme):
    IndicatorFactory(programme=programme, name="Zonder nulmeting", slug="zonder-nulmeting")
    programme.source_notes.create(
        key="onleesbaar", kind="illegible", subject="Werk", description="Onleesbaar"
    )

    response = api.get(reverse("v1:programme-data-quality", args=[programme.pk]))

    assert response.status_code == 200
    findings = response.json()
    assert isinstance(findings, list)
    baseline = next(f for f in findings if f["check"] == "indicator_without_baseline")
    assert baseline["severity"] == "warning"
    assert baseline["subject"] == "Zonder nulmeting"
    assert baseline["message"]
    assert baseline["url"] == "http://testserver/westwijk/indicatoren/zonder-nulmeting/"
    assert {"check", "severity", "subject", "message", "source_reference", "url"} == set(baseline)
    assert any(f["subject"] == "Werk" for f in findings)


def test_data_quality_of_unknown_programme_is_404(api):
    assert api.get(reverse("v1:programme-data-quality", args=[424242])).status_code == 404
