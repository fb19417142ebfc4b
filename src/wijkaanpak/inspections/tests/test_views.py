"""Staff pages need login and rights; the owner organisation closes its own actions;
public pages show every state and no personal data."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from wijkaanpak.areas.tests.factories import AreaFactory, OrganisationFactory, join_areas
from wijkaanpak.inspections.models import Action, Finding, InspectionRound, Participant
from wijkaanpak.reports.tests.factories import CategoryFactory

from .factories import (
    ActionFactory,
    FindingFactory,
    InspectionRoundFactory,
    ParticipantFactory,
    coordinator,
    staff_of,
)

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2027, 5, 20, 12, 0)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def action():
    return ActionFactory(finding__inspection_round__planned_on=dt.date(2027, 5, 11))


def _round_urls(r):
    area = r.neighbourhood.area.slug
    return {
        "manage": ("get", reverse("inspections:manage", args=[area, r.pk])),
        "reschedule": ("post", reverse("inspections:reschedule", args=[area, r.pk])),
        "held": ("post", reverse("inspections:held", args=[area, r.pk])),
        "cancel": ("post", reverse("inspections:cancel", args=[area, r.pk])),
        "participant": ("post", reverse("inspections:participant-add", args=[area, r.pk])),
        "finding": ("post", reverse("inspections:finding-add", args=[area, r.pk])),
    }


def _staff_urls(action):
    finding = action.finding
    r = finding.inspection_round
    area = r.neighbourhood.area.slug
    return {
        **_round_urls(r),
        "list": ("get", reverse("inspections:manage-list", args=[area])),
        "to-report": ("post", reverse("inspections:finding-report", args=[area, finding.pk])),
        "action-add": ("get", reverse("inspections:action-add", args=[area, finding.pk])),
    }


def coordinator_of(action_or_round):
    """The wijkschouw coordinator of the area of the round (or the action's round)."""
    r = getattr(action_or_round, "finding", None)
    r = r.inspection_round if r else action_or_round
    return join_areas(coordinator(), r.neighbourhood.area)


def _call(client, method, url):
    return getattr(client, method)(url, {})


def test_every_staff_url_sends_an_anonymous_visitor_to_login(client, action):
    urls = {
        **_staff_urls(action),
        "complete": ("get", _complete_url(action)),
        "mine": ("get", _mine_url(action)),
    }
    for name, (method, url) in urls.items():
        response = _call(client, method, url)
        assert response.status_code == 302, name
        assert "/accounts/" in response["Location"], name


def test_staff_without_inspection_rights_are_refused_403(client, login_verified, action):
    # Works for the organisation that owns the action, but is no coordinator.
    login_verified(client, staff_of(action.owner_organisation))
    for name, (method, url) in _staff_urls(action).items():
        assert _call(client, method, url).status_code == 403, name
    assert InspectionRound.objects.get().state == "planned"
    assert Finding.objects.count() == 1


def test_coordinator_gets_the_staff_pages(client, login_verified, action):
    login_verified(client, coordinator_of(action))
    for name in ("list", "manage", "action-add"):
        method, url = _staff_urls(action)[name]
        assert _call(client, method, url).status_code == 200, name


def test_a_round_of_another_area_is_404(client, login_verified, action):
    login_verified(client, coordinator_of(action))
    other = AreaFactory(slug="elders").slug
    r = action.finding.inspection_round
    assert client.get(reverse("inspections:manage", args=[other, r.pk])).status_code == 404
    assert client.get(reverse("inspections:round", args=[other, r.pk])).status_code == 404
    assert client.get(_complete_url(action, area=other)).status_code == 404


def _complete_url(action, area=None):
    area = area or action.finding.inspection_round.neighbourhood.area.slug
    return reverse("inspections:action-complete", args=[area, action.pk])


def _mine_url(action):
    return reverse(
        "inspections:my-actions", args=[action.finding.inspection_round.neighbourhood.area.slug]
    )


def test_staff_of_the_owner_organisation_closes_its_action(client, login_verified, action):
    login_verified(client, staff_of(action.owner_organisation))
    assert client.get(_complete_url(action)).status_code == 200
    response = client.post(_complete_url(action), {"resolution_note": "Tegels liggen."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.state, action.resolution_note) == ("done", "Tegels liggen.")


@pytest.mark.parametrize(("in_the_area", "status"), [(True, 403), (False, 404)])
def test_staff_of_another_organisation_may_not_close_it(
    client, login_verified, action, in_the_area, status
):
    organisation = OrganisationFactory()
    if in_the_area:
        organisation.areas.add(action.finding.inspection_round.neighbourhood.area)
    login_verified(client, staff_of(organisation))
    assert client.get(_complete_url(action)).status_code == status
    assert client.post(_complete_url(action), {"resolution_note": "Klaar"}).status_code == status
    action.refresh_from_db()
    assert action.state == "open"


def test_the_coordinator_may_close_any_action(client, login_verified, action):
    login_verified(client, coordinator_of(action))
    client.post(_complete_url(action), {"resolution_note": "Gedaan door Irado."})
    action.refresh_from_db()
    assert action.state == "done"


def test_closing_without_a_note_gets_a_dutch_error_and_stores_nothing(
    client, login_verified, action
):
    login_verified(client, staff_of(action.owner_organisation))
    response = client.post(_complete_url(action), {"resolution_note": ""})
    assert response.status_code == 400
    assert "Schrijf hoe het is opgelost." in response.content.decode()
    action.refresh_from_db()
    assert action.state == "open"


def test_my_actions_lists_only_my_organisations_actions(client, login_verified, action):
    other = ActionFactory(
        finding__inspection_round=action.finding.inspection_round, description="Andermans werk"
    )
    login_verified(client, staff_of(action.owner_organisation))
    html = client.get(_mine_url(action)).content.decode()
    assert action.description in html
    assert other.description not in html


def test_my_actions_is_refused_to_staff_without_organisation_or_rights(
    client, login_verified, action
):
    login_verified(client, staff_of(None))
    assert client.get(_mine_url(action)).status_code == 403


def test_coordinator_runs_a_round_through_the_pages(client, login_verified, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    r = InspectionRoundFactory()
    urls = {name: url for name, (_m, url) in _round_urls(r).items()}
    category = CategoryFactory()
    irado = OrganisationFactory(name="Irado")
    login_verified(client, coordinator_of(r))

    response = client.post(
        urls["participant"], {"participant-kind": "resident", "participant-count": "5"}
    )
    assert response.status_code == 302
    client.post(
        urls["participant"],
        {
            "participant-kind": "staff",
            "participant-count": "1",
            "participant-organisation": irado.pk,
        },
    )
    assert Participant.objects.filter(inspection_round=r).count() == 6

    for place in ("Plein 1", "Plein 2"):
        response = client.post(
            urls["finding"],
            {
                "finding-category": category.pk,
                "finding-place": place,
                "finding-description": "Afval naast de container",
            },
        )
        assert response.status_code == 302
    to_report, to_action = Finding.objects.order_by("pk")

    area = r.neighbourhood.area.slug
    client.post(reverse("inspections:finding-report", args=[area, to_report.pk]))
    to_report.refresh_from_db()
    assert to_report.report.source == "wijkschouw"

    response = client.post(
        reverse("inspections:action-add", args=[area, to_action.pk]),
        {"description": "Container legen", "owner_organisation": irado.pk, "due_on": "2027-06-01"},
    )
    assert response.status_code == 302
    assert Action.objects.get().owner_organisation == irado

    response = client.post(urls["held"], {"held-held_on": "2027-05-19", "held-summary": "Goed."})
    assert response.status_code == 302
    r.refresh_from_db()
    assert (r.state, r.held_on) == ("held", dt.date(2027, 5, 19))


BAD_INPUT = [
    # (form, data, Dutch message)
    ("held", {"held-held_on": "2027-05-30", "held-summary": "x"}, "in de toekomst"),
    ("held", {"held-held_on": "gisteren", "held-summary": "x"}, "Vul een datum in als"),
    ("reschedule", {"reschedule-planned_on": "2027-08-01"}, "Kies een datum in kwartaal 2"),
    ("cancel", {"cancel-reason": ""}, "Schrijf waarom de schouw niet doorgaat."),
    (
        "participant",
        {
            "participant-kind": "resident",
            "participant-count": "1",
            "participant-display_name": "Fatima B.",
        },
        "alleen bij de rol",
    ),
    (
        "finding",
        {"finding-place": "Plein", "finding-description": "x", "finding-latitude": "51,9"},
        "Kies een categorie.",
    ),
]


@pytest.mark.parametrize(("form", "data", "message"), BAD_INPUT)
def test_bad_input_gets_a_dutch_error_at_the_field(client, login_verified, form, data, message):
    r = InspectionRoundFactory()
    login_verified(client, coordinator_of(r))
    response = client.post(_round_urls(r)[form][1], data)
    assert response.status_code == 400
    assert message in response.content.decode()
    r.refresh_from_db()
    assert (r.state, r.planned_on) == ("planned", dt.date(2027, 5, 11))
    assert not Participant.objects.exists()
    assert not Finding.objects.exists()


def test_public_pages_need_no_login_and_show_no_personal_data(client):
    r = InspectionRoundFactory(
        state="held", held_on=dt.date(2027, 5, 11), summary="Veel zwerfafval."
    )
    irado = OrganisationFactory(name="Irado")
    ParticipantFactory.create_batch(3, inspection_round=r)
    ParticipantFactory(
        inspection_round=r, kind="staff", display_name="Jan de Vries", organisation=irado
    )
    worker = staff_of(irado, first_name="Petra", last_name="Klaassen")
    late = ActionFactory(
        finding__inspection_round=r,
        owner_organisation=irado,
        owner=worker,
        due_on=dt.date(2027, 5, 15),
        description="Container legen",
    )
    FindingFactory(inspection_round=r, place="Hoek Van Hogendorplaan")
    area = r.neighbourhood.area.slug

    report = client.get(reverse("inspections:round", args=[area, r.pk])).content.decode()
    assert "Veel zwerfafval." in report
    assert "Bewoner: <strong>3</strong>" in report
    assert "Professional: <strong>1</strong>" in report
    assert "Kernteam: <strong>0</strong>" in report
    assert "Irado" in report
    assert "te laat" in report and "15 mei 2027" in report
    assert "nog geen afspraak" in report  # the finding without agreement is not dropped
    for private in ("Jan de Vries", "Petra", "Klaassen", worker.email):
        assert private not in report

    overview = client.get(reverse("inspections:open-actions", args=[area])).content.decode()
    assert late.description in overview and "te laat" in overview
    assert "Hoek Van Hogendorplaan" in overview
    assert "Petra" not in overview

    schedule = client.get(reverse("inspections:schedule", args=[area])).content.decode()
    assert r.neighbourhood.name in schedule
    assert "Er is nog geen schouw gepland." in schedule
    assert "gehouden" in schedule


def test_public_report_of_a_finding_shows_the_report_status_in_words(client, settings, tmp_path):
    from wijkaanpak.inspections.services.findings import turn_into_report

    settings.MEDIA_ROOT = tmp_path
    finding = FindingFactory()
    report = turn_into_report(finding)
    r = finding.inspection_round
    html = client.get(
        reverse("inspections:round", args=[r.neighbourhood.area.slug, r.pk])
    ).content.decode()
    assert report.reference in html
    assert "ontvangen" in html
    assert report.status_token not in html  # the private status link stays private


def test_public_schedule_shows_upcoming_rounds_and_a_missing_report(client):
    upcoming = InspectionRoundFactory(quarter=3, planned_on=dt.date(2027, 8, 10))
    passed = InspectionRoundFactory(
        neighbourhood=upcoming.neighbourhood, quarter=2, planned_on=dt.date(2027, 5, 11)
    )
    html = client.get(
        reverse("inspections:schedule", args=[upcoming.neighbourhood.area.slug])
    ).content.decode()
    assert "dinsdag 10 augustus 2027" in html
    assert "nog geen verslag" in html
    assert reverse("inspections:round", args=[upcoming.neighbourhood.area.slug, passed.pk]) in html


def test_unknown_area_is_404(client):
    assert client.get(reverse("inspections:schedule", args=["nergens"])).status_code == 404
