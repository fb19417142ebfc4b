"""Planning and running inspection rounds, and who took part."""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Area, Neighbourhood, Organisation
from wijkaanpak.workdays import today as amsterdam_today

from ..domain.planning import DEFAULT_RULE, PlanningRule, default_planned_on, in_quarter
from ..models import InspectionRound, Participant

MAX_RESIDENTS_AT_ONCE = 200
# A contact detail in a name field is personal data that the public page must never show.
_CONTACT_LIKE = re.compile(r"@|\d[\d\s-]{5,}")


@dataclass(frozen=True)
class PlanResult:
    created: int
    existing: int


def quadrants(area: Area | None = None):
    qs = Neighbourhood.objects.filter(role=Neighbourhood.Role.QUADRANT).select_related("area")
    return qs.filter(area=area) if area is not None else qs


@transaction.atomic
def plan_year(year: int, *, area: Area | None = None, rule: PlanningRule = DEFAULT_RULE):
    """One round per quarter per quadrant. Existing rounds are left alone, dates included:
    a coordinator may have moved them, and running the command again must not undo that.
    """
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Kies een jaar tussen 2000 en 2100.")})
    created = existing = 0
    for neighbourhood in quadrants(area):
        for quarter in (1, 2, 3, 4):
            _round, was_created = InspectionRound.objects.get_or_create(
                neighbourhood=neighbourhood,
                year=year,
                quarter=quarter,
                defaults={"planned_on": default_planned_on(year, quarter, rule)},
            )
            if was_created:
                created += 1
            else:
                existing += 1
    return PlanResult(created=created, existing=existing)


def _lock(inspection_round: InspectionRound) -> InspectionRound:
    return InspectionRound.objects.select_for_update().get(pk=inspection_round.pk)


def _require_state(inspection_round, *states, field=None):
    if inspection_round.state not in states:
        message = _("Deze schouwronde is al %(state)s; dat kan niet meer veranderen.") % {
            "state": inspection_round.get_state_display()
        }
        raise ValidationError({field: message} if field else message)


@transaction.atomic
def reschedule(inspection_round: InspectionRound, planned_on: dt.date) -> InspectionRound:
    inspection_round = _lock(inspection_round)
    _require_state(inspection_round, InspectionRound.State.PLANNED, field="planned_on")
    if not in_quarter(planned_on, inspection_round.year, inspection_round.quarter):
        raise ValidationError(
            {
                "planned_on": _(
                    "Kies een datum in kwartaal %(quarter)s van %(year)s. "
                    "Een schouw in een ander kwartaal is de schouw van dat kwartaal."
                )
                % {"quarter": inspection_round.quarter, "year": inspection_round.year}
            }
        )
    inspection_round.planned_on = planned_on
    inspection_round.save(update_fields=["planned_on"])
    return inspection_round


@transaction.atomic
def mark_held(inspection_round: InspectionRound, *, held_on: dt.date, summary: str):
    inspection_round = _lock(inspection_round)
    _require_state(inspection_round, InspectionRound.State.PLANNED, field="held_on")
    errors = {}
    if held_on > amsterdam_today():
        errors["held_on"] = _("Deze datum ligt in de toekomst. Vul de dag van de schouw in.")
    if not summary.strip():
        errors["summary"] = _("Schrijf in een paar zinnen wat er bij de schouw is gezien.")
    if errors:
        raise ValidationError(errors)
    inspection_round.held_on = held_on
    inspection_round.summary = summary.strip()
    inspection_round.state = InspectionRound.State.HELD
    inspection_round.save(update_fields=["held_on", "summary", "state"])
    return inspection_round


@transaction.atomic
def cancel(inspection_round: InspectionRound, *, reason: str) -> InspectionRound:
    inspection_round = _lock(inspection_round)
    _require_state(inspection_round, InspectionRound.State.PLANNED, field="reason")
    if inspection_round.findings.exists():
        raise ValidationError(
            {"reason": _("Er zijn al bevindingen. Een schouw met bevindingen is gehouden.")}
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf waarom de schouw niet doorgaat.")})
    # The model has no separate field: the summary of a cancelled round is its reason.
    inspection_round.summary = reason.strip()
    inspection_round.state = InspectionRound.State.CANCELLED
    inspection_round.save(update_fields=["summary", "state"])
    return inspection_round


@transaction.atomic
def add_participants(
    inspection_round: InspectionRound,
    *,
    kind: str,
    display_name: str = "",
    organisation: Organisation | None = None,
    count: int = 1,
) -> list[Participant]:
    """Add who took part. Residents are counted or named by role ("bewoner Wetering")."""
    _require_state(
        inspection_round,
        InspectionRound.State.PLANNED,
        InspectionRound.State.HELD,
        field="kind",
    )
    display_name = display_name.strip()
    errors = {}
    if kind not in Participant.Kind.values:
        errors["kind"] = _("Kies wie er meedeed: professional, kernteam of bewoner.")
    if not 1 <= count <= MAX_RESIDENTS_AT_ONCE:
        errors["count"] = _("Vul een aantal in van 1 tot %(max)s.") % {"max": MAX_RESIDENTS_AT_ONCE}
    if _CONTACT_LIKE.search(display_name):
        errors["display_name"] = _(
            "Vul geen e-mailadres of telefoonnummer in. Een naam of rol is genoeg."
        )
    elif (
        kind == Participant.Kind.RESIDENT
        and display_name
        and not display_name.lower().startswith(_("bewoner").lower())
    ):
        errors["display_name"] = _(
            "Noem een bewoner alleen bij de rol, bijvoorbeeld 'bewoner Wetering'. "
            "Zo staat er geen naam van een bewoner in het systeem."
        )
    if kind == Participant.Kind.STAFF and organisation is None:
        errors["organisation"] = _("Kies voor wie deze professional werkt.")
    if kind != Participant.Kind.RESIDENT and count != 1:
        errors["count"] = _("Voeg professionals en leden van het kernteam één voor één toe.")
    if errors:
        raise ValidationError(errors)
    return Participant.objects.bulk_create(
        [
            Participant(
                inspection_round=inspection_round,
                kind=kind,
                display_name=display_name,
                organisation=organisation,
            )
            for _i in range(count)
        ]
    )


@dataclass(frozen=True)
class Attendance:
    counts: list[tuple[str, int]]  # (label, number) for every kind, in a fixed order
    total: int
    organisations: list[str]


def attendance(inspection_round: InspectionRound) -> Attendance:
    """Who took part, in counts: the public page shows no names."""
    participants = list(inspection_round.participants.select_related("organisation"))
    per_kind = Counter(p.kind for p in participants)
    organisations = sorted({p.organisation.name for p in participants if p.organisation})
    return Attendance(
        counts=[(label, per_kind.get(value, 0)) for value, label in Participant.Kind.choices],
        total=len(participants),
        organisations=organisations,
    )
