"""The counting rule of the public overview and the effort indicator, as dated tables."""

import datetime as dt
from decimal import Decimal

import pytest

from wijkaanpak.reports.models import Status
from wijkaanpak.reports.statistics import (
    Outcome,
    ReportFacts,
    Share,
    area_overview,
    by_group,
    by_month,
    month_starts,
    pickup_outcome,
    report_facts,
    share,
)
from wijkaanpak.reports.tests.factories import CategoryFactory, ReportFactory, amsterdam

D = dt.date
# Received Monday 4 March 2024, due Monday 11 March 2024.
RECEIVED, DUE = D(2024, 3, 4), D(2024, 3, 11)


def facts(status=Status.RECEIVED, picked=None, received=RECEIVED, due=DUE, **kw):
    return ReportFacts(
        received_on=received, pickup_due_on=due, picked_up_on=picked, status=status, **kw
    )


@pytest.mark.parametrize(
    ("status", "picked_up_on", "today", "expected"),
    [
        (Status.PICKED_UP, D(2024, 3, 4), D(2024, 3, 20), Outcome.ON_TIME),  # same day
        (Status.PICKED_UP, DUE, D(2024, 3, 20), Outcome.ON_TIME),  # on the due date itself
        (Status.PICKED_UP, D(2024, 3, 12), D(2024, 3, 20), Outcome.LATE),  # a day after
        (Status.RESOLVED, D(2024, 3, 5), D(2024, 3, 20), Outcome.ON_TIME),
        (Status.REOPENED, D(2024, 3, 15), D(2024, 3, 20), Outcome.LATE),
        (Status.RECEIVED, None, D(2024, 3, 6), Outcome.NOT_YET_KNOWN),  # term still runs
        (Status.RECEIVED, None, DUE, Outcome.NOT_YET_KNOWN),  # the last day is not over
        (Status.RECEIVED, None, D(2024, 3, 12), Outcome.LATE),  # the due date has passed
        (Status.CANCELLED, None, D(2024, 3, 20), Outcome.NOT_COUNTED),
        (Status.CANCELLED, D(2024, 3, 5), D(2024, 3, 20), Outcome.NOT_COUNTED),
        (Status.DUPLICATE, None, D(2024, 3, 20), Outcome.NOT_COUNTED),
        (Status.DUPLICATE, D(2024, 3, 5), D(2024, 3, 20), Outcome.NOT_COUNTED),
    ],
)
def test_pickup_outcome(status, picked_up_on, today, expected):
    assert pickup_outcome(facts(status, picked_up_on), today) == expected


@pytest.mark.parametrize(
    ("on_time", "late", "unknown", "percentage"),
    [
        (0, 0, 0, None),  # nothing at all: unknown, never 0%
        (0, 0, 3, None),  # only reports whose term still runs: unknown
        (0, 2, 0, Decimal("0.0")),  # a real 0%: everything was late
        (2, 0, 5, Decimal("100.0")),
        (2, 1, 0, Decimal("66.7")),
        (1, 2, 0, Decimal("33.3")),
        (1, 7, 0, Decimal("12.5")),
        (7, 9, 0, Decimal("43.8")),  # 43.75 rounds half up
    ],
)
def test_share_percentage(on_time, late, unknown, percentage):
    result = Share(on_time, late, unknown)
    assert result.percentage == percentage
    assert result.reports == on_time + late + unknown
    if percentage is not None:
        assert percentage.as_tuple().exponent == -1


def test_share_counts_each_outcome_and_leaves_out_cancelled_and_duplicates():
    items = [
        facts(Status.PICKED_UP, D(2024, 3, 5)),
        facts(Status.PICKED_UP, D(2024, 3, 15)),
        facts(Status.RECEIVED),
        facts(Status.CANCELLED),
        facts(Status.DUPLICATE, D(2024, 3, 5)),
    ]
    assert share(items, D(2024, 3, 8)) == Share(on_time=1, late=1, not_yet_known=1)


@pytest.mark.parametrize(
    ("today", "count", "first", "last"),
    [
        (D(2024, 3, 15), 12, D(2023, 4, 1), D(2024, 3, 1)),
        (D(2024, 1, 1), 3, D(2023, 11, 1), D(2024, 1, 1)),  # across a year end
        (D(2024, 12, 31), 1, D(2024, 12, 1), D(2024, 12, 1)),
    ],
)
def test_month_starts(today, count, first, last):
    starts = month_starts(today, count)
    assert (len(starts), starts[0], starts[-1]) == (count, first, last)
    assert starts == sorted(starts)


def test_by_month_counts_in_the_month_of_receipt_and_keeps_empty_months():
    items = [
        # Received on the last day of January, picked up in February: a January report.
        facts(Status.PICKED_UP, D(2024, 2, 2), received=D(2024, 1, 31), due=D(2024, 2, 7)),
        facts(Status.CANCELLED, received=D(2024, 3, 4)),
    ]
    rows = dict(by_month(items, D(2024, 3, 20), [D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1)]))
    assert rows[D(2024, 1, 1)] == Share(on_time=1)
    assert rows[D(2024, 2, 1)].reports == 0 and rows[D(2024, 2, 1)].percentage is None
    # A month with only cancelled reports has no reports that count: "geen meldingen".
    assert rows[D(2024, 3, 1)].reports == 0


