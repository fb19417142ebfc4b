"""Reach: validation of a record, and the summaries per year, age band and neighbourhood."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from wijkaanpak.areas.tests.factories import NeighbourhoodFactory
from wijkaanpak.interventions.models import AgeBand, ReachRecord
from wijkaanpak.interventions.services.reach import (
    line_reach,
    reach_summary,
    record_reach,
    record_reach_rows,
)

from .factories import InterventionFactory

TODAY = dt.date(2024, 6, 30)
D = dt.date


def record(intervention, **values):
    data = {
        "period_start": D(2024, 1, 1),
        "period_end": D(2024, 3, 31),
        "age_band": AgeBand.YOUTH_12_18,
        "participants": 10,
        "source": "presentielijsten",
        **values,
    }
    return record_reach(intervention, today=TODAY, **data)


@pytest.fixture
def intervention(db):
    return InterventionFactory()


@pytest.fixture
def hood(intervention):
    return NeighbourhoodFactory(area=intervention.programme.area, name="Wetering")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"period_start": D(2024, 4, 1)}, "period_end"),  # end before start
        ({"period_end": D(2024, 7, 1)}, "period_end"),  # not in the future
        ({"age_band": "65+"}, "age_band"),
        ({"participants": -1}, "participants"),
        ({"activities_held": -2}, "activities_held"),
        ({"source": " "}, "source"),
    ],
)
def test_bad_reach_is_refused_by_field(intervention, values, field):
    with pytest.raises(ValidationError) as error:
        record(intervention, **values)
    assert field in error.value.message_dict
    assert not ReachRecord.objects.exists()


def test_a_neighbourhood_of_another_area_is_refused(intervention):
    with pytest.raises(ValidationError) as error:
        record(intervention, neighbourhood=NeighbourhoodFactory())
    assert "neighbourhood" in error.value.message_dict


def test_the_same_group_cannot_be_counted_twice_in_a_period(intervention, hood):
    record(intervention, neighbourhood=hood)
    record(intervention, neighbourhood=None)  # unknown neighbourhood is another group
    record(intervention, neighbourhood=hood, age_band=AgeBand.CHILDREN_4_12)
    record(intervention, neighbourhood=hood, period_start=D(2024, 4, 1), period_end=D(2024, 6, 30))
    for overlap in [
        {"neighbourhood": hood},
        {"neighbourhood": None},
        {"neighbourhood": hood, "period_start": D(2024, 3, 1), "period_end": D(2024, 3, 10)},
    ]:
        with pytest.raises(ValidationError) as error:
            record(intervention, **overlap)
        assert "period_start" in error.value.message_dict
    assert ReachRecord.objects.count() == 4


def test_activities_are_counted_once_per_period(intervention):
    record(intervention, activities_held=12)
    record(intervention, age_band=AgeBand.CHILDREN_4_12)  # no activities: fine
    with pytest.raises(ValidationError) as error:
        record(intervention, age_band=AgeBand.PARENTS_ADULTS, activities_held=12)
    assert "activities_held" in error.value.message_dict


def test_several_rows_are_stored_all_or_none(intervention):
    period = {"period_start": D(2024, 1, 1), "period_end": D(2024, 1, 31), "source": "lijst"}
    rows = [
        {**period, "age_band": AgeBand.CHILDREN_4_12, "participants": 5},
        {**period, "age_band": AgeBand.CHILDREN_4_12, "participants": 6},  # duplicate
    ]
    with pytest.raises(ValidationError):
        record_reach_rows(intervention, rows, today=TODAY)
    assert not ReachRecord.objects.exists()


def test_summary_per_year_age_band_and_neighbourhood(intervention, hood):
    record(intervention, neighbourhood=hood, participants=10, activities_held=4)
    record(intervention, age_band=AgeBand.CHILDREN_4_12, participants=7)
    # A period across the turn of the year counts in the year it ends.
    record(
        intervention,
        period_start=D(2023, 12, 1),
        period_end=D(2024, 1, 15),
        age_band=AgeBand.PARENTS_ADULTS,
        participants=3,
    )
    record(intervention, period_start=D(2023, 5, 1), period_end=D(2023, 5, 31), participants=2)
    summary = reach_summary(intervention)
    assert [(y.year, y.participants, y.activities) for y in summary] == [
        (2023, 2, None),
        (2024, 20, 4),
    ]
    year = summary[1]
    assert year.age_rows == [
        ("4 tot 12 jaar", 7),
        ("12 tot 18 jaar", 10),
        ("ouders en volwassenen", 3),
    ]
    assert year.neighbourhood_rows == [("Wetering", 10), ("buurt onbekend", 10)]


def test_line_reach_totals_per_year(intervention):
    other = InterventionFactory(programme=intervention.programme, line=intervention.line)
    InterventionFactory(programme=intervention.programme)  # another line
    record(intervention, participants=10)
    record(other, participants=5)
    record(other, participants=1, period_start=D(2023, 1, 1), period_end=D(2023, 1, 31))
    assert line_reach(intervention.line) == {2023: 1, 2024: 15}
    assert reach_summary(InterventionFactory()) == []
