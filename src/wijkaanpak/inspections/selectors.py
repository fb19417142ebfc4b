"""What the public and staff pages show, gathered in one place so views stay thin."""

import datetime as dt
from dataclasses import dataclass, field

from wijkaanpak.areas.models import Area, Neighbourhood

from .models import Action, Finding, InspectionRound
from .services.findings import is_overdue

PAST_ROUNDS_SHOWN = 8


@dataclass
class QuadrantSchedule:
    neighbourhood: Neighbourhood
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)


def quadrants_of(area: Area):
    return area.neighbourhoods.filter(role=Neighbourhood.Role.QUADRANT).order_by("name")


def schedule(area: Area, today: dt.date) -> list[QuadrantSchedule]:
    result = []
    for neighbourhood in quadrants_of(area):
        rounds = neighbourhood.inspection_rounds.all()
        upcoming = rounds.filter(state=InspectionRound.State.PLANNED, planned_on__gte=today)
        past = rounds.exclude(state=InspectionRound.State.PLANNED, planned_on__gte=today)
        result.append(
            QuadrantSchedule(
                neighbourhood=neighbourhood,
                upcoming=list(upcoming.order_by("planned_on")),
                past=list(past.order_by("-year", "-quarter")[:PAST_ROUNDS_SHOWN]),
            )
        )
    return result


def rounds_in(area: Area):
    return InspectionRound.objects.filter(neighbourhood__area=area).select_related("neighbourhood")


def findings_of(inspection_round: InspectionRound):
    return (
        inspection_round.findings.select_related("category", "report")
        .prefetch_related("actions__owner_organisation")
        .order_by("created_at", "pk")
    )


@dataclass
class QuadrantActions:
    neighbourhood: Neighbourhood
    actions: list = field(default_factory=list)
    overdue: int = 0
    findings_without_agreement: list = field(default_factory=list)


def open_actions(area: Area, today: dt.date) -> list[QuadrantActions]:
    """Open actions per quadrant, overdue first; findings nobody agreed on are listed too."""
    result = []
    for neighbourhood in quadrants_of(area):
        actions = list(
            Action.objects.filter(
                finding__inspection_round__neighbourhood=neighbourhood, state=Action.State.OPEN
            ).select_related("owner_organisation", "finding__inspection_round", "finding__category")
        )
        for action in actions:
            action.overdue = is_overdue(action, today)
        actions.sort(key=lambda a: (not a.overdue, a.due_on, a.pk))
        without = list(
            Finding.objects.filter(
                inspection_round__neighbourhood=neighbourhood,
                report__isnull=True,
                actions__isnull=True,
            )
            .select_related("inspection_round", "category")
            .order_by("created_at")
        )
        result.append(
            QuadrantActions(
                neighbourhood=neighbourhood,
                actions=actions,
                overdue=sum(a.overdue for a in actions),
                findings_without_agreement=without,
            )
        )
    return result


def actions_for_organisations(organisation_ids, today: dt.date):
    actions = list(
        Action.objects.filter(
            owner_organisation_id__in=organisation_ids, state=Action.State.OPEN
        ).select_related(
            "owner_organisation", "finding__inspection_round__neighbourhood", "finding__category"
        )
    )
    for action in actions:
        action.overdue = is_overdue(action, today)
    actions.sort(key=lambda a: (not a.overdue, a.due_on, a.pk))
    return actions
