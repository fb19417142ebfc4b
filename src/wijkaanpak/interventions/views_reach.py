"""Reach pages: public totals per line and per intervention, and the staff form. Counts only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkaanpak.areas.access import area_staff_only, works_in
from wijkaanpak.programme.forms import apply_service_errors
from wijkaanpak.programme.selectors import current_programme

from .forms_reach import ReachForm
from .models import AgeBand
from .services.reach import line_reach, reach_summary, record_reach_rows

CHANGE = "interventions.change_intervention"


def reach_overview(request, area):
    programme = current_programme(area)
    lines = []
    years: set[int] = set()
    for line in programme.lines.order_by("number"):
        totals = line_reach(line)
        years |= set(totals)
        interventions = [
            (i, {s.year: s.participants for s in reach_summary(i)})
            for i in line.interventions.order_by("position", "number", "name")
        ]
        lines.append({"line": line, "totals": totals, "interventions": interventions})
    years_shown = sorted(years)
    for row in lines:
        row["cells"] = [row["totals"].get(y) for y in years_shown]
        row["intervention_rows"] = [
            (i, [counts.get(y) for y in years_shown]) for i, counts in row["interventions"]
        ]
    return render(
        request,
        "interventions/reach/overview.html",
        {"area_slug": area, "programme": programme, "lines": lines, "years": years_shown},
    )


def intervention_reach(request, area, slug):
    programme = current_programme(area)
    intervention = get_object_or_404(programme.interventions.select_related("line"), slug=slug)
    return render(
        request,
        "interventions/reach/intervention.html",
        {
            "area_slug": area,
            "programme": programme,
            "intervention": intervention,
            "summary": list(reversed(reach_summary(intervention))),
            "may_change": request.user.has_perm(CHANGE) and works_in(request.user, area),
        },
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def reach_add(request, area, slug):
    programme = current_programme(area)
    intervention = get_object_or_404(programme.interventions, slug=slug)
    form = ReachForm(request.POST if request.method == "POST" else None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            records = record_reach_rows(intervention, form.rows(), user=request.user)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Het bereik is opgeslagen: %(count)s deelnemers in %(rows)s leeftijdsgroep(en).")
                % {"count": sum(r.participants for r in records), "rows": len(records)},
            )
            return redirect("interventions:reach", area=area, slug=slug)
    return render(
        request,
        "interventions/reach/form.html",
        {
            "area_slug": area,
            "programme": programme,
            "intervention": intervention,
            "form": form,
            "age_bands": AgeBand.choices,
        },
    )
