"""Staff pages for status, plan and evaluation; and what the public pages show of them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import (
    AreaFactory,
    OrganisationFactory,
    PlaceFactory,
    join_areas,
)
from wijkaanpak.interventions.models import Evaluation, EvidenceLevel, Intervention, StatusChange
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.models import Programme
from wijkaanpak.programme.tests.factories import ProgrammeFactory, ProgrammeLineFactory

pytestmark = pytest.mark.django_db
S = Intervention.Status
TODAY = timezone.localdate()
CHANGE = "interventions.change_intervention"


@pytest.fixture
def area():
    return AreaFactory(slug="westwijk", name="Westwijk")


@pytest.fixture
def adopted(area):
    return ProgrammeFactory(area=area, edition_year=2023)


@pytest.fixture
def draft(area, adopted):
    return ProgrammeFactory(
        area=area, edition_year=2024, state=Programme.State.DRAFT, previous_edition=adopted
    )


@pytest.fixture
def intervention(adopted):
    line = ProgrammeLineFactory(programme=adopted, slug="kind", number=1)
    return InterventionFactory(programme=adopted, line=line, slug="buurtvaders", status=S.RUNNING)


@pytest.fixture
def draft_intervention(draft):
    line = ProgrammeLineFactory(programme=draft, slug="kind", number=1)
    return InterventionFactory(programme=draft, line=line, slug="buurtvaders", status=S.RUNNING)


@pytest.fixture
def coordinator(client, login_verified, area):
    user = UserFactory(permissions=[CHANGE])
    login_verified(client, join_areas(user, area))
    return user


def url(name, intervention):
    return reverse(
        f"interventions:{name}", args=[intervention.programme.area.slug, intervention.pk]
    )


STATUS_POST = {"to_status": S.PAUSED, "on": "", "reason": "Zomervakantie"}


def status_post():
    return {**STATUS_POST, "on": (TODAY - datetime.timedelta(days=1)).isoformat()}


def plan_post(**overrides):
    values = {
        "lead_partner": "",
        "partners": [],
        "places": [],
        "starts_on": "1-9-2024",
        "ends_on": "",
        "recurrence": "elke maand",
        "planned_capacity": "20",
        "themes": ["upbringing", "care"],
    }
    values.update(overrides)
    return values


def evaluation_post(**overrides):
    values = {
        "evaluated_on": (TODAY - datetime.timedelta(days=3)).isoformat(),
        "method": "Gesprekken met vaders",
        "evaluator": "Hogeschool Rotterdam",
        "findings": "Vaders komen vaker.",
        "judgement": "continue",
        "evidence_level": "well_described",
        "databank_reference": "Movisie",
    }
    values.update(overrides)
    return values


# --- Refused: anonymous, no rights, no second factor, wrong area -------------------------

FORMS = [
    ("staff-status", status_post),
    ("staff-plan", plan_post),
    ("staff-evaluation", evaluation_post),
]


def nothing_stored(intervention):
    intervention.refresh_from_db()
    assert intervention.status == S.RUNNING
    assert intervention.recurrence == ""
    assert not StatusChange.objects.exists()
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize(("name", "data"), FORMS)
def test_anonymous_is_sent_to_login_and_nothing_is_stored(client, draft_intervention, name, data):
    for response in (
        client.get(url(name, draft_intervention)),
        client.post(url(name, draft_intervention), data()),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    nothing_stored(draft_intervention)


@pytest.mark.parametrize(("name", "data"), FORMS)
def test_staff_without_the_right_is_refused(client, login_verified, draft_intervention, name, data):
    login_verified(client, UserFactory(permissions=["interventions.view_intervention"]))
    assert client.get(url(name, draft_intervention)).status_code == 403
    assert client.post(url(name, draft_intervention), data()).status_code == 403
    nothing_stored(draft_intervention)


@pytest.mark.parametrize(("name", "data"), FORMS)
def test_right_without_second_factor_is_refused(client, draft_intervention, name, data):
    client.force_login(UserFactory(permissions=[CHANGE]))
    response = client.post(url(name, draft_intervention), data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:second-factor"))
    nothing_stored(draft_intervention)


@pytest.mark.parametrize(("name", "data"), FORMS)
def test_intervention_of_another_area_is_not_found(
    client, coordinator, draft_intervention, name, data
):
    AreaFactory(slug="oostwijk")
    wrong = reverse(f"interventions:{name}", args=["oostwijk", draft_intervention.pk])
    assert client.get(wrong).status_code == 404
    assert client.post(wrong, data()).status_code == 404
    nothing_stored(draft_intervention)


def test_staff_list_is_refused_without_the_right(client, login_verified, adopted):
    target = reverse("interventions:staff-list", args=["westwijk"])
    assert client.get(target).status_code == 302
    login_verified(client, UserFactory())
    assert client.get(target).status_code == 403


# --- Status ------------------------------------------------------------------------------


def test_coordinator_changes_status_with_reason_in_adopted_edition(
    client, coordinator, intervention
):
    response = client.post(url("staff-status", intervention), status_post())
    assert response.status_code == 302
    assert response["Location"] == intervention.get_absolute_url()
    [change] = StatusChange.objects.all()
    assert (change.from_status, change.to_status, change.reason) == (
        S.RUNNING,
        S.PAUSED,
        "Zomervakantie",
    )
    assert change.changed_by == coordinator
    page = client.get(intervention.get_absolute_url()).content.decode()
    assert "Zomervakantie" in page
    assert "Gepauzeerd" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"reason": ""}, "Vul de reden van de wijziging in."),
        ({"on": ""}, "Vul een datum in."),
        ({"on": "31-02-2024"}, "Vul een datum in zoals 31-12-2024."),
        ({"on": (TODAY + datetime.timedelta(days=2)).isoformat()}, "De datum ligt in de toekomst."),
        ({"to_status": S.MADE_PERMANENT}, "Kies een nieuwe status uit de lijst."),
    ],
)
def test_bad_status_input_gets_dutch_error(client, coordinator, intervention, overrides, message):
    response = client.post(url("staff-status", intervention), {**status_post(), **overrides})
    assert response.status_code == 200
    assert message in response.content.decode()
    nothing_stored(intervention)


def test_status_form_offers_only_allowed_statuses(client, coordinator, intervention):
    page = client.get(url("staff-status", intervention)).content.decode()
    assert 'value="paused"' in page
    assert 'value="made_permanent"' not in page


# --- Plan: only in a draft edition -------------------------------------------------------


def test_plan_of_adopted_edition_is_read_only(client, coordinator, intervention):
    page = client.get(url("staff-plan", intervention)).content.decode()
    assert "is vastgesteld" in page
    assert '<form method="post" novalidate' not in page
    response = client.post(url("staff-plan", intervention), plan_post())
    assert response.status_code == 403
    assert "is vastgesteld" in response.content.decode()
    nothing_stored(intervention)


def test_plan_of_draft_edition_is_saved(client, coordinator, draft_intervention):
    lead = OrganisationFactory(name="Minters")
    partner = OrganisationFactory(name="Irado")
    place = PlaceFactory(area=draft_intervention.programme.area, name="IKC De Wereldwijzer")
    response = client.post(
        url("staff-plan", draft_intervention),
        plan_post(lead_partner=lead.pk, partners=[partner.pk], places=[place.pk]),
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"].endswith("?editie=2024")
    draft_intervention.refresh_from_db()
    assert draft_intervention.lead_partner == lead
    assert list(draft_intervention.partners.all()) == [partner]
    assert list(draft_intervention.places.all()) == [place]
    assert draft_intervention.starts_on == datetime.date(2024, 9, 1)
    assert draft_intervention.recurrence == "elke maand"
    assert draft_intervention.planned_capacity == 20
    assert draft_intervention.themes == ["upbringing", "care"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_on": "1-8-2024"}, "Het einde ligt voor de start."),
        ({"planned_capacity": "twintig"}, "Vul het aantal plaatsen in als heel getal"),
        ({"planned_capacity": "-3"}, "kan niet negatief"),
        ({"themes": ["weather"]}, "Kies thema"),
        ({"lead_partner": "99999"}, "Kies een trekker uit de lijst."),
    ],
)
def test_bad_plan_input_gets_dutch_error(
    client, coordinator, draft_intervention, overrides, message
):
    response = client.post(url("staff-plan", draft_intervention), plan_post(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    nothing_stored(draft_intervention)


def test_place_of_another_area_cannot_be_chosen(client, coordinator, draft_intervention):
    elsewhere = PlaceFactory(area=AreaFactory(slug="oostwijk"))
    response = client.post(url("staff-plan", draft_intervention), plan_post(places=[elsewhere.pk]))
    assert response.status_code == 200
    assert not draft_intervention.places.exists()


# --- Evaluation --------------------------------------------------------------------------


def test_coordinator_adds_evaluation(client, coordinator, intervention):
    response = client.post(url("staff-evaluation", intervention), evaluation_post())
    assert response.status_code == 302
    [evaluation] = Evaluation.objects.all()
    assert evaluation.entered_by == coordinator
    intervention.refresh_from_db()
    assert intervention.evidence_level == EvidenceLevel.WELL_DESCRIBED
    page = client.get(intervention.get_absolute_url()).content.decode()
    assert "Vaders komen vaker." in page
    assert "Hogeschool Rotterdam" in page
    assert "Doorgaan" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"findings": ""}, "Vul de bevindingen in."),
        ({"judgement": "maybe"}, "Kies een oordeel uit de lijst."),
        ({"evaluated_on": (TODAY + datetime.timedelta(days=1)).isoformat()}, "in de toekomst"),
    ],
)
def test_bad_evaluation_gets_dutch_error(client, coordinator, intervention, overrides, message):
    response = client.post(url("staff-evaluation", intervention), evaluation_post(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    nothing_stored(intervention)


# --- Public pages ------------------------------------------------------------------------


def test_detail_says_unknown_instead_of_blank(client, intervention):
    page = client.get(intervention.get_absolute_url()).content.decode()
    for words in (
        "niet vastgelegd",
        "onbekend",
        "Er zijn nog geen wijzigingen van de status vastgelegd.",
        "Er is nog geen evaluatie vastgelegd.",
        "Niet beoordeeld",
    ):
        assert words in page
    assert "Status veranderen" not in page


def test_detail_shows_plan_and_flag(client, coordinator, intervention):
    intervention.lead_partner = OrganisationFactory(name="Minters")
    intervention.starts_on = TODAY - datetime.timedelta(days=500)
    intervention.recurrence = "drie maanden lang elke week"
    intervention.planned_capacity = 0
    intervention.themes = ["work", "money"]
    intervention.databank_reference = "NJi, Databank Effectieve Jeugdinterventies"
    intervention.save()
    page = client.get(intervention.get_absolute_url()).content.decode()
    for words in (
        "Minters",
        "drie maanden lang elke week",
        "Werk, geld",
        "NJi, Databank",
        "Evaluatie nodig.",
        "Status veranderen",
    ):
        assert words in page
    # Zero planned places is a value, not a missing one.
    assert "<dt>Geplande plaatsen</dt><dd>0</dd>" in page


def test_list_filter_without_evaluation(client, intervention):
    long_ago = TODAY - datetime.timedelta(days=500)
    late = InterventionFactory(
        programme=intervention.programme,
        line=intervention.line,
        name="Schuldenlab",
        status=S.RUNNING,
        starts_on=long_ago,
    )
    target = reverse("interventions:list", args=["westwijk"])
    page = client.get(target).content.decode()
    assert intervention.name in page and late.name in page
    assert "Evaluatie nodig" in page
    page = client.get(target, {"unevaluated": "on"}).content.decode()
    assert late.name in page
    assert intervention.name not in page


def test_staff_list_shows_draft_first(client, coordinator, intervention, draft_intervention):
    page = client.get(reverse("interventions:staff-list", args=["westwijk"])).content.decode()
    assert "Interventies in editie 2024" in page
    assert url("staff-plan", draft_intervention) in page
    page = client.get(
        reverse("interventions:staff-list", args=["westwijk"]), {"editie": "2023"}
    ).content.decode()
    assert url("staff-plan", intervention) not in page
    assert url("staff-status", intervention) in page


# --- Admin -------------------------------------------------------------------------------


def test_admin_shows_history_read_only(client, login_verified, intervention):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    login_verified(client, admin_user)
    StatusChange.objects.create(
        intervention=intervention,
        from_status=S.IN_PREPARATION,
        to_status=S.RUNNING,
        changed_on=datetime.date(2024, 1, 1),
        reason="Gestart na de zomer",
    )
    page = client.get(reverse("admin:interventions_intervention_change", args=[intervention.pk]))
    assert page.status_code == 200
    assert "Gestart na de zomer" in page.content.decode()
    assert client.get(reverse("admin:interventions_statuschange_add")).status_code == 403
    change = StatusChange.objects.get()
    response = client.post(
        reverse("admin:interventions_statuschange_delete", args=[change.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert StatusChange.objects.count() == 1
