"""The daily deadline check with many reports: late ones are found by id and read in
batches, and an organisation's staff are looked up once per run (bench/ measured it)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wijkaanpak.areas.tests.factories import OrganisationFactory
from wijkaanpak.reports import deadlines_enforcement, notify
from wijkaanpak.reports.models import DeadlineBreach, Status

from .factories import CategoryFactory, ReportFactory, handler

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 4)  # a Wednesday without holidays around it


@pytest.fixture(autouse=True)
def quiet_mail(monkeypatch):
    monkeypatch.setattr(notify, "enqueue_deadline_alert", lambda report, user, day: None)


@pytest.fixture
def category():
    organisation = OrganisationFactory()
    handler(organisation, email="ploeg@irado.example")
    return CategoryFactory(handling_organisation=organisation)


def report(category, pickup_due_on, **kwargs):
    return ReportFactory(
        category=category,
        pickup_due_on=pickup_due_on,
        resolution_due_on=pickup_due_on + dt.timedelta(days=30),
        **kwargs,
    )


def test_every_late_report_is_recorded_when_they_come_in_several_batches(category, monkeypatch):
    monkeypatch.setattr(deadlines_enforcement, "BATCH", 2)
    late = [report(category, TODAY - dt.timedelta(days=n)) for n in range(1, 6)]
    report(category, TODAY - dt.timedelta(days=2), status=Status.PICKED_UP, picked_up_at=None)
    on_time = report(category, TODAY - dt.timedelta(days=3))
    on_time.picked_up_at = dt.datetime(2026, 2, 25, 10, tzinfo=dt.UTC)
    on_time.save()
    summary = deadlines_enforcement.check_deadlines(TODAY)
    assert summary.pickup_breaches == 6
    recorded = set(DeadlineBreach.objects.values_list("report_id", flat=True))
    assert {r.pk for r in late} <= recorded
    assert on_time.pk not in recorded
    again = deadlines_enforcement.check_deadlines(TODAY)
    assert again.pickup_breaches == 0


def test_staff_of_an_organisation_are_read_once_for_all_its_reports_at_risk(category):
    report(category, TODAY)
    with CaptureQueriesContext(connection) as one:
        deadlines_enforcement.alert_at_risk(TODAY, deadlines_enforcement.Summary())
    for _ in range(4):
        report(category, TODAY)
    with CaptureQueriesContext(connection) as five:
        deadlines_enforcement.alert_at_risk(TODAY, deadlines_enforcement.Summary())
    per_report = (len(five) - len(one)) / 4
    recipients = [q for q in five.captured_queries if '"areas_membership"' in q["sql"]]
    assert len(recipients) == 1
    assert per_report == len(one) - 2  # the at-risk list and the staff are read once
