"""The 5-day share feeds the Leefbaarheid effort indicator through the metric registry."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command

from wijkaanpak.programme import metrics as registry
from wijkaanpak.programme.models import Measurement
from wijkaanpak.reports import metrics
from wijkaanpak.reports.models import Status
from wijkaanpak.reports.tests.factories import CategoryFactory, ReportFactory, amsterdam

INDICATOR = "meldingen-op-tijd-opgepakt"


def test_the_metric_is_registered_by_the_app():
    metric = registry.get("reports.pickup_within_5_working_days")
    assert metric is not None
    assert metric.compute is metrics.pickup_within_5_working_days
    assert "5 werkdagen" in metric.source


@pytest.fixture
def reports(westwijk):
    """Westwijk reports: January 1 on time and 1 late, February 1 on time, March none."""
    area = westwijk.area
    hood = area.neighbourhoods.get(slug="wetering")
    category = CategoryFactory(name="Zwerfafval")

    def report(received, picked=None, status=None):
        return ReportFactory(
            area=area,
            neighbourhood=hood,
            category=category,
            received_at=received,
            picked_up_at=picked,
            status=status or (Status.PICKED_UP if picked else Status.RECEIVED),
        )

    report(amsterdam(2024, 1, 8), amsterdam(2024, 1, 9))
    report(amsterdam(2024, 1, 22), amsterdam(2024, 2, 5))
    report(amsterdam(2024, 2, 12), amsterdam(2024, 2, 19))  # the due date itself
    report(amsterdam(2024, 2, 13), status=Status.CANCELLED)
    ReportFactory(received_at=amsterdam(2024, 3, 4))  # another area
    return westwijk


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2024, 4, 10, 9, tzinfo=dt.UTC), tick=False)
def test_compute_returns_the_share_of_the_period_or_none(reports):
    compute = metrics.pickup_within_5_working_days
    assert compute(reports, dt.date(2024, 1, 1), dt.date(2024, 1, 31)) == Decimal("50.0")
    assert compute(reports, dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == Decimal("100.0")
    assert compute(reports, dt.date(2024, 1, 1), dt.date(2024, 2, 29)) == Decimal("66.7")
    assert compute(reports, dt.date(2024, 3, 1), dt.date(2024, 3, 31)) is None


@pytest.mark.django_db
def test_a_report_whose_term_still_runs_is_unknown_until_its_due_date_passes(westwijk):
    # Thursday 28 March 2024; Good Friday and Easter Monday do not count: due 8 April.
    report = ReportFactory(
        area=westwijk.area,
        neighbourhood=westwijk.area.neighbourhoods.first(),
        received_at=amsterdam(2024, 3, 28),
    )
    assert report.pickup_due_on == dt.date(2024, 4, 8)
    compute = metrics.pickup_within_5_working_days
    march = (westwijk, dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    with time_machine.travel(amsterdam(2024, 4, 8, 20), tick=False):
        assert compute(*march) is None
    with time_machine.travel(amsterdam(2024, 4, 9, 8), tick=False):
        assert compute(*march) == Decimal("0.0")


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2024, 4, 10, 9, tzinfo=dt.UTC), tick=False)
def test_compute_metrics_gives_monthly_measurements_shown_on_the_line(reports, client):
    indicator = reports.indicators.get(slug=INDICATOR)
    assert (indicator.line.slug, indicator.kind, indicator.metric_key) == (
        "leefbaarheid",
        "effort",
        metrics.KEY,
    )

    call_command("compute_metrics", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("compute_metrics", stdout=open("/dev/null", "w"))  # noqa: SIM115  idempotent

    rows = list(
        Measurement.objects.current()
        .filter(indicator=indicator)
        .order_by("period_start")
        .values_list("period_start", "period_end", "value", "source")
    )
    assert rows == [
        (dt.date(2024, 1, 1), dt.date(2024, 1, 31), Decimal("50.0"), metrics.SOURCE),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29), Decimal("100.0"), metrics.SOURCE),
    ]
    assert Measurement.objects.filter(indicator=indicator).count() == 2

    line_page = client.get("/westwijk/lijnen/leefbaarheid/").content.decode()
    assert indicator.name in line_page
    assert "100,0%" in line_page  # the latest month, in Dutch notation
    assert "Automatisch berekend" in line_page

    indicator_page = client.get(indicator.get_absolute_url()).content.decode()
    assert metrics.SOURCE in indicator_page  # how it is computed
    assert "regel 2714-2717" in indicator_page  # where the promise stands
    assert "Berekend door wijkaanpak uit de meldingen openbare ruimte" in indicator_page
