"""Handler REST API: scoped lists, 404 for others' reports, actions, no contact details."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.reports import notify
from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.models import Report, ReportEvent, Status

from .factories import CategoryFactory, ReportContactFactory, ReportFactory, handler

pytestmark = pytest.mark.django_db

LIST = reverse("v1:report-list")


def detail(report):
    return reverse("v1:report-detail", args=[report.reference])


def act(report, name):
    return reverse(f"v1:report-{name}", args=[report.reference])


@pytest.fixture(autouse=True)
def quiet_notify(monkeypatch):
    monkeypatch.setattr(notify, "on_event", lambda event: None)


@pytest.fixture
def api():
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def org():
    return OrganisationFactory()


@pytest.fixture
def staff(api, org, login_verified):
    user = handler(org)
    login_verified(api, user)
    return user


def csrf(api):
    """SessionAuthentication checks CSRF on POST, as for a browser session: send a token."""
    token = "k" * 32
    api.cookies["csrftoken"] = token
    return {"HTTP_X_CSRFTOKEN": token}


def test_list_shows_own_reports_only_without_contact_details(api, staff, org):
    mine = ReportFactory(category__handling_organisation=org)
    ReportContactFactory(report=mine, email="geheim@example.org", phone="0612345678")
    ReportFactory()
    response = api.get(LIST)
    assert response.status_code == 200
    assert [r["reference"] for r in response.json()["results"]] == [mine.reference]
    row = response.json()["results"][0]
    assert row["has_contact"] is True
    assert "geheim@example.org" not in response.content.decode()
    assert "0612345678" not in response.content.decode()
    assert "status_token" not in row
    assert not ProcessingRecord.objects.exists()


def test_retrieve_has_history_and_others_are_404(api, staff, org):
    mine = ReportFactory(category__handling_organisation=org)
    ReportEvent.objects.create(
        report=mine, kind=ReportEvent.Kind.NOTE, actor_label="x", internal_note="intern geheim"
    )
    response = api.get(detail(mine))
    assert response.status_code == 200
    assert response.json()["events"][0]["kind"] == "note"
    assert "intern geheim" not in response.content.decode()
    assert api.get(detail(ReportFactory())).status_code == 404
    assert api.get(reverse("v1:report-detail", args=["M-1900-00001"])).status_code == 404


def test_filters(api, staff, org):
    lamp = CategoryFactory(handling_organisation=org, slug="lamp")
    sub = CategoryFactory(handling_organisation=org, parent=lamp, slug="lamp-stuk")
    place = NeighbourhoodFactory(slug="oost")
    today = deadlines.today()
    late = ReportFactory(category=sub, pickup_due_on=today - dt.timedelta(days=1))
    fine = ReportFactory(
        category__handling_organisation=org,
        neighbourhood=place,
        area=place.area,
        pickup_due_on=today + dt.timedelta(days=3),
        status=Status.CANCELLED,
    )

    def refs(**params):
        response = api.get(LIST, params)
        assert response.status_code == 200, response.content
        return {r["reference"] for r in response.json()["results"]}

    assert refs(category="lamp") == {late.reference}
    assert refs(category="bestaat-niet") == set()
    assert refs(neighbourhood="oost") == {fine.reference}
    assert refs(status="cancelled") == {fine.reference}
    assert refs(overdue="true") == {late.reference}
    assert refs(overdue="false") == {fine.reference}
    assert api.get(LIST, {"status": "weg"}).status_code == 400
    assert api.get(LIST, {"overdue": "misschien"}).status_code == 400


def test_pickup_resolve_and_errors(api, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    headers = csrf(api)
    response = api.post(act(report, "resolve"), {"reason": "Klaar."}, format="json", **headers)
    assert response.status_code == 409 and "Pak de melding eerst op" in response.json()["detail"]
    response = api.post(act(report, "pickup"), {}, format="json", **headers)
    assert response.status_code == 200 and response.json()["status"] == "picked_up"
    assert api.post(act(report, "pickup"), {}, format="json", **headers).status_code == 409
    response = api.post(act(report, "resolve"), {"reason": ""}, format="json", **headers)
    assert response.status_code == 400 and "reason" in response.json()
    response = api.post(
        act(report, "resolve"), {"reason": "De lamp brandt."}, format="json", **headers
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == Status.RESOLVED and report.public_reason == "De lamp brandt."


def test_cancel_and_late_reason(api, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    headers = csrf(api)
    assert (
        api.post(
            act(report, "late-reason"), {"reason": "Storm."}, format="json", **headers
        ).status_code
        == 200
    )
    assert (
        api.post(act(report, "cancel"), {"reason": "Dubbel."}, format="json", **headers).status_code
        == 200
    )
    report.refresh_from_db()
    assert report.status == Status.CANCELLED
    assert list(report.events.values_list("kind", flat=True)) == ["late_reason", "status_changed"]


def test_post_without_csrf_token_is_refused(api, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    assert api.post(act(report, "pickup"), {}, format="json").status_code == 403
    report.refresh_from_db()
    assert report.status == Status.RECEIVED


# ---- Permission matrix of the API -------------------------------------------------------

ROLES = ["anonymous", "no_membership", "own_handler", "other_handler", "own_read_only", "no_rights"]
ACTIONS = [
    ("pickup", {}),
    ("resolve", {"reason": "x"}),
    ("cancel", {"reason": "x"}),
    ("late-reason", {"reason": "x"}),
]


def make(role, own, other):
    return {
        "anonymous": None,
        "no_membership": lambda: handler(None),
        "own_handler": lambda: handler(own),
        "other_handler": lambda: handler(other),
        "own_read_only": lambda: handler(own, permissions=["reports.view_report"]),
        "no_rights": lambda: UserFactory(),
    }[role]


@pytest.mark.parametrize("role", ROLES)
def test_api_permission_matrix(role, login_verified):
    own, other = OrganisationFactory(), OrganisationFactory()
    mine = ReportFactory(category__handling_organisation=own)
    theirs = ReportFactory(category__handling_organisation=other)
    api = APIClient()
    factory = make(role, own, other)
    if factory is not None:
        login_verified(api, factory())
    listed = api.get(LIST)
    expected_list = {
        "own_handler": {mine.reference},
        "own_read_only": {mine.reference},
        "other_handler": {theirs.reference},
        "no_membership": set(),
    }
    if role in expected_list:
        assert listed.status_code == 200
        assert {r["reference"] for r in listed.json()["results"]} == expected_list[role]
    else:
        assert listed.status_code == 403
    for report in (mine, theirs):
        visible = report.reference in expected_list.get(role, set())
        assert api.get(detail(report)).status_code == (
            200 if visible else 404 if role in expected_list else 403
        )
        for name, body in ACTIONS:
            Report.objects.filter(pk=report.pk).update(status=Status.RECEIVED, picked_up_at=None)
            status = api.post(act(report, name), body, format="json").status_code
            if role in ("own_handler", "other_handler") and visible:
                assert status in (200, 409), (name, status)
            elif role in ("own_handler", "other_handler", "no_membership"):
                assert status == 404, (name, status)
            else:
                assert status == 403, (name, status)
    assert not ProcessingRecord.objects.exists()


def test_schema_lists_the_report_endpoints(client):
    schema = client.get(reverse("api-schema")).content.decode()
    for path in [
        "/api/v1/reports/",
        "/api/v1/reports/{reference}/pickup/",
        "/api/v1/reports/{reference}/late-reason/",
    ]:
        assert path in schema
