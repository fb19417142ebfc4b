"""Changing an intervention's status while a coordinator prepares a new edition.

It lives here, not in the programme core, because the lifecycle rule is this app's; the
draft page of the core reaches it through Intervention.get_edition_status_url().
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from wijkaanpak.areas.access import area_staff_only
from wijkaanpak.programme.views.editions import VIEW, _draft

from .forms_staff import StatusChangeForm
from .views_staff import apply_status_change


@login_required
@permission_required((VIEW, "interventions.change_intervention"), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def edition_status(request, area, year, pk):
    programme = _draft(request, area, year)
    intervention = get_object_or_404(programme.interventions.select_related("line"), pk=pk)
    form = StatusChangeForm(
        request.POST if request.method == "POST" else None, intervention=intervention
    )
    if request.method == "POST" and apply_status_change(request, intervention, form):
        response = redirect("programme:edition", area=area, year=year)
        response["Location"] += f"#lijn-{intervention.line.slug}"
        return response
    return render(
        request,
        "programme/editions/status.html",
        {"area_slug": area, "programme": programme, "intervention": intervention, "form": form},
    )
