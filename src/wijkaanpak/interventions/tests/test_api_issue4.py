"""API of issue 4: lifecycle fields, status history, evaluations, money and reach (read-only)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.interventions.models import (
    AgeBand,
    Evaluation,
    Intervention,
    ReachRecord,
    SpendingEntry,
    StatusChange,
)
from wijkaanpak.interventions.services.lifecycle import change_status
from wijkaanpak.interventions.tests.factories import InterventionFactory

pytestmark = pytest.mark.django_db
S = Intervention.Status
D = datetime.date
TODAY = timezone.localdate()


@pytest.fixture
def api():
    return APIClient()


def detail(api, intervention, suffix=""):
    name = f"v1:intervention-{suffix or 'detail'}"
    response = api.get(reverse(name, args=[intervention.pk]))
    assert response.status_code == 200, response.content
    return response.json()


def test_lifecycle_fields_history_and_evaluations(api):
    lead = OrganisationFactory(name="Minters", slug="minters")
    intervention = InterventionFactory(
        status=S.IN_PREPARATION,
        lead_partner=lead,
        themes=["upbringing", "care"],
        starts_on=D(2023, 9, 1),
        recurrence="elke maand",
        planned_capacity=20,
        budget_cents=150000,
        databank_reference="Movisie",
    )
    change_status(intervention, S.RUNNING, on=D(2023, 9, 1), reason="Gestart", user=UserFactory())
    Evaluation.objects.create(
        intervention=intervention,
        evaluated_on=D(2024, 6, 1),
        method="Gesprekken",
        evaluator="Hogeschool",
        findings="Werkt",
        judgement=Evaluation.Judgement.ADJUST,
        evidence_level="well_described",
    )
    item = detail(api, intervention)
    assert item["status"] == "running"
    assert item["lead_partner"]["slug"] == "minters"
    assert item["themes"] == ["upbringing", "care"]
    assert (item["starts_on"], item["ends_on"]) == ("2023-09-01", None)
    assert (item["recurrence"], item["planned_capacity"], item["budget_cents"]) == (
        "elke maand",
        20,
        150000,
    )
    assert item["evidence_level"] == "not_assessed"
    assert item["databank_reference"] == "Movisie"
    assert item["previous"] is None
    assert item["status_history"] == [
        {
            "changed_on": "2023-09-01",
            "from_status": "in_preparation",
            "to_status": "running",
            "reason": "Gestart",
        }
    ]
    # Who changed it is not public.
    assert "changed_by" not in item["status_history"][0]
    [evaluation] = item["evaluations"]
    assert evaluation["judgement"] == "adjust"
    assert evaluation["evaluator"] == "Hogeschool"
    assert "entered_by" not in evaluation
    expected = D(2025, 6, 1) < TODAY
    assert item["needs_evaluation"] is expected


def test_needs_evaluation_in_list(api):
    late = InterventionFactory(status=S.RUNNING, starts_on=TODAY - datetime.timedelta(days=400))
    fresh = InterventionFactory(status=S.RUNNING, starts_on=TODAY)
    response = api.get(reverse("v1:intervention-list"))
    flags = {i["id"]: i["needs_evaluation"] for i in response.json()["results"]}
    assert flags == {late.pk: True, fresh.pk: False}


def test_list_does_not_grow_queries_per_intervention(api, django_assert_max_num_queries):
    for _ in range(5):
        intervention = InterventionFactory()
        StatusChange.objects.create(
            intervention=intervention,
            from_status=S.IN_PREPARATION,
            to_status=S.RUNNING,
            changed_on=D(2024, 1, 1),
            reason="Start",
        )
    with django_assert_max_num_queries(12):
        api.get(reverse("v1:intervention-list"))


def test_money_summary(api):
    intervention = InterventionFactory(budget_cents=100000)
    for kind, cents in (("committed", 80000), ("spent", 30000), ("spent", 90001)):
        SpendingEntry.objects.create(
            intervention=intervention, kind=kind, amount_cents=cents, on=D(2024, 3, 1), note="x"
        )
    assert detail(api, intervention, "money") == {
        "budget_cents": 100000,
        "committed_cents": 80000,
        "spent_cents": 120001,
        "remaining_cents": -20001,
        "overspent": True,
    }


def test_money_without_budget_says_null(api):
    money = detail(api, InterventionFactory(budget_cents=None), "money")
    assert money == {
        "budget_cents": None,
        "committed_cents": 0,
        "spent_cents": 0,
        "remaining_cents": None,
        "overspent": None,
    }


def test_reach_summary(api):
    intervention = InterventionFactory()
    hood = NeighbourhoodFactory(area=intervention.programme.area, name="Babberspolder")
    rows = [
        (D(2024, 1, 1), D(2024, 3, 31), AgeBand.CHILDREN_4_12, hood, 12, 3),
        (D(2024, 4, 1), D(2024, 6, 30), AgeBand.PARENTS_ADULTS, None, 5, None),
        (D(2025, 1, 1), D(2025, 1, 31), AgeBand.CHILDREN_4_12, hood, 4, 1),
    ]
    for start, end, band, neighbourhood, participants, activities in rows:
        ReachRecord.objects.create(
            intervention=intervention,
            period_start=start,
            period_end=end,
            age_band=band,
            neighbourhood=neighbourhood,
            participants=participants,
            activities_held=activities,
            source="Presentielijst",
        )
    reach = detail(api, intervention, "reach")
    assert reach[0] == {
        "year": 2024,
        "participants": 17,
        "activities": 3,
        "by_age_band": [
            {"age_band": "4-12", "participants": 12},
            {"age_band": "adults", "participants": 5},
        ],
        "by_neighbourhood": [
            {"neighbourhood": "Babberspolder", "participants": 12},
            {"neighbourhood": None, "participants": 5},
        ],
    }
    assert (reach[1]["year"], reach[1]["participants"]) == (2025, 4)


@pytest.mark.parametrize("suffix", ["detail", "money", "reach"])
def test_api_offers_no_writing(api, login_verified, suffix):
    intervention = InterventionFactory()
    user = UserFactory(permissions=["interventions.change_intervention"])
    login_verified(api, user)
    target = reverse(f"v1:intervention-{suffix}", args=[intervention.pk])
    for method in ("post", "put", "patch", "delete"):
        assert getattr(api, method)(target, {}).status_code in (403, 405)
    assert Intervention.objects.filter(pk=intervention.pk).exists()
    assert not SpendingEntry.objects.exists()


def test_unknown_intervention_is_404(api):
    assert api.get(reverse("v1:intervention-money", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_a_draft_editions_interventions_are_not_public(client):
    from wijkaanpak.interventions.tests.factories import InterventionFactory
    from wijkaanpak.programme.models import Programme

    draft = InterventionFactory(programme__state=Programme.State.DRAFT)
    adopted = InterventionFactory()
    ids = {row["id"] for row in client.get("/api/v1/interventions/").json()["results"]}
    assert adopted.pk in ids
    assert draft.pk not in ids
    assert client.get(f"/api/v1/interventions/{draft.pk}/").status_code == 404
