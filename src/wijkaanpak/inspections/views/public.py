"""Public pages of the wijkschouw: no login, no personal data, every date and state shown."""

from django.shortcuts import get_object_or_404, render

from wijkaanpak.areas.models import Area
from wijkaanpak.workdays import today as amsterdam_today

from .. import selectors
from ..models import InspectionRound
from ..services.findings import follow_up
from ..services.rounds import attendance


def _area(slug):
    return get_object_or_404(Area, slug=slug)


def schedule(request, area):
    area_obj = _area(area)
    today = amsterdam_today()
    return render(
        request,
        "inspections/schedule.html",
        {
            "area_slug": area,
            "area": area_obj,
            "today": today,
            "quadrants": selectors.schedule(area_obj, today),
        },
    )


def round_report(request, area, pk):
    area_obj = _area(area)
    inspection_round = get_object_or_404(selectors.rounds_in(area_obj), pk=pk)
    today = amsterdam_today()
    findings = list(selectors.findings_of(inspection_round))
    for finding in findings:
        finding.follow_up = follow_up(finding, today)
    return render(
        request,
        "inspections/round_report.html",
        {
            "area_slug": area,
            "area": area_obj,
            "round": inspection_round,
            "is_planned": inspection_round.state == InspectionRound.State.PLANNED,
            "attendance": attendance(inspection_round),
            "findings": findings,
            "today": today,
        },
    )


def open_actions(request, area):
    area_obj = _area(area)
    today = amsterdam_today()
    return render(
        request,
        "inspections/open_actions.html",
        {
            "area_slug": area,
            "area": area_obj,
            "today": today,
            "quadrants": selectors.open_actions(area_obj, today),
        },
    )