def test_by_group_sorts_by_name_and_leaves_out_groups_without_countable_reports():
    items = [
        facts(Status.PICKED_UP, D(2024, 3, 5), category="zwerfafval"),
        facts(Status.RECEIVED, category="Grofvuil"),
        facts(Status.CANCELLED, category="Bestrating"),
    ]
    rows = by_group(items, D(2024, 3, 20), lambda f: f.category)
    assert [name for name, _ in rows] == ["Grofvuil", "zwerfafval"]
    assert rows[0][1] == Share(late=1)


@pytest.mark.django_db
def test_report_facts_reads_dates_in_amsterdam_and_the_main_category():
    main = CategoryFactory(name="Afval")
    sub = CategoryFactory(name="Grofvuil", parent=main)
    # 23:30 UTC on 31 January is 00:30 on 1 February in Amsterdam.
    late_night = dt.datetime(2024, 1, 31, 23, 30, tzinfo=dt.UTC)
    report = ReportFactory(category=sub, received_at=late_night)
    ReportFactory(
        category=main,
        area=report.area,
        received_at=amsterdam(2024, 2, 5),
        status=Status.RESOLVED,
        closed_at=amsterdam(2024, 2, 6),
    )
    rows = sorted(report_facts(report.area.reports.all()), key=lambda f: f.received_on)
    assert rows[0].received_on == D(2024, 2, 1)
    assert rows[0].category == "Afval" and rows[0].picked_up_on is None
    # Resolved without a separate pickup: it was picked up, at the latest, on that day.
    assert rows[1].picked_up_on == D(2024, 2, 6)


@pytest.mark.django_db
def test_area_overview_per_neighbourhood_and_for_the_whole_area():
    first = ReportFactory(received_at=amsterdam(2024, 3, 4), picked_up_at=amsterdam(2024, 3, 5))
    other_hood = ReportFactory(
        area=first.area, received_at=amsterdam(2024, 2, 5), picked_up_at=amsterdam(2024, 2, 20)
    )
    ReportFactory(received_at=amsterdam(2024, 3, 4))  # another area: never counted here

    whole = area_overview(first.area, D(2024, 3, 20))
    assert whole.total == Share(on_time=1, late=1)
    assert len(whole.months) == 12 and whole.months[-1][0] == D(2024, 3, 1)
    assert {name for name, _ in whole.neighbourhoods} == {
        first.neighbourhood.name,
        other_hood.neighbourhood.name,
    }

    one = area_overview(first.area, D(2024, 3, 20), neighbourhood=first.neighbourhood)
    assert one.total == Share(on_time=1)
    assert dict(one.months)[D(2024, 3, 1)].percentage == Decimal("100.0")


@pytest.mark.django_db
def test_the_overview_page_shows_unknown_never_zero_and_no_personal_data(client):
    import time_machine

    from wijkaanpak.areas.tests.factories import NeighbourhoodFactory
    from wijkaanpak.reports.tests.factories import ReportContactFactory

    hood = NeighbourhoodFactory(name="Wetering", slug="wetering")
    other = NeighbourhoodFactory(area=hood.area, name="Hoogkamer", slug="hoogkamer")
    on_time = ReportFactory(
        area=hood.area,
        neighbourhood=hood,
        category=CategoryFactory(name="Straatverlichting"),
        address="Van Hogendorplaan 12",
        received_at=amsterdam(2024, 3, 4),
        picked_up_at=amsterdam(2024, 3, 5),
        status=Status.PICKED_UP,
    )
    ReportContactFactory(report=on_time, email="melder@example.org")
    ReportFactory(area=hood.area, neighbourhood=other, received_at=amsterdam(2024, 3, 18))
    url = f"/{hood.area.slug}/meldingen/"

    with time_machine.travel(amsterdam(2024, 3, 20), tick=False):
        html = client.get(url).content.decode()
        only_other = client.get(url, {"buurt": "hoogkamer"}).content.decode()
        unknown_hood = client.get(url, {"buurt": "bestaat-niet"})

    assert "Meldingen per maand" in html and "Meldingen per soort" in html
    assert "Meldingen per buurt" in html
    assert "maart 2024" in html and "april 2023" in html
    assert "100,0% <span" in html and "(1 van 1)" in html
    assert '<span class="missing">geen meldingen</span>' in html
    assert '<span class="missing">onbekend</span>' in html
    assert ">0,0%" not in html and " 0,0%" not in html
    assert "Een melding telt mee in de maand waarin wij hem kregen." in html
    for secret in ("melder@example.org", "Van Hogendorplaan"):
        assert secret not in html
    # Hoogkamer's only report is still within its term: counted, but its share unknown.
    assert "Meldingen per maand in Hoogkamer" in only_other
    assert "100,0%" not in only_other and "Meldingen per buurt" not in only_other
    assert unknown_hood.status_code == 200  # an unknown neighbourhood shows the whole area
    assert client.get("/nergens/meldingen/").status_code == 404
