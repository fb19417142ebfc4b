"""Staff work on interventions: status, plan (draft editions only) and evaluations.

Views stay thin: the rules live in services.lifecycle and services.evaluation.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkaanpak.areas.access import area_staff_only
from wijkaanpak.programme.forms import apply_service_errors
from wijkaanpak.programme.models import Programme
from wijkaanpak.programme.services.editions import is_current

from .forms_staff import EvaluationForm, PlanForm, StatusChangeForm
from .models import Intervention, StatusChange
from .services.evaluation import add_evaluation
from .services.lifecycle import change_status, plan_is_editable, update_plan

CHANGE = "interventions.change_intervention"


def _intervention(area: str, pk: int) -> Intervention:
    return get_object_or_404(
        Intervention.objects.select_related("programme__area", "line", "lead_partner"),
        pk=pk,
        programme__area__slug=area,
    )


def _back(intervention: Intervention) -> str:
    """The public page when it is in the current edition; otherwise the staff list."""
    if is_current(intervention.programme):
        return intervention.get_absolute_url()
    url = reverse("interventions:staff-list", args=[intervention.programme.area.slug])
    return f"{url}?editie={intervention.programme.edition_year}"


def _context(area, intervention, form, **extra):
    return {
        "area_slug": area,
        "intervention": intervention,
        "programme": intervention.programme,
        "form": form,
        "back_url": _back(intervention),
        **extra,
    }


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_http_methods(["GET"])
def staff_list(request, area):
    editions = list(
        Programme.objects.filter(area__slug=area).select_related("area").order_by("-edition_year")
    )
    if not editions:
        raise Http404("Geen programma voor dit gebied.")
    chosen = next((p for p in editions if str(p.edition_year) == request.GET.get("editie")), None)
    if chosen is None:
        chosen = next((p for p in editions if p.state == Programme.State.DRAFT), editions[0])
    interventions = chosen.interventions.select_related("line", "lead_partner")
    return render(
        request,
        "interventions/staff/list.html",
        {
            "area_slug": area,
            "editions": editions,
            "programme": chosen,
            "interventions": interventions,
            "plan_editable": chosen.state == Programme.State.DRAFT,
        },
    )


def apply_status_change(request, intervention, form) -> StatusChange | None:
    """Handle a posted status form; on success the change is stored and announced."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        change = change_status(
            intervention, data["to_status"], on=data["on"], reason=data["reason"], user=request.user
        )
    except ValidationError as exc:
        apply_service_errors(form, exc)
        return None
    messages.success(
        request,
        _("%(name)s heeft nu de status '%(status)s'.")
        % {"name": intervention, "status": change.get_to_status_display()},
    )
    return change


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def status_change(request, area, pk):
    intervention = _intervention(area, pk)
    form = StatusChangeForm(
        request.POST if request.method == "POST" else None, intervention=intervention
    )
    if request.method == "POST" and apply_status_change(request, intervention, form):
        return redirect(_back(intervention))
    history = list(intervention.status_changes.all())
    return render(
        request,
        "interventions/staff/status_form.html",
        _context(area, intervention, form, history=history),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def plan_edit(request, area, pk):
    intervention = _intervention(area, pk)
    if not plan_is_editable(intervention):
        # Read-only: show why, offer nothing to submit, store nothing.
        if request.method == "POST":
            messages.error(request, _refused_message(intervention))
        return render(
            request,
            "interventions/staff/plan_form.html",
            _context(area, intervention, None, refused=_refused_message(intervention)),
            status=403 if request.method == "POST" else 200,
        )
    form = PlanForm(request.POST if request.method == "POST" else None, instance=intervention)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update_plan(
                Intervention.objects.get(pk=intervention.pk),
                lead_partner=data["lead_partner"],
                partners=data["partners"],
                places=data["places"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                recurrence=data["recurrence"],
                planned_capacity=data["planned_capacity"],
                themes=data["themes"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("De gegevens van de interventie zijn opgeslagen."))
            return redirect(_back(intervention))
    return render(request, "interventions/staff/plan_form.html", _context(area, intervention, form))


def _refused_message(intervention: Intervention) -> str:
    return _(
        "De editie %(year)s is vastgesteld. Trekker, partners, vindplekken, planning en "
        "thema's liggen vast. Verander ze in een nieuwe editie (concept). De status kunt u "
        "wel veranderen."
    ) % {"year": intervention.programme.edition_year}


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def evaluation_add(request, area, pk):
    intervention = _intervention(area, pk)
    form = EvaluationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            add_evaluation(intervention, user=request.user, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("De evaluatie is opgeslagen."))
            return redirect(_back(intervention))
    return render(
        request, "interventions/staff/evaluation_form.html", _context(area, intervention, form)
    )
