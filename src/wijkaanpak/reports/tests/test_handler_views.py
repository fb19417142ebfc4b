"""Handler pages: the queue, a report, the actions, photos; and the permission matrix."""

import datetime as dt

import pytest
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.reports import notify
from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.models import Report, ReportEvent, Status

from .factories import (
    CategoryFactory,
    ReportContactFactory,
    ReportFactory,
    ReportPhotoFactory,
    handler,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quiet_notify(monkeypatch):
    monkeypatch.setattr(notify, "on_event", lambda event: None)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def org():
    return OrganisationFactory(name="Irado")


@pytest.fixture
def staff(client, org, login_verified):
    user = handler(org, first_name="Sam", last_name="Behandelaar")
    login_verified(client, user)
    return user


def due(days_from_today, *, picked_up=False, **kwargs):
    """A report whose next due date is `days_from_today` calendar days from today."""
    day = deadlines.today() + dt.timedelta(days=days_from_today)
    values = {"pickup_due_on": day, "resolution_due_on": day + dt.timedelta(days=30)}
    if picked_up:
        values = {"pickup_due_on": day - dt.timedelta(days=30), "resolution_due_on": day}
        kwargs.setdefault("status", Status.PICKED_UP)
        kwargs.setdefault("picked_up_at", dt.datetime.now(dt.UTC))
    return ReportFactory(**values, **kwargs)


def test_queue_sorts_reports_into_sections_by_the_deadline_that_counts(client, staff, org):
    category = CategoryFactory(handling_organisation=org)
    today = deadlines.today()
    week_left = 6 - today.weekday()
    late = due(-1, category=category)
    now = due(0, category=category, picked_up=True)
    later = due(week_left + 1, category=category)
    due(-3, category=category, status=Status.RESOLVED)  # closed: not in the queue
    due(-3)  # another organisation
    response = client.get(reverse("reports_handlers:queue"))
    assert response.status_code == 200
    sections = {s.key: s.reports for s in response.context["sections"]}
    assert sections["overdue"] == [late]
    assert sections["today"] == [now]
    assert sections["later"] == [later]
    assert response.context["sections"][0].total == 1
    assert "no-store" in response["Cache-Control"]
    if week_left:
        soon = due(1, category=category)
        response = client.get(reverse("reports_handlers:queue"))
        assert {s.key: s.reports for s in response.context["sections"]}["this_week"] == [soon]


def test_queue_filters_by_neighbourhood_and_main_category(client, staff, org):
    lamp = CategoryFactory(handling_organisation=org, slug="licht")
    bulb = CategoryFactory(handling_organisation=org, parent=lamp)
    other = CategoryFactory(handling_organisation=org)
    here = NeighbourhoodFactory(name="Oost")
    a = ReportFactory(category=bulb, neighbourhood=here, area=here.area)
    ReportFactory(category=other, neighbourhood=here, area=here.area)
    ReportFactory(category=bulb)
    response = client.get(
        reverse("reports_handlers:queue"), {"neighbourhood": here.pk, "category": lamp.pk}
    )
    shown = [r for s in response.context["sections"] for r in s.reports]
    assert shown == [a]
    choices = [c for c, _ in response.context["form"].fields["neighbourhood"].choices if c]
    assert len(choices) == 2  # only neighbourhoods of the user's own reports


def test_bad_filter_value_is_a_clear_error_not_a_500(client, staff):
    response = client.get(reverse("reports_handlers:queue"), {"category": "abc"})
    assert response.status_code == 200
    assert response.context["form"].errors["category"]


def test_bulk_pickup_picks_up_own_reports_only_and_says_so(client, staff, org):
    mine = ReportFactory(category__handling_organisation=org)
    done = ReportFactory(
        category__handling_organisation=org,
        status=Status.PICKED_UP,
        picked_up_at=dt.datetime.now(dt.UTC),
    )
    theirs = ReportFactory()
    response = client.post(
        reverse("reports_handlers:bulk-pickup"),
        {"reports": [mine.reference, done.reference, theirs.reference]},
        follow=True,
    )
    text = str(next(iter(response.context["messages"])))
    assert f"1 opgepakt: {mine.reference}." in text
    assert f"1 al opgepakt of gesloten: {done.reference}." in text
    assert "1 niet gevonden." in text and theirs.reference not in text
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == Status.PICKED_UP and mine.picked_up_by == staff
    assert theirs.status == Status.RECEIVED and not theirs.events.exists()


def test_bulk_pickup_without_choice_asks_to_choose(client, staff):
    response = client.post(reverse("reports_handlers:bulk-pickup"), follow=True)
    assert "Kies eerst" in str(next(iter(response.context["messages"])))


def test_detail_shows_history_contacts_photos_and_logs_one_read(client, staff, org):
    report = ReportFactory(category__handling_organisation=org, description="Lamp stuk")
    contact = ReportContactFactory(report=report, email="melder@example.org", phone="")
    photo = ReportPhotoFactory(report=report)
    ReportEvent.objects.create(report=report, kind=ReportEvent.Kind.CREATED, actor_label="website")
    url = reverse("reports_handlers:detail", args=[report.reference])
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "melder@example.org" in body and "Lamp stuk" in body
    assert reverse("reports_handlers:photo", args=[report.reference, photo.pk]) in body
    assert "/media/" not in body
    assert "ontvangen" in body  # the history
    record = ProcessingRecord.objects.get()
    assert (record.action, record.subject_id, record.object_id, record.request_path) == (
        "read",
        str(contact.pk),
        report.reference,
        url,
    )
    assert record.data_kinds == ["e-mailadres"]
    assert "no-store" in response["Cache-Control"]


def test_detail_without_contacts_writes_no_record(client, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    assert (
        client.get(reverse("reports_handlers:detail", args=[report.reference])).status_code == 200
    )
    assert not ProcessingRecord.objects.exists()


def test_photo_is_served_to_the_handler_with_safe_headers(client, staff, org):
    photo = ReportPhotoFactory(report__category__handling_organisation=org)
    response = client.get(
        reverse("reports_handlers:photo", args=[photo.report.reference, photo.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_photo_of_another_report_through_my_report_is_404(client, staff, org):
    mine = ReportFactory(category__handling_organisation=org)
    foreign = ReportPhotoFactory()
    url = reverse("reports_handlers:photo", args=[mine.reference, foreign.pk])
    assert client.get(url).status_code == 404


def action(report, slug):
    return reverse("reports_handlers:action", args=[report.reference, slug])


def test_pick_up_plan_resolve_through_the_pages(client, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    response = client.post(action(report, "oppakken"), {"oppakken-internal_note": "ik ga"})
    assert response.status_code == 302
    client.post(action(report, "inplannen"), {"inplannen-public_text": "Dinsdag."})
    response = client.post(action(report, "oplossen"), {"oplossen-reason": ""})
    assert response.status_code == 400
    assert "Schrijf een uitleg voor de melder." in response.content.decode()
    response = client.post(action(report, "oplossen"), {"oplossen-reason": "De lamp brandt."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.RESOLVED and report.public_reason == "De lamp brandt."
    assert report.picked_up_by == staff
    assert list(report.events.values_list("to_status", flat=True)) == [
        "picked_up",
        "planned",
        "resolved",
    ]


def test_an_action_the_workflow_refuses_shows_a_dutch_error(client, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    response = client.post(action(report, "inplannen"), {})
    assert response.status_code == 400
    assert "Pak de melding eerst op." in response.content.decode()
    assert not report.events.exists()


def test_cancel_and_late_reason_need_a_reason(client, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    assert client.post(action(report, "reden-later"), {}).status_code == 400
    client.post(action(report, "reden-later"), {"reden-later-reason": "Storm."})
    client.post(action(report, "annuleren"), {"annuleren-reason": "Privégrond."})
    report.refresh_from_db()
    assert report.status == Status.CANCELLED and report.public_reason == "Privégrond."
    kinds = list(report.events.values_list("kind", flat=True))
    assert kinds == [ReportEvent.Kind.LATE_REASON, ReportEvent.Kind.STATUS_CHANGED]


def test_merge_by_reference_and_it_logs_the_moved_contacts(client, staff, org):
    original = ReportFactory(category__handling_organisation=org)
    duplicate = ReportFactory(category__handling_organisation=org)
    ReportContactFactory(report=duplicate)
    theirs = ReportFactory()
    response = client.post(
        action(duplicate, "samenvoegen"), {"samenvoegen-original": theirs.reference}
    )
    assert response.status_code == 400
    assert "hoort niet bij uw organisatie" in response.content.decode()
    before = ProcessingRecord.objects.count()
    response = client.post(
        action(duplicate, "samenvoegen"), {"samenvoegen-original": original.reference.lower()}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.status == Status.DUPLICATE and duplicate.duplicate_of == original
    update = ProcessingRecord.objects.order_by("pk")[before]
    assert (update.action, update.object_id) == ("update", duplicate.reference)
    assert original.contacts.count() == 1


def test_unknown_action_is_404(client, staff, org):
    report = ReportFactory(category__handling_organisation=org)
    assert client.post(action(report, "verwijderen")).status_code == 404


# ---- The permission matrix (security.md A1, A3; issue "Done when") -------------------------

ROLES = ["anonymous", "no_membership", "own_handler", "other_handler", "own_read_only"]


def make_user(role, own, other):
    return {
        "anonymous": lambda: None,
        "no_membership": lambda: handler(None),
        "own_handler": lambda: handler(own),
        "other_handler": lambda: handler(other),
        "own_read_only": lambda: handler(own, permissions=["reports.view_report"]),
    }[role]()


# (name, method, url builder, expected status per role for the OWN organisation's report)
PAGES = [
    (
        "detail",
        "get",
        lambda r, p: reverse("reports_handlers:detail", args=[r.reference]),
        {"own_handler": 200, "own_read_only": 200},
    ),
    (
        "photo",
        "get",
        lambda r, p: reverse("reports_handlers:photo", args=[r.reference, p.pk]),
        {"own_handler": 200, "own_read_only": 200},
    ),
    *(
        (
            f"action:{slug}",
            "post",
            (lambda s: lambda r, p: action(r, s))(slug),
            {"own_handler": 302, "own_read_only": 403},
        )
        for slug in [
            "oppakken",
            "annuleren",
            "reden-later",
            "samenvoegen",
            "notitie",
            "inplannen",
            "wachten",
            "oplossen",
            "heropenen",
        ]
    ),
]
VALID_POST = {
    "annuleren-reason": "Reden.",
    "reden-later-reason": "Reden.",
    "oplossen-reason": "Reden.",
    "notitie-note": "Notitie.",
}


# Whose report it is, seen from the role: "other_handler" works for the other organisation.
HOME = {"own_handler": "own", "own_read_only": "own", "other_handler": "other"}
AS_ROLE = {
    "own_handler": "own_handler",
    "own_read_only": "own_read_only",
    "other_handler": "own_handler",
}


def expected_status(role, side, allowed):
    if HOME.get(role) != side:
        return 404  # not their organisation's report: it does not exist for them
    return allowed[AS_ROLE[role]]


@pytest.fixture
def world(org):
    other = OrganisationFactory(name="Waterweg Wonen")
    reports = {}
    for side, organisation in (("own", org), ("other", other)):
        report = ReportFactory(category__handling_organisation=organisation)
        ReportContactFactory(report=report)
        photo = ReportPhotoFactory(report=report)
        reports[side] = (report, photo)
    # A second open report of each side, as the target of a merge.
    targets = {
        side: ReportFactory(category__handling_organisation=o)
        for side, o in (("own", org), ("other", other))
    }
    return org, other, reports, targets


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("side", ["own", "other"])
@pytest.mark.parametrize(("name", "method", "url", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_permission_matrix_report_urls(
    client, login_verified, world, role, side, name, method, url, allowed
):
    own, other, reports, targets = world
    report, photo = reports[side]
    if name in ("action:inplannen", "action:wachten", "action:oplossen"):
        Report.objects.filter(pk=report.pk).update(
            status=Status.PICKED_UP, picked_up_at=dt.datetime.now(dt.UTC)
        )
    if name == "action:heropenen":
        Report.objects.filter(pk=report.pk).update(status=Status.RESOLVED)
    user = make_user(role, own, other)
    if user is not None:
        login_verified(client, user)
    data = {**VALID_POST, "samenvoegen-original": targets[side].reference}
    before_events = ReportEvent.objects.count()
    before_log = ProcessingRecord.objects.count()
    response = getattr(client, method)(url(report, photo), data if method == "post" else None)
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/" in response["Location"]
    else:
        assert response.status_code == expected_status(role, side, allowed), response.content[:300]
    succeeded = response.status_code in (200, 302) and role != "anonymous"
    if not succeeded:
        assert ReportEvent.objects.count() == before_events
        assert ProcessingRecord.objects.count() == before_log
        assert report.reference.encode() not in response.content or response.status_code == 302
    if name == "detail" and succeeded:
        assert ProcessingRecord.objects.count() == before_log + 1


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_queue_and_bulk_pickup(client, login_verified, world, role):
    own, other, reports, targets = world
    mine, theirs = reports["own"][0], reports["other"][0]
    user = make_user(role, own, other)
    if user is not None:
        login_verified(client, user)
    response = client.get(reverse("reports_handlers:queue"))
    if role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        shown = {r.reference for s in response.context["sections"] for r in s.reports}
        expected = {
            "no_membership": set(),
            "own_handler": {mine.reference, targets["own"].reference},
            "own_read_only": {mine.reference, targets["own"].reference},
            "other_handler": {theirs.reference, targets["other"].reference},
        }[role]
        assert shown == expected
        assert not ProcessingRecord.objects.exists()  # the queue shows no contact details
    response = client.post(
        reverse("reports_handlers:bulk-pickup"), {"reports": [mine.reference, theirs.reference]}
    )
    expected_status = {"anonymous": 302, "own_read_only": 403, "no_membership": 302}
    assert response.status_code == expected_status.get(role, 302)
    picked = set(Report.objects.filter(status=Status.PICKED_UP).values_list("reference", flat=True))
    assert picked == {
        "own_handler": {mine.reference},
        "other_handler": {theirs.reference},
    }.get(role, set())


def test_logged_in_user_without_rights_gets_403_on_the_queue(client, login_verified):
    login_verified(client, UserFactory())
    assert client.get(reverse("reports_handlers:queue")).status_code == 403
