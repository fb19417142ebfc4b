"""Computed effort indicators: participants of chosen interventions, and reports on time.

Each test derives the expected monthly values by hand from the records it made, then
lets `manage.py compute_metrics` compute them and compares.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command

from wijkaanpak.interventions import metrics
from wijkaanpak.interventions.models import AgeBand, ReachRecord
from wijkaanpak.programme import metrics as registry
from wijkaanpak.programme.models import Indicator, Measurement, Programme
from wijkaanpak.programme.tests.factories import IndicatorFactory
from wijkaanpak.reports import metrics as report_metrics
from wijkaanpak.reports.models import Status
from wijkaanpak.reports.tests.factories import CategoryFactory, ReportFactory, amsterdam

from .factories import InterventionFactory

D = dt.date
NOW = dt.datetime(2024, 4, 10, 9, tzinfo=dt.UTC)


def quiet():
    return open("/dev/null", "w")


def current_rows(indicator):
    return list(
        Measurement.objects.current()
        .filter(indicator=indicator)
        .order_by("period_end")
        .values_list("period_start", "value", "source")
    )


@pytest.mark.parametrize(
    ("parameter", "tokens"),
    [
        ("krachtbus", ("krachtbus",)),
        ("krachtbus,buurtgezinnen", ("krachtbus", "buurtgezinnen")),
        (" Krachtbus , 12 ", ("krachtbus", "12")),
        ("krachtbus,,12", None),
        ("krachtbus;12", None),
        ("krachtbus,krachtbus", None),
        ("kracht bus", None),
    ],
)
def test_the_key_names_the_interventions(parameter, tokens):
    assert metrics.parse(parameter) == tokens
    metric = registry.get(f"{metrics.PREFIX}:{parameter}")
    if tokens is None:
        assert metric is None
    else:
        assert metric.label == metrics.LABEL
        assert metric.source.endswith(f"(interventies: {', '.join(tokens)})")


def reach(intervention, start, end, participants, band=AgeBand.YOUTH_12_18, hood=None):
    return ReachRecord.objects.create(
        intervention=intervention,
        period_start=start,
        period_end=end,
        age_band=band,
        neighbourhood=hood,
        participants=participants,
        source="presentielijst",
    )


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_participants_per_month_match_a_count_from_the_records(westwijk):
    krachtbus = westwijk.interventions.get(slug="krachtbus")
    buurtgezinnen = westwijk.interventions.get(slug="buurtgezinnen")
    other = westwijk.interventions.get(slug="study-and-chill")
    hood = westwijk.area.neighbourhoods.first()
    counted = [
        reach(krachtbus, D(2024, 1, 1), D(2024, 1, 31), 12),
        reach(krachtbus, D(2024, 1, 1), D(2024, 1, 31), 8, AgeBand.PARENTS_ADULTS, hood),
        reach(krachtbus, D(2023, 12, 1), D(2024, 2, 29), 30),  # ends in February
        reach(buurtgezinnen, D(2024, 1, 10), D(2024, 1, 20), 4, AgeBand.CHILDREN_4_12),
        reach(buurtgezinnen, D(2024, 3, 1), D(2024, 3, 31), 0, AgeBand.CHILDREN_0_4),
    ]
    reach(other, D(2024, 1, 1), D(2024, 1, 31), 99)  # not chosen
    reach(krachtbus, D(2024, 4, 1), D(2024, 4, 9), 5)  # April is still running
    indicator = IndicatorFactory(
        programme=westwijk,
        line=krachtbus.line,
        kind=Indicator.Kind.EFFORT,
        unit=Indicator.Unit.COUNT,
        metric_key=f"interventions.participants:krachtbus,{buurtgezinnen.number}",
    )

    call_command("compute_metrics", stdout=quiet(), stderr=quiet())
    call_command("compute_metrics", stdout=quiet(), stderr=quiet())  # idempotent

    by_month = defaultdict(int)
    for r in counted:
        by_month[r.period_end.replace(day=1)] += r.participants
    source = registry.get(indicator.metric_key).source
    expected = [(month, Decimal(total), source) for month, total in sorted(by_month.items())]
    assert expected[0][1] == Decimal(24)  # the hand count, so the test can fail
    assert current_rows(indicator) == expected
    assert "krachtbus" in source and str(buurtgezinnen.number) in source
    # A month without records has no figure: December 2023 has none, not 0.
    assert not Measurement.objects.filter(indicator=indicator, period_end__year=2023).exists()


@pytest.mark.django_db
def test_an_intervention_is_followed_into_other_editions(westwijk):
    krachtbus = westwijk.interventions.get(slug="krachtbus")
    later = Programme.objects.create(
        area=westwijk.area,
        edition_year=2024,
        title=westwijk.title,
        ambition=westwijk.ambition,
        ambition_summary=westwijk.ambition_summary,
        starts_on=westwijk.starts_on,
        source_document=westwijk.source_document,
        state=Programme.State.DRAFT,
        previous_edition=westwijk,
    )
    copy = InterventionFactory(programme=later, slug="krachtbus", previous=krachtbus)
    InterventionFactory(programme=later, slug="iets-anders")
    reach(krachtbus, D(2024, 1, 1), D(2024, 1, 31), 3)
    reach(copy, D(2024, 1, 1), D(2024, 1, 31), 4, AgeBand.CHILDREN_4_12)
    assert metrics.resolve(westwijk, ("krachtbus",)) == sorted([krachtbus.pk, copy.pk])
    assert metrics.resolve(later, ("krachtbus",)) == sorted([krachtbus.pk, copy.pk])
    january = (D(2024, 1, 1), D(2024, 1, 31))
    assert registry.get("interventions.participants:krachtbus").compute(later, *january) == Decimal(
        7
    )
    assert registry.get("interventions.participants:onbekend").compute(westwijk, *january) is None


# Reports in Westwijk, each with the hand-made verdict: picked up within 5 working days?
# (received, picked up, on time) - None for picked up means not picked up (yet).
REPORTS = [
    (amsterdam(2024, 1, 2, 10), amsterdam(2024, 1, 3, 9), True),
    (amsterdam(2024, 1, 5, 16), amsterdam(2024, 1, 12, 9), True),  # Fri -> Fri: 5 days
    (amsterdam(2024, 1, 15, 9), amsterdam(2024, 1, 23, 9), False),  # 6 working days
    (amsterdam(2024, 1, 30, 9), None, False),  # never picked up, term long over
    (amsterdam(2024, 2, 26, 9), amsterdam(2024, 3, 4, 9), True),  # received in February
    (
        amsterdam(2024, 3, 27, 9),
        amsterdam(2024, 4, 5, 9),
        True,
    ),  # Good Friday, Easter Monday: due 5 April
]


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_reports_picked_up_on_time_per_month_match_a_hand_count(westwijk):
    hood = westwijk.area.neighbourhoods.first()
    category = CategoryFactory(name="Grofvuil")
    for received, picked, _on_time in REPORTS:
        ReportFactory(
            area=westwijk.area,
            neighbourhood=hood,
            category=category,
            received_at=received,
            picked_up_at=picked,
            status=Status.PICKED_UP if picked else Status.RECEIVED,
        )
    ReportFactory(
        area=westwijk.area,
        neighbourhood=hood,
        category=category,
        received_at=amsterdam(2024, 2, 1, 9),
        status=Status.CANCELLED,
    )  # a cancelled report is not counted
    indicator = westwijk.indicators.get(metric_key=report_metrics.KEY)

    call_command("compute_metrics", stdout=quiet(), stderr=quiet())

    verdicts = defaultdict(list)
    for received, _picked, on_time in REPORTS:
        verdicts[received.date().replace(day=1)].append(on_time)
    expected = [
        (month, (Decimal(100 * sum(v)) / len(v)).quantize(Decimal("0.1")), report_metrics.SOURCE)
        for month, v in sorted(verdicts.items())
    ]
    assert current_rows(indicator) == expected
    # The same by hand: January 2 of 4 on time, February 1 of 1, March 1 of 1.
    assert expected == [
        (D(2024, 1, 1), Decimal("50.0"), report_metrics.SOURCE),
        (D(2024, 2, 1), Decimal("100.0"), report_metrics.SOURCE),
        (D(2024, 3, 1), Decimal("100.0"), report_metrics.SOURCE),
    ]
