"""Several areas in one installation (A1): staff of one area never reach another's staff pages.

Two areas, the Westwijk (Vlaardingen) and Nieuwland-Oost (Schiedam), each with a programme,
a draft edition, interventions, a wijkschouw, questions, a report and a referral. Four staff
members hold every staff right (the privacy officer's aside, see the end):

- westwijk:   works for the municipality of Vlaardingen, which serves the Westwijk only;
- nieuwland:  works for the municipality of Schiedam, which serves Nieuwland-Oost only;
- both:       works for a welfare organisation that serves both areas;
- unattached: works for an organisation linked to no area.

The table is every staff URL x area x role -> status. A staff page answers its own status
(200, a redirect, a form error) to staff of the area and 404 to everyone else; reports and
referrals follow the organisation instead. Leave the area check out of one view and its
row fails.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wijkaanpak.accounts import roles
from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Membership, Neighbourhood
from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.inspections.models import Finding, InspectionRound
from wijkaanpak.inspections.tests.factories import ActionFactory, FindingFactory
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.models import Goal, Measurement, Programme
from wijkaanpak.programme.services import editions
from wijkaanpak.programme.tests.factories import (
    GoalFactory,
    HorizonFactory,
    IndicatorFactory,
    MeasurementFactory,
    ProgrammeFactory,
    ProgrammeLineFactory,
)
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.questiondesk.tests.factories import QuestionFactory
from wijkaanpak.referrals.tests import factories as referral_factories
from wijkaanpak.reports.models import Report
from wijkaanpak.reports.tests.factories import CategoryFactory, ReportFactory

pytestmark = pytest.mark.django_db

AREAS = {
    "westwijk": ("Westwijk", "Vlaardingen", "GM0622"),
    "nieuwland-oost": ("Nieuwland-Oost", "Schiedam", "GM0606"),
}
ROLES = ("westwijk", "nieuwland", "both", "unattached")
WORKS_IN = {
    "westwijk": {"westwijk"},
    "nieuwland": {"nieuwland-oost"},
    "both": {"westwijk", "nieuwland-oost"},
    "unattached": set(),
}
# Every staff right, as the roles hand them out; the privacy officer's is tested on its own.
ALL_RIGHTS = sorted(
    {
        p
        for name, rights in roles.ROLE_PERMISSIONS.items()
        if name != roles.PRIVACY_OFFICER
        for p in rights
    }
)


def build_area(slug):
    name, municipality, code = AREAS[slug]
    area = AreaFactory(slug=slug, name=name, municipality=municipality, municipality_cbs_code=code)
    council = OrganisationFactory(name=f"Gemeente {municipality}", slug=f"gemeente-{slug}")
    welfare = OrganisationFactory(name=f"Welzijn {name}", slug=f"welzijn-{slug}")
    council.areas.add(area)
    welfare.areas.add(area)
    programme = ProgrammeFactory(area=area, edition_year=2023)
    HorizonFactory(programme=programme, years=4)
    line = ProgrammeLineFactory(programme=programme, number=2, slug="ouders", name="De Ouders")
    GoalFactory(line=line, number=1)
    indicator = IndicatorFactory(programme=programme, line=line, slug="armoede")
    measurement = MeasurementFactory(indicator=indicator)
    intervention = InterventionFactory(programme=programme, line=line, slug="krachtbus")
    draft = editions.start_edition(programme, year=2024, user=None)
    quadrant = NeighbourhoodFactory(area=area, role=Neighbourhood.Role.QUADRANT)
    finding = FindingFactory(inspection_round__neighbourhood=quadrant)
    action = ActionFactory(finding=finding, owner_organisation=council)
    report = ReportFactory(
        area=area, neighbourhood=quadrant, category=CategoryFactory(handling_organisation=council)
    )
    return SimpleNamespace(
        area=area,
        council=council,
        welfare=welfare,
        programme=programme,
        draft=draft,
        measurement=measurement,
        intervention=intervention,
        draft_intervention=draft.interventions.get(),
        draft_goal=Goal.objects.get(line__programme=draft),
        round=finding.inspection_round,
        finding=finding,
        action=action,
        question=QuestionFactory(area=area, follow_up_on=dt.date(2024, 3, 11)),
        report=report,
    )


@pytest.fixture
def world():
    areas = {slug: build_area(slug) for slug in AREAS}
    shared = OrganisationFactory(name="Welzijn Zuid-Holland", slug="welzijn-zuid-holland")
    shared.areas.add(*(a.area for a in areas.values()))
    organisations = {
        "westwijk": areas["westwijk"].council,
        "nieuwland": areas["nieuwland-oost"].council,
        "both": shared,
        "unattached": OrganisationFactory(name="Zonder gebied", slug="zonder-gebied"),
    }
    users = {}
    for role, organisation in organisations.items():
        user = UserFactory(username=role, is_staff=True, permissions=ALL_RIGHTS)
        Membership.objects.create(user=user, organisation=organisation)
        users[role] = user
    for slug, role in (("westwijk", "westwijk"), ("nieuwland-oost", "nieuwland")):
        w = areas[slug]
        offer = referral_factories.offer(w.area, w.welfare)
        w.referral = referral_factories.referral(users[role], w.council, offer)
    return SimpleNamespace(areas=areas, users=users)


def url(name, *args):
    return reverse(name, args=args)


# name -> (method, how to build the URL for area `w`, status for staff of the area)
STAFF_PAGES = {
    "programme:measurement-add": (
        "get",
        lambda w: url("programme:measurement-add", w.area.slug),
        200,
    ),
    "programme:measurement-import": (
        "get",
        lambda w: url("programme:measurement-import", w.area.slug),
        200,
    ),
    "programme:measurement-import-template": (
        "get",
        lambda w: url("programme:measurement-import-template", w.area.slug),
        200,
    ),
    "programme:measurement-correct": (
        "get",
        lambda w: url("programme:measurement-correct", w.area.slug, w.measurement.pk),
        200,
    ),
    "programme:edition-start": ("get", lambda w: url("programme:edition-start", w.area.slug), 200),
    "programme:edition": ("get", lambda w: url("programme:edition", w.area.slug, 2024), 200),
    "programme:edition-diff": (
        "get",
        lambda w: url("programme:edition-diff", w.area.slug) + "?van=2023&naar=2024",
        200,
    ),
    "programme:edition-rationale": (
        "post",
        lambda w: url("programme:edition-rationale", w.area.slug, 2024),
        302,
    ),
    "programme:edition-adopt": (
        "get",
        lambda w: url("programme:edition-adopt", w.area.slug, 2024),
        200,
    ),
    "programme:edition-target": (
        "get",
        lambda w: url("programme:edition-target", w.area.slug, 2024, "armoede"),
        200,
    ),
    "programme:edition-goal-add": (
        "get",
        lambda w: url("programme:edition-goal-add", w.area.slug, 2024, "ouders"),
        200,
    ),
    "programme:edition-goal": (
        "get",
        lambda w: url("programme:edition-goal", w.area.slug, 2024, w.draft_goal.pk),
        200,
    ),
    "programme:edition-goal-remove": (
        "get",
        lambda w: url("programme:edition-goal-remove", w.area.slug, 2024, w.draft_goal.pk),
        200,
    ),
    "programme:edition-story": (
        "get",
        lambda w: url("programme:edition-story", w.area.slug, 2023, "armoede"),
        200,
    ),
    "interventions:edition-status": (
        "get",
        lambda w: url("interventions:edition-status", w.area.slug, 2024, w.draft_intervention.pk),
        200,
    ),
    "interventions:staff-list": (
        "get",
        lambda w: url("interventions:staff-list", w.area.slug),
        200,
    ),
    "interventions:staff-status": (
        "get",
        lambda w: url("interventions:staff-status", w.area.slug, w.intervention.pk),
        200,
    ),
    "interventions:staff-plan": (
        "get",
        lambda w: url("interventions:staff-plan", w.area.slug, w.intervention.pk),
        200,
    ),
    "interventions:staff-evaluation": (
        "get",
        lambda w: url("interventions:staff-evaluation", w.area.slug, w.intervention.pk),
        200,
    ),
    "interventions:line-budget": (
        "get",
        lambda w: url("interventions:line-budget", w.area.slug, 2024),
        200,
    ),
    "interventions:spending-add": (
        "get",
        lambda w: url("interventions:spending-add", w.area.slug, "krachtbus"),
        200,
    ),
    "interventions:intervention-budget": (
        "post",
        lambda w: url("interventions:intervention-budget", w.area.slug, "krachtbus"),
        302,
    ),
    "interventions:reach-add": (
        "get",
        lambda w: url("interventions:reach-add", w.area.slug, "krachtbus"),
        200,
    ),
    "inspections:manage-list": ("get", lambda w: url("inspections:manage-list", w.area.slug), 200),
    "inspections:manage": (
        "get",
        lambda w: url("inspections:manage", w.area.slug, w.round.pk),
        200,
    ),
    "inspections:reschedule": (
        "post",
        lambda w: url("inspections:reschedule", w.area.slug, w.round.pk),
        400,
    ),
    "inspections:held": ("post", lambda w: url("inspections:held", w.area.slug, w.round.pk), 400),
    "inspections:cancel": (
        "post",
        lambda w: url("inspections:cancel", w.area.slug, w.round.pk),
        400,
    ),
    "inspections:participant-add": (
        "post",
        lambda w: url("inspections:participant-add", w.area.slug, w.round.pk),
        400,
    ),
    "inspections:finding-add": (
        "post",
        lambda w: url("inspections:finding-add", w.area.slug, w.round.pk),
        400,
    ),
    "inspections:finding-report": (
        "post",
        lambda w: url("inspections:finding-report", w.area.slug, w.finding.pk),
        302,
    ),
    "inspections:action-add": (
        "get",
        lambda w: url("inspections:action-add", w.area.slug, w.finding.pk),
        200,
    ),
    "inspections:my-actions": ("get", lambda w: url("inspections:my-actions", w.area.slug), 200),
    "inspections:action-complete": (
        "get",
        lambda w: url("inspections:action-complete", w.area.slug, w.action.pk),
        200,
    ),
    "questiondesk:list": ("get", lambda w: url("questiondesk:list", w.area.slug), 200),
    "questiondesk:new": ("get", lambda w: url("questiondesk:new", w.area.slug), 200),
    "questiondesk:follow-ups": ("get", lambda w: url("questiondesk:follow-ups", w.area.slug), 200),
    "questiondesk:follow-up-done": (
        "post",
        lambda w: url("questiondesk:follow-up-done", w.area.slug, w.question.pk),
        302,
    ),
    "questiondesk:overview": ("get", lambda w: url("questiondesk:overview", w.area.slug), 200),
    "questiondesk:overview-csv": (
        "get",
        lambda w: url("questiondesk:overview-csv", w.area.slug),
        200,
    ),
    "exports:xlsx": ("get", lambda w: url("exports:xlsx", w.area.slug), 200),
    "exports:json": ("get", lambda w: url("exports:json", w.area.slug), 200),
    # A draft edition through the API exists only for staff of its area.
    "v1:programme-detail (draft)": ("get", lambda w: url("v1:programme-detail", w.draft.pk), 200),
}

# Scoped by organisation, not by area: the handling organisation sees its report, the
# referring and receiving organisations their referral; a list shows only one's own.
ORGANISATION_PAGES = {
    "reports_handlers:detail": lambda w: url("reports_handlers:detail", w.report.reference),
    "referrals:detail": lambda w: url("referrals:detail", w.area.slug, w.referral.reference),
}
OWN_ORGANISATION = {"westwijk": {"westwijk"}, "nieuwland": {"nieuwland-oost"}}


def expected_table():
    table = {}
    for role in ROLES:
        for slug in AREAS:
            for name, (_method, _url, status) in STAFF_PAGES.items():
                table[(role, slug, name)] = status if slug in WORKS_IN[role] else 404
            for name in ORGANISATION_PAGES:
                table[(role, slug, name)] = 200 if slug in OWN_ORGANISATION.get(role, ()) else 404
    return table


def fingerprint(w) -> dict:
    """What a refused request must leave alone in area `w`."""
    w.round.refresh_from_db()
    return {
        "rationale": Programme.objects.get(pk=w.draft.pk).change_rationale,
        "round": (w.round.state, w.round.planned_on),
        "findings": list(
            Finding.objects.filter(inspection_round=w.round).values_list("pk", "report_id")
        ),
        "budget": type(w.intervention).objects.get(pk=w.intervention.pk).budget_cents,
        "follow_up": Question.objects.get(pk=w.question.pk).follow_up_done_on,
        "goals": Goal.objects.filter(line__programme__area=w.area).count(),
        "measurements": Measurement.objects.filter(indicator__programme__area=w.area).count(),
        "reports": Report.objects.filter(area=w.area).count(),
        "rounds": InspectionRound.objects.filter(neighbourhood__area=w.area).count(),
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_url_by_area_and_role(client, login_verified, world, role):
    login_verified(client, world.users[role])
    expected = {k: v for k, v in expected_table().items() if k[0] == role}
    strangers = [w for slug, w in world.areas.items() if slug not in WORKS_IN[role]]
    before = {w.area.slug: fingerprint(w) for w in strangers}
    actual = {}
    for slug, w in world.areas.items():
        for name, (method, build, _status) in STAFF_PAGES.items():
            actual[(role, slug, name)] = getattr(client, method)(build(w), {}).status_code
        for name, build in ORGANISATION_PAGES.items():
            actual[(role, slug, name)] = client.get(build(w)).status_code
    wrong = {k: f"got {actual[k]}, expected {v}" for k, v in expected.items() if actual[k] != v}
    assert wrong == {}
    # Refused requests changed nothing in the areas the role does not work in.
    assert {w.area.slug: fingerprint(w) for w in strangers} == before


@pytest.mark.parametrize("role", ROLES)
def test_lists_leave_other_organisations_out(client, login_verified, world, role):
    login_verified(client, world.users[role])
    queue = client.get(url("reports_handlers:queue")).content.decode()
    for slug, w in world.areas.items():
        mine = slug in OWN_ORGANISATION.get(role, ())
        assert (w.report.reference in queue) is mine, (slug, "queue")
        listing = client.get(url("referrals:list", slug))
        assert listing.status_code == 200
        assert (w.referral.reference in listing.content.decode()) is mine, (slug, "referrals")


@pytest.mark.parametrize("role", ROLES)
def test_public_pages_stay_public_and_show_no_staff_links_elsewhere(
    client, login_verified, world, role
):
    login_verified(client, world.users[role])
    for slug in world.areas:
        for path in (
            url("programme:overview", slug),
            url("programme:edition", slug, 2023),
            url("interventions:detail", slug, "krachtbus"),
            url("inspections:schedule", slug),
        ):
            assert client.get(path).status_code == 200, path
        editions_page = client.get(url("programme:editions", slug)).content.decode()
        # The draft and the form to start one are there only for staff of the area.
        assert ("2024" in editions_page) is (slug in WORKS_IN[role]), slug
        detail = client.get(url("interventions:detail", slug, "krachtbus")).context
        assert detail["may_manage"] is (slug in WORKS_IN[role]), slug


def test_the_public_sees_no_draft_of_any_area(client, world):
    for slug, w in world.areas.items():
        assert client.get(url("programme:edition", slug, 2024)).status_code == 404
        assert client.get(url("v1:programme-detail", w.draft.pk)).status_code == 404
        assert client.get(url("programme:measurement-add", slug)).status_code == 302


def test_the_api_lists_drafts_of_ones_own_areas_only(client, login_verified, world):
    login_verified(client, world.users["westwijk"])
    listed = {
        (p["area"]["slug"], p["edition_year"])
        for p in client.get(url("v1:programme-list"), {"limit": 50}).json()["results"]
    }
    assert listed == {("westwijk", 2023), ("westwijk", 2024), ("nieuwland-oost", 2023)}


def area_routes(patterns, prefix=""):
    """(name, route) of every URL whose first segment is an area."""
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            found += [(namespace + n, r) for n, r in area_routes(pattern.url_patterns, route)]
        elif isinstance(pattern, URLPattern) and route.startswith("<slug:area"):
            found.append((pattern.name, route))
    return found


# Pages of an area that anyone may read (some show staff a link more, tested above).
PUBLIC_PAGES = {
    "reports_public:overview",
    "reports_public:new",
    "reports_public:received",
    "inspections:schedule",
    "inspections:open-actions",
    "inspections:round",
    "socialmap:search",
    "socialmap:offer",
    "socialmap:place",
    "socialmap:place-ical",
    "socialmap:theme",
    "socialmap:theme-ical",
    "socialmap:event-ical",
    "socialmap:agenda",
    "socialmap:flyer",
    "programme:overview",
    "programme:line",
    "programme:indicator",
    "programme:data-quality",
    "programme:editions",
    "interventions:list",
    "interventions:detail",
    "interventions:money-current",
    "interventions:money",
    "interventions:reach-overview",
    "interventions:reach",
    "interventions:coverage",
    "interventions:coverage-goals",
    "interventions:coverage-goals-csv",
    "interventions:coverage-goals-xlsx",
    "interventions:coverage-ages",
    "interventions:coverage-ages-csv",
    "interventions:coverage-ages-xlsx",
}
# Referral pages follow the organisation (the list and the form are per organisation too).
BY_ORGANISATION = {"referrals:list", "referrals:new", "referrals:detail", "referrals:step"}
PRIVACY_OFFICER_PAGES = {
    "referrals_subject:search",
    "referrals_subject:person",
    "referrals_subject:export",
    "referrals_subject:erase",
}


def test_every_url_of_an_area_is_in_this_table():
    names = {name for name, _route in area_routes(get_resolver().url_patterns)}
    known = PUBLIC_PAGES | BY_ORGANISATION | PRIVACY_OFFICER_PAGES | set(STAFF_PAGES)
    assert names - known == set(), "a new page of an area: add it to the table"


def test_a_privacy_officer_of_one_area_does_not_reach_another(client, login_verified, world):
    officer = UserFactory(username="privacy", permissions=["referrals.handle_subject_request"])
    Membership.objects.create(user=officer, organisation=world.areas["westwijk"].council)
    login_verified(client, officer)
    assert client.get(url("referrals_subject:search", "westwijk")).status_code == 200
    assert client.get(url("referrals_subject:search", "nieuwland-oost")).status_code == 404
