"""The handler queue at scale: shown a page at a time, at a cost that does not grow with the
backlog or with the organisation's closed history (bench/ measured both)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkaanpak.areas.tests.factories import NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.reports import notify
from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.models import Status
from wijkaanpak.reports.services import queue

from .factories import CategoryFactory, ReportFactory, handler

pytestmark = pytest.mark.django_db
QUEUE = reverse("reports_handlers:queue")


@pytest.fixture(autouse=True)
def quiet_notify(monkeypatch):
    monkeypatch.setattr(notify, "on_event", lambda event: None)


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(queue, "PAGE_SIZE", 2)


@pytest.fixture
def org():
    return OrganisationFactory(name="Irado")


@pytest.fixture
def category(org):
    # A sub-category: its name on the page reads the main category too.
    return CategoryFactory(
        handling_organisation=org, parent=CategoryFactory(handling_organisation=org)
    )


@pytest.fixture
def staff(client, org, login_verified):
    login_verified(client, handler(org))
    return client


def due(days_from_today, category, **kwargs):
    day = deadlines.today() + dt.timedelta(days=days_from_today)
    return ReportFactory(
        category=category, pickup_due_on=day, resolution_due_on=day + dt.timedelta(30), **kwargs
    )


def shown(response) -> dict[str, list[str]]:
    return {s.key: [r.reference for r in s.reports] for s in response.context["sections"]}


def test_the_queue_is_shown_a_page_at_a_time_in_deadline_order(staff, category):
    late = [due(-3, category), due(-2, category), due(-1, category)]
    later = due(30, category)
    first = staff.get(QUEUE)
    assert shown(first)["overdue"] == [late[0].reference, late[1].reference]
    assert shown(first)["later"] == []
    totals = {s.key: s.total for s in first.context["sections"]}
    assert totals == {"overdue": 3, "today": 0, "this_week": 0, "later": 1}
    assert (first.context["page"].number, first.context["page"].pages) == (1, 2)
    assert "pagina=2" in first.content.decode()
    second = staff.get(QUEUE, {"pagina": 2})
    assert shown(second)["overdue"] == [late[2].reference]
    assert shown(second)["later"] == [later.reference]
    assert "Pagina 2 van 2" in second.content.decode()


@pytest.mark.parametrize(("asked", "number"), [("0", 1), ("x", 1), ("99", 2), ("", 1)])
def test_a_bad_or_too_high_page_number_shows_a_page_that_exists(staff, category, asked, number):
    for days in (-3, -2, -1):
        due(days, category)
    response = staff.get(QUEUE, {"pagina": asked})
    assert response.status_code == 200
    assert response.context["page"].number == number


def test_page_links_keep_the_filters(staff, category):
    place = NeighbourhoodFactory()
    for days in (-3, -2, -1):
        due(days, category, neighbourhood=place, area=place.area)
    response = staff.get(QUEUE, {"neighbourhood": place.pk})
    assert f"neighbourhood={place.pk}&amp;pagina=2" in response.content.decode()


def test_a_section_on_a_later_page_says_where_it_starts(staff, category):
    for days in (-3, -2, -1):
        due(days, category)
    today = due(0, category)
    response = staff.get(QUEUE)
    section = next(s for s in response.context["sections"] if s.key == "today")
    assert (section.reports, section.total, section.first_page) == ([], 1, 2)
    assert "Deze meldingen staan vanaf pagina 2" in response.content.decode()
    assert shown(staff.get(QUEUE, {"pagina": 2}))["today"] == [today.reference]


def test_queue_queries_do_not_grow_with_the_backlog_or_the_closed_history(
    staff, category, monkeypatch
):
    monkeypatch.setattr(queue, "PAGE_SIZE", 50)
    due(-1, category)
    with CaptureQueriesContext(connection) as few:
        staff.get(QUEUE)
    for days in range(-5, 10):
        # More sub-categories too: each is a choice of the filter, labelled with its parent.
        other = CategoryFactory(
            handling_organisation=category.handling_organisation, parent=category.parent
        )
        due(days, other)
        due(days, category, status=Status.RESOLVED)
    with CaptureQueriesContext(connection) as many:
        response = staff.get(QUEUE)
    assert sum(len(s.reports) for s in response.context["sections"]) == 16
    assert len(many) == len(few)


def test_filter_choices_come_from_the_open_queue(staff, category):
    open_here, closed_there = NeighbourhoodFactory(), NeighbourhoodFactory()
    due(-1, category, neighbourhood=open_here, area=open_here.area)
    due(-1, category, neighbourhood=closed_there, area=closed_there.area, status=Status.RESOLVED)
    form = staff.get(QUEUE).context["form"]
    assert [c for c, _label in form.fields["neighbourhood"].choices if c] == [open_here.pk]
