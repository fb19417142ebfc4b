"""Planning rounds, running them, and who took part."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from wijkaanpak.areas.models import Neighbourhood
from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.inspections.models import InspectionRound, Participant
from wijkaanpak.inspections.services import rounds

from .factories import FindingFactory, InspectionRoundFactory, ParticipantFactory, QuadrantFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def two_areas():
    west, east = AreaFactory(slug="west"), AreaFactory(slug="oost")
    for area in (west, east):
        QuadrantFactory.create_batch(2, area=area)
        NeighbourhoodFactory(area=area, role=Neighbourhood.Role.ADJOINING)
    return west, east


def test_plan_year_makes_one_round_per_quarter_per_quadrant_and_is_idempotent(two_areas):
    first = rounds.plan_year(2027)
    assert (first.created, first.existing) == (16, 0)
    again = rounds.plan_year(2027)
    assert (again.created, again.existing) == (0, 16)
    assert InspectionRound.objects.count() == 16
    assert not InspectionRound.objects.exclude(neighbourhood__role="quadrant").exists()
    assert set(InspectionRound.objects.values_list("quarter", flat=True)) == {1, 2, 3, 4}
    assert InspectionRound.objects.filter(quarter=2).first().planned_on == D(2027, 5, 11)


def test_planning_again_keeps_a_date_the_coordinator_changed(two_areas):
    rounds.plan_year(2027)
    moved = InspectionRound.objects.filter(quarter=2).first()
    rounds.reschedule(moved, D(2027, 6, 3))
    rounds.plan_year(2027)
    moved.refresh_from_db()
    assert moved.planned_on == D(2027, 6, 3)


def test_plan_one_area_only(two_areas):
    west, _east = two_areas
    assert rounds.plan_year(2027, area=west).created == 8
    assert not InspectionRound.objects.filter(neighbourhood__area__slug="oost").exists()


def test_command_is_idempotent_and_refuses_a_bad_year_or_area(two_areas):
    out = io.StringIO()
    call_command("plan_inspections", "--year", "2027", stdout=out)
    call_command("plan_inspections", "--year", "2027", stdout=out)
    assert "16 rounds planned" in out.getvalue()
    assert "0 rounds planned, 16 already there" in out.getvalue()
    assert InspectionRound.objects.count() == 16
    with pytest.raises(CommandError):
        call_command("plan_inspections", "--year", "1900")
    with pytest.raises(CommandError, match="No area"):
        call_command("plan_inspections", "--year", "2027", "--area", "nergens")


RESCHEDULE = [
    # (new date, error field or None)
    (D(2027, 6, 30), None),
    (D(2027, 4, 1), None),
    (D(2027, 7, 1), "planned_on"),
    (D(2026, 5, 11), "planned_on"),
]


@pytest.mark.parametrize(("new_date", "error"), RESCHEDULE)
def test_reschedule_stays_within_the_quarter(new_date, error):
    inspection_round = InspectionRoundFactory(year=2027, quarter=2)
    if error:
        with pytest.raises(ValidationError) as exc:
            rounds.reschedule(inspection_round, new_date)
        assert error in exc.value.message_dict
        inspection_round.refresh_from_db()
        assert inspection_round.planned_on == D(2027, 5, 11)
    else:
        assert rounds.reschedule(inspection_round, new_date).planned_on == new_date


@time_machine.travel(dt.datetime(2027, 5, 12, 12, 0), tick=False)
def test_mark_held_needs_a_past_date_and_a_summary():
    inspection_round = InspectionRoundFactory()
    with pytest.raises(ValidationError) as exc:
        rounds.mark_held(inspection_round, held_on=D(2027, 5, 13), summary=" ")
    assert set(exc.value.message_dict) == {"held_on", "summary"}
    held = rounds.mark_held(inspection_round, held_on=D(2027, 5, 11), summary="Rustig.")
    assert (held.state, held.held_on, held.summary) == ("held", D(2027, 5, 11), "Rustig.")
    with pytest.raises(ValidationError, match="al gehouden"):
        rounds.reschedule(held, D(2027, 5, 20))
    with pytest.raises(ValidationError, match="al gehouden"):
        rounds.cancel(held, reason="Toch niet.")


def test_cancel_needs_a_reason_and_no_findings():
    inspection_round = InspectionRoundFactory()
    with pytest.raises(ValidationError) as exc:
        rounds.cancel(inspection_round, reason="")
    assert "reason" in exc.value.message_dict
    cancelled = rounds.cancel(inspection_round, reason="Storm: code oranje.")
    assert (cancelled.state, cancelled.summary) == ("cancelled", "Storm: code oranje.")

    with_finding = FindingFactory().inspection_round
    with pytest.raises(ValidationError, match="bevindingen"):
        rounds.cancel(with_finding, reason="Regen.")


PARTICIPANTS = [
    # (kind, display_name, with organisation, count, error field or None)
    ("resident", "", False, 6, None),
    ("resident", "bewoner Wetering", False, 1, None),
    ("resident", "Bewoner van de Zuidbuurt", False, 2, None),
    ("resident", "Jan Jansen", False, 1, "display_name"),
    ("resident", "bewoner jan@example.org", False, 1, "display_name"),
    ("staff", "wijkregisseur 06 1234 5678", True, 1, "display_name"),
    ("staff", "wijkregisseur", True, 1, None),
    ("staff", "wijkregisseur", False, 1, "organisation"),
    ("staff", "wijkregisseur", True, 3, "count"),
    ("core_team", "", False, 1, None),
    ("resident", "", False, 0, "count"),
    ("resident", "", False, 201, "count"),
    ("mayor", "", False, 1, "kind"),
]


@pytest.mark.parametrize(("kind", "name", "with_org", "count", "error"), PARTICIPANTS)
def test_add_participants(kind, name, with_org, count, error):
    inspection_round = InspectionRoundFactory()
    organisation = OrganisationFactory() if with_org else None
    kwargs = dict(kind=kind, display_name=name, organisation=organisation, count=count)
    if error:
        with pytest.raises(ValidationError) as exc:
            rounds.add_participants(inspection_round, **kwargs)
        assert error in exc.value.message_dict
        assert not Participant.objects.exists()
    else:
        assert len(rounds.add_participants(inspection_round, **kwargs)) == count


def test_no_participants_for_a_cancelled_round():
    inspection_round = InspectionRoundFactory(state=InspectionRound.State.CANCELLED)
    with pytest.raises(ValidationError):
        rounds.add_participants(inspection_round, kind="resident")


def test_attendance_counts_every_kind_and_names_organisations():
    inspection_round = InspectionRoundFactory()
    irado, gemeente = OrganisationFactory(name="Irado"), OrganisationFactory(name="Gemeente")
    ParticipantFactory.create_batch(4, inspection_round=inspection_round)
    ParticipantFactory(inspection_round=inspection_round, kind="staff", organisation=irado)
    ParticipantFactory(inspection_round=inspection_round, kind="staff", organisation=gemeente)
    ParticipantFactory(inspection_round=inspection_round, kind="staff", organisation=irado)
    result = rounds.attendance(inspection_round)
    assert [n for _label, n in result.counts] == [3, 0, 4]  # staff, core team, residents
    assert result.total == 7
    assert result.organisations == ["Gemeente", "Irado"]
