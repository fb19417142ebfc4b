"""Edition pages: who may see and change what, and the flow from draft to adopted."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from wijkaanpak.areas.tests.factories import join_areas
from wijkaanpak.interventions.models import Intervention
from wijkaanpak.programme.models import Programme, Target
from wijkaanpak.programme.services import editions

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(db):
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def coordinator(roles, django_user_model, westwijk):
    user = django_user_model.objects.create_user("coord", is_staff=True)
    user.groups.add(Group.objects.get(name="programme_coordinator"))
    return join_areas(user, westwijk.area)


@pytest.fixture
def steering(roles, django_user_model, westwijk):
    user = django_user_model.objects.create_user("stuur", is_staff=True)
    user.groups.add(Group.objects.get(name="steering_group_member"))
    return join_areas(user, westwijk.area)


@pytest.fixture
def draft(westwijk):
    return editions.start_edition(westwijk, year=2024, user=None)


def url(name, *args):
    from django.urls import reverse

    namespace = "interventions" if name == "edition-status" else "programme"
    return reverse(f"{namespace}:{name}", args=["westwijk", *args])


def test_public_sees_no_draft(client, draft):
    assert client.get(url("edition", 2024)).status_code == 404
    assert client.get(url("edition", 2023)).status_code == 200
    response = client.get(url("editions"))
    assert response.status_code == 200
    assert "Editie 2024" not in response.text
    # A draft in the comparison is a 404 for the public; the default compares adopted ones.
    assert client.get(url("edition-diff") + "?van=2023&naar=2024").status_code == 404
    assert client.get(url("edition-diff") + "?van=abc").status_code == 404
    response = client.get(url("edition-diff"))
    assert response.status_code == 200
    assert "nog maar één editie" in response.text
    assert client.get(url("overview")).context["programme"].edition_year == 2023


def test_steering_group_reads_the_draft_but_may_not_change_it(
    client, login_verified, steering, draft
):
    login_verified(client, steering)
    assert client.get(url("edition", 2024)).status_code == 200
    response = client.get(url("edition-diff") + "?van=2023&naar=2024")
    assert response.status_code == 200 and response.context["new"] == draft
    indicator = draft.indicators.first()
    intervention = draft.interventions.first()
    goal = draft.lines.first().goals.first()
    for path in (
        url("edition-adopt", 2024),
        url("edition-target", 2024, indicator.slug),
        url("edition-status", 2024, intervention.pk),
        url("edition-goal-remove", 2024, goal.pk),
        url("edition-story", 2024, indicator.slug),
        url("edition-start"),
    ):
        assert client.post(path, {}).status_code == 403, path
    draft.refresh_from_db()
    assert draft.state == Programme.State.DRAFT


def test_anonymous_is_sent_to_login_for_staff_pages(client, draft):
    response = client.post(url("edition-adopt", 2024), {"change_rationale": "x"})
    assert response.status_code == 302 and "inloggen" in response["Location"]
    draft.refresh_from_db()
    assert draft.state == Programme.State.DRAFT


def test_coordinator_starts_edits_and_adopts(client, login_verified, coordinator, westwijk):
    login_verified(client, coordinator)
    response = client.post(url("edition-start"), {"year": "2024"})
    assert response.status_code == 302
    draft = Programme.objects.get(edition_year=2024)
    assert draft.state == Programme.State.DRAFT

    response = client.post(url("edition-start"), {"year": "2024"})
    assert response.status_code == 200
    assert "Er is al een editie 2024" in response.text

    indicator = draft.indicators.get(slug="schuldsanering-per-1000")
    horizon = draft.horizons.get(years=4)
    response = client.post(
        url("edition-target", 2024, indicator.slug), {"horizon": horizon.pk, "value": "27.000"}
    )
    assert response.status_code == 200  # thousands separator refused, nothing stored
    assert "Waarde" in response.text or "waarde" in response.text
    response = client.post(
        url("edition-target", 2024, indicator.slug), {"horizon": horizon.pk, "value": "30,5"}
    )
    assert response.status_code == 302
    assert str(Target.objects.get(indicator=indicator, horizon=horizon).value) == "30.5000"

    running = draft.interventions.filter(status=Intervention.Status.RUNNING).first()
    assert running is not None
    path = url("edition-status", 2024, running.pk)
    response = client.post(path, {"to_status": "stopped", "on": "2024-01-15", "reason": ""})
    assert response.status_code == 200 and "reden" in response.text.lower()
    response = client.post(
        path, {"to_status": "stopped", "on": "2024-01-15", "reason": "Geen effect gemeten"}
    )
    assert response.status_code == 302

    response = client.post(url("edition-adopt", 2024), {"change_rationale": ""})
    assert response.status_code == 200
    assert "Schrijf eerst op wat er verandert" in response.text
    response = client.post(url("edition-adopt", 2024), {"change_rationale": "Lessen van 2023."})
    assert response.status_code == 302
    assert response["Location"].endswith("?van=2023&naar=2024")
    draft.refresh_from_db()
    assert draft.state == Programme.State.ADOPTED and draft.adopted_by == coordinator

    diff = client.get(response["Location"]).context["diff"]
    counts = {k: v for k, v in diff.counts().items() if v}
    assert counts == {"targets_moved": 1, "interventions_stopped": 1}
    # Adopted: the edit pages are gone, the public sees 2024.
    assert client.get(url("edition-target", 2024, indicator.slug)).status_code == 404
    client.logout()
    assert client.get(url("overview")).context["programme"].edition_year == 2024
    assert client.get(url("edition-diff")).context["diff"].counts()["targets_moved"] == 1


def test_goals_are_added_changed_and_removed(client, login_verified, coordinator, draft):
    login_verified(client, coordinator)
    line = draft.lines.get(slug="kind")
    response = client.post(url("edition-goal-add", 2024, "kind"), {"text": ""})
    assert response.status_code == 200 and "Schrijf het doel op." in response.text
    response = client.post(url("edition-goal-add", 2024, "kind"), {"text": "Meer ouders doen mee."})
    assert response.status_code == 302
    goal = line.goals.get(text="Meer ouders doen mee.")
    client.post(url("edition-goal", 2024, goal.pk), {"text": "Meer ouders lezen voor."})
    goal.refresh_from_db()
    assert goal.text == "Meer ouders lezen voor."
    first = line.goals.order_by("number").first()
    assert client.get(url("edition-goal-remove", 2024, first.pk)).status_code == 200
    assert client.post(url("edition-goal-remove", 2024, first.pk)).status_code == 302
    diff = editions.diff(draft.previous_edition, draft)
    assert (len(diff.goals_added), len(diff.goals_removed)) == (1, 1)


def test_a_goal_of_another_edition_is_not_found(client, login_verified, coordinator, draft):
    login_verified(client, coordinator)
    old_goal = draft.previous_edition.lines.first().goals.first()
    assert client.post(url("edition-goal-remove", 2024, old_goal.pk)).status_code == 404
    assert client.post(url("edition-goal-remove", 2023, old_goal.pk)).status_code == 404


def test_curve_story_form(client, login_verified, coordinator, westwijk):
    login_verified(client, coordinator)
    indicator = westwijk.indicators.filter(kind="outcome").first()
    response = client.post(
        url("edition-story", 2023, indicator.slug),
        {"story_behind_the_curve": "Veel gezinnen hebben schulden.", "partners": ""},
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.story.story_behind_the_curve == "Veel gezinnen hebben schulden."
    assert indicator.story.updated_by == coordinator
    # After a newer edition is adopted the 2023 story is history and cannot change.
    new = editions.start_edition(westwijk, year=2024, user=None)
    editions.set_rationale(new, "x")
    editions.adopt(new, user=None)
    response = client.post(url("edition-story", 2023, indicator.slug), {"partners": "x"})
    assert response.status_code == 404


def test_status_date_in_the_future_is_refused(client, login_verified, coordinator, draft):
    login_verified(client, coordinator)
    running = draft.interventions.filter(status=Intervention.Status.RUNNING).first()
    future = datetime.date.today() + datetime.timedelta(days=30)
    response = client.post(
        url("edition-status", 2024, running.pk),
        {"to_status": "stopped", "on": future.isoformat(), "reason": "x"},
    )
    assert response.status_code == 200 and "toekomst" in response.text
    running.refresh_from_db()
    assert running.status == Intervention.Status.RUNNING


def test_api_hides_drafts_from_the_public(client, draft):
    response = client.get("/api/v1/programmes/")
    years = [p["edition_year"] for p in response.json()["results"]]
    assert years == [2023]
    assert client.get(f"/api/v1/programmes/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/programmes/{draft.pk}/diff/").status_code == 404
    indicator = draft.indicators.first()
    assert client.get(f"/api/v1/indicators/{indicator.pk}/").status_code == 404
    assert client.get(f"/api/v1/lines/?programme={draft.pk}").json()["results"] == []
    assert client.get(f"/api/v1/goals/?programme={draft.pk}").json()["results"] == []


def test_api_diff_and_state_for_staff(client, login_verified, steering, draft):
    editions.move_target(
        draft.indicators.get(slug="schuldsanering-per-1000"),
        draft.horizons.get(years=4),
        Decimal("24"),
        user=None,
    )
    login_verified(client, steering)
    data = client.get(f"/api/v1/programmes/{draft.pk}/").json()
    assert (data["state"], data["previous_edition"]) == ("draft", draft.previous_edition_id)
    diff = client.get(f"/api/v1/programmes/{draft.pk}/diff/").json()
    assert diff["old"] == draft.previous_edition_id and diff["new"] == draft.pk
    (move,) = diff["targets_moved"]
    assert move == {
        "indicator": "schuldsanering-per-1000",
        "horizon_years": 4,
        "old_value": "26.0000",
        "new_value": "24.0000",
        "old_state": "agreed",
        "new_state": "agreed",
    }
    same = client.get(
        f"/api/v1/programmes/{draft.previous_edition_id}/diff/?against={draft.pk}"
    ).json()
    assert same["targets_moved"] == diff["targets_moved"]
    assert client.get(f"/api/v1/programmes/{draft.pk}/diff/?against=x").status_code == 400


def test_api_indicator_has_its_curve_story(client, westwijk):
    from wijkaanpak.programme.models import CurveStory

    outcome = westwijk.indicators.filter(kind="outcome").first()
    effort = westwijk.indicators.filter(kind="effort").first()
    empty = client.get(f"/api/v1/indicators/{outcome.pk}/").json()["curve_story"]
    assert empty["what_works"] == "" and empty["updated_at"] is None
    CurveStory.objects.create(indicator=outcome, what_works="Voorlezen.")
    story = client.get(f"/api/v1/indicators/{outcome.pk}/").json()["curve_story"]
    assert story["what_works"] == "Voorlezen."
    assert client.get(f"/api/v1/indicators/{effort.pk}/").json()["curve_story"] is None
