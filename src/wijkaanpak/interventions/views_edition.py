"""Changing an intervention's status while a coordinator prepares a new edition.

It lives here, not in the programme core, because the lifecycle rule is this app's; the
draft page of the core reaches it through Intervention.get_edition_status_url().
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkaanpak.programme.forms import apply_service_errors
from wijkaanpak.programme.forms_editions import StatusForm
from wijkaanpak.programme.views.editions import VIEW, _draft

from .models import Intervention
from .services.lifecycle import allowed_next, change_status


@login_required
@permission_required((VIEW, "interventions.change_intervention"), raise_exception=True)
@require_http_methods(["GET", "POST"])
def edition_status(request, area, year, pk):
    programme = _draft(request, area, year)
    intervention = get_object_or_404(programme.interventions.select_related("line"), pk=pk)
    choices = [(s, Intervention.Status(s).label) for s in allowed_next(intervention.status)]
    form = StatusForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change_status(
                intervention,
                data["to_status"],
                on=data["on"],
                reason=data["reason"],
                user=request.user,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s heeft nu de status '%(status)s'.")
                % {"name": intervention, "status": Intervention.Status(data["to_status"]).label},
            )
            response = redirect("programme:edition", area=area, year=year)
            response["Location"] += f"#lijn-{intervention.line.slug}"
            return response
    return render(
        request,
        "programme/editions/status.html",
        {"area_slug": area, "programme": programme, "intervention": intervention, "form": form},
    )
