"""Export parts for what issue 4 added: lifecycle, money, reach, evaluations, editions, stories.

Money stays in integer cents here (exact in JSON); the workbook turns cents into euros.
"""

from django.db.models import Prefetch

from wijkaanpak.interventions.models import (
    Evaluation,
    Intervention,
    ReachRecord,
    SpendingEntry,
    StatusChange,
)
from wijkaanpak.programme.models import Indicator, Programme


def _user(user) -> str | None:
    return user.get_username() if user else None


def edition(programme: Programme) -> dict:
    previous = programme.previous_edition
    return {
        "state": programme.state,
        "adopted_at": programme.adopted_at,
        "adopted_by": _user(programme.adopted_by),
        "previous_edition": previous.edition_year if previous else None,
        "change_rationale": programme.change_rationale,
    }


def line_budgets(line) -> list[dict]:
    return [
        {"year": b.year, "amount_cents": b.amount_cents, "note": b.note}
        for b in sorted(line.budgets.all(), key=lambda b: b.year)
    ]


def curve_story(indicator: Indicator) -> dict | None:
    try:
        story = indicator.story
    except Indicator.story.RelatedObjectDoesNotExist:
        return None
    return {
        "story_behind_the_curve": story.story_behind_the_curve,
        "partners": story.partners,
        "what_works": story.what_works,
        "action_plan": story.action_plan,
        "updated_by": _user(story.updated_by),
        "updated_at": story.updated_at,
    }


def intervention_prefetches() -> list:
    return [
        Prefetch(
            "status_changes",
            queryset=StatusChange.objects.select_related("changed_by").order_by(
                "changed_on", "recorded_at", "pk"
            ),
        ),
        Prefetch(
            "spending",
            queryset=SpendingEntry.objects.select_related("entered_by").order_by(
                "on", "entered_at", "pk"
            ),
        ),
        Prefetch(
            "reach",
            queryset=ReachRecord.objects.select_related("neighbourhood", "entered_by").order_by(
                "period_start", "age_band", "pk"
            ),
        ),
        Prefetch(
            "evaluations",
            queryset=Evaluation.objects.select_related("entered_by").order_by("evaluated_on", "pk"),
        ),
    ]


def intervention_lifecycle(i: Intervention) -> dict:
    return {
        "themes": list(i.themes or []),
        "lead_partner": i.lead_partner.slug if i.lead_partner else None,
        "starts_on": i.starts_on,
        "ends_on": i.ends_on,
        "recurrence": i.recurrence,
        "planned_capacity": i.planned_capacity,
        "budget_cents": i.budget_cents,
        "evidence_level": i.evidence_level,
        "databank_reference": i.databank_reference,
        "previous": i.previous.slug if i.previous else None,
        "status_changes": [
            {
                "from_status": c.from_status,
                "to_status": c.to_status,
                "changed_on": c.changed_on,
                "reason": c.reason,
                "changed_by": _user(c.changed_by),
                "recorded_at": c.recorded_at,
            }
            for c in i.status_changes.all()
        ],
        "spending": [
            {
                "id": s.pk,
                "kind": s.kind,
                "amount_cents": s.amount_cents,
                "on": s.on,
                "note": s.note,
                "entered_by": _user(s.entered_by),
                "entered_at": s.entered_at,
            }
            for s in i.spending.all()
        ],
        "reach": [
            {
                "period_start": r.period_start,
                "period_end": r.period_end,
                "age_band": r.age_band,
                "neighbourhood": r.neighbourhood.slug if r.neighbourhood else None,
                "participants": r.participants,
                "activities_held": r.activities_held,
                "source": r.source,
                "entered_by": _user(r.entered_by),
                "entered_at": r.entered_at,
            }
            for r in i.reach.all()
        ],
        "evaluations": [
            {
                "evaluated_on": e.evaluated_on,
                "method": e.method,
                "evaluator": e.evaluator,
                "findings": e.findings,
                "judgement": e.judgement,
                "evidence_level": e.evidence_level,
                "databank_reference": e.databank_reference,
                "entered_by": _user(e.entered_by),
                "entered_at": e.entered_at,
            }
            for e in i.evaluations.all()
        ],
    }
