"""The whole programme of an area as one document: a dict (for JSON) and an Excel workbook.

`programme_as_dict` gathers everything once, with native values (Decimal, date, datetime,
None for unknown); the JSON view and the workbook both render that one dict, so the two
exports cannot drift apart.
"""

from importlib.metadata import PackageNotFoundError, version

from django.db.models import Prefetch, Q
from django.utils import timezone

from wijkaanpak.areas.models import Organisation
from wijkaanpak.interventions.models import Intervention
from wijkaanpak.programme.models import Indicator, Measurement, Programme, Target

from . import records
from .workbook import render_workbook

# 2: lifecycle, money, reach, evaluations, edition state and curve stories (issue 4).
FORMAT_VERSION = 2


def generator_version() -> str:
    try:
        return version("wijkaanpak")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def _user(user) -> str | None:
    return user.get_username() if user else None


def programme_as_dict(programme: Programme) -> dict:
    area = programme.area
    lines = list(programme.lines.prefetch_related("goals", "budgets").order_by("number"))
    indicators = list(
        programme.indicators.select_related("line", "story__updated_by")
        .prefetch_related(
            "goals__line",
            "reference_values",
            Prefetch(
                "targets",
                queryset=Target.objects.select_related("horizon", "confirmed_by").order_by(
                    "horizon__years"
                ),
            ),
            Prefetch(
                "measurements",
                # Superseded rows too: the export is the complete history.
                queryset=Measurement.objects.select_related(
                    "entered_by", "supersedes", "superseded_by"
                ).order_by("scope", "period_end", "entered_at"),
            ),
        )
        .order_by("line__number", "position", "name")
    )
    interventions = list(
        programme.interventions.select_related("line", "lead_partner", "previous")
        .prefetch_related("goals__line", "partners", "places", *records.intervention_prefetches())
        .order_by("line__number", "position", "number", "name")
    )
    partners = (
        Organisation.objects.filter(Q(areas=area) | Q(interventions__programme=programme))
        .distinct()
        .order_by("name")
    )
    return {
        "export": {
            "format_version": FORMAT_VERSION,
            "generator": "wijkaanpak",
            "generator_version": generator_version(),
            "exported_at": timezone.now(),
        },
        "area": {
            "slug": area.slug,
            "name": area.name,
            "municipality": area.municipality,
            "municipality_cbs_code": area.municipality_cbs_code,
            "cbs_code": area.cbs_code,
            "postcode_area": area.postcode_area,
            "description": area.description,
        },
        "neighbourhoods": [
            {"slug": n.slug, "name": n.name, "role": n.role, "cbs_code": n.cbs_code}
            for n in area.neighbourhoods.order_by("role", "name")
        ],
        "partners": [
            {"slug": o.slug, "name": o.name, "kind": o.kind, "description": o.description}
            for o in partners
        ],
        "places": [
            {
                "slug": p.slug,
                "name": p.name,
                "address": p.address,
                "neighbourhood": p.neighbourhood.slug if p.neighbourhood else None,
                "organisation": p.organisation.slug if p.organisation else None,
            }
            for p in area.places.select_related("neighbourhood", "organisation")
        ],
        "programme": {
            "id": programme.pk,
            "edition_year": programme.edition_year,
            "title": programme.title,
            "ambition": programme.ambition,
            "ambition_summary": programme.ambition_summary,
            "starts_on": programme.starts_on,
            "source_document": programme.source_document,
            **records.edition(programme),
        },
        "horizons": [
            {"years": h.years, "label": h.label, "due_on": h.due_on, "meaning": h.meaning}
            for h in programme.horizons.order_by("years")
        ],
        "lines": [
            {
                "number": line.number,
                "slug": line.slug,
                "name": line.name,
                "ambition": line.ambition,
                "description": line.description,
                "source_reference": line.source_reference,
                "budgets": records.line_budgets(line),
            }
            for line in lines
        ],
        "goals": [
            {
                "line": line.slug,
                "number": goal.number,
                "text": goal.text,
                "source_reference": goal.source_reference,
            }
            for line in lines
            for goal in sorted(line.goals.all(), key=lambda g: g.number)
        ],
        "indicators": [_indicator(i) for i in indicators],
        "interventions": [_intervention(i) for i in interventions],
        "source_notes": [
            {
                "key": note.key,
                "kind": note.kind,
                "subject": note.subject,
                "description": note.description,
                "source_text": note.source_text,
                "source_reference": note.source_reference,
            }
            for note in programme.source_notes.order_by("key")
        ],
    }


def _goal_keys(goals) -> list[str]:
    """Goals as "line.goal" numbers, e.g. "2.3", in numeric order."""
    ordered = sorted(goals, key=lambda g: (g.line.number, g.number))
    return [f"{g.line.number}.{g.number}" for g in ordered]


def _indicator(indicator: Indicator) -> dict:
    return {
        "slug": indicator.slug,
        "name": indicator.name,
        "line": indicator.line.slug,
        "kind": indicator.kind,
        "unit": indicator.unit,
        "polarity": indicator.polarity,
        "decimals": indicator.decimals,
        "source_description": indicator.source_description,
        "source_reference": indicator.source_reference,
        "goals": _goal_keys(indicator.goals.all()),
        "reference_values": [
            {
                "scope": r.scope,
                "value": r.value,
                "reference_date": r.reference_date,
                "source": r.source,
                "source_reference": r.source_reference,
                "note": r.note,
            }
            for r in sorted(indicator.reference_values.all(), key=lambda r: r.scope)
        ],
        "targets": [
            {
                "horizon_years": t.horizon.years,
                "due_on": t.horizon.due_on,
                "value": t.value,
                "state": t.state,
                "source": t.source,
                "source_reference": t.source_reference,
                "rule": t.rule,
                "confirmed_by": _user(t.confirmed_by),
                "confirmed_at": t.confirmed_at,
            }
            for t in indicator.targets.all()
        ],
        "measurements": [_measurement(m) for m in indicator.measurements.all()],
        "series_key": indicator.series_key,
        "story": records.curve_story(indicator),
    }


def _measurement(m: Measurement) -> dict:
    try:
        superseded_by = m.superseded_by.pk
    except Measurement.DoesNotExist:
        superseded_by = None
    return {
        "id": m.pk,
        "scope": m.scope,
        "value": m.value,
        "period_start": m.period_start,
        "period_end": m.period_end,
        "source": m.source,
        "note": m.note,
        "entered_by": _user(m.entered_by),
        "entered_at": m.entered_at,
        "current": m.superseded_at is None,
        "supersedes": m.supersedes_id,
        "superseded_by": superseded_by,
        "superseded_at": m.superseded_at,
    }


def _intervention(i: Intervention) -> dict:
    return {
        "slug": i.slug,
        "line": i.line.slug,
        "kind": i.kind,
        "number": i.number,
        "name": i.name,
        "description": i.description,
        "theme": i.theme,
        "age_min": i.age_min,
        "age_max": i.age_max,
        "age_in_text": i.age_in_text,
        "age_min_in_text": i.age_min_in_text,
        "age_max_in_text": i.age_max_in_text,
        "goals": _goal_keys(i.goals.all()),
        "claimed_goal_numbers": list(i.claimed_goal_numbers),
        "partners": sorted(p.slug for p in i.partners.all()),
        "places": sorted(p.slug for p in i.places.all()),
        "status": i.status,
        "source_reference": i.source_reference,
        **records.intervention_lifecycle(i),
    }


def programme_as_xlsx(programme: Programme) -> bytes:
    return render_workbook(programme_as_dict(programme))
