"""Staff pages of the wijkschouw. Rules live in services; these views only wire them up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.areas.access import area_for, works_in
from wijkaanpak.areas.models import Area
from wijkaanpak.programme.forms import apply_service_errors
from wijkaanpak.workdays import today as amsterdam_today

from .. import permissions as perms
from .. import selectors
from ..forms import (
    ActionForm,
    CancelForm,
    CompleteActionForm,
    FindingForm,
    HeldForm,
    ParticipantForm,
    RescheduleForm,
)
from ..models import Action, Finding, InspectionRound
from ..services import findings as finding_services
from ..services import rounds as round_services

ROUND_FORMS = {
    "reschedule": RescheduleForm,
    "held": HeldForm,
    "cancel": CancelForm,
    "participant": ParticipantForm,
    "finding": FindingForm,
}


def _area(request, slug) -> Area:
    """The area of the page; 404 for staff who do not work there (areas.access)."""
    return area_for(request.user, slug)


def _round(area_obj, pk) -> InspectionRound:
    return get_object_or_404(selectors.rounds_in(area_obj), pk=pk)


@login_required
@permission_required(perms.VIEW_ROUNDS, raise_exception=True)
def round_list(request, area):
    area_obj = _area(request, area)
    today = amsterdam_today()
    try:
        year = int(request.GET.get("jaar", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2000), 2100)
    rounds = selectors.rounds_in(area_obj).filter(year=year).order_by("quarter", "neighbourhood")
    return render(
        request,
        "inspections/staff/round_list.html",
        {"area_slug": area, "area": area_obj, "year": year, "rounds": rounds, "today": today},
    )


def _round_page(request, area_obj, inspection_round, bound=None):
    forms = {name: cls(prefix=name) for name, cls in ROUND_FORMS.items()}
    if bound is not None:
        forms[bound.prefix] = bound
    forms["reschedule"].initial.setdefault("planned_on", inspection_round.planned_on)
    today = amsterdam_today()
    findings = list(selectors.findings_of(inspection_round))
    for finding in findings:
        finding.follow_up = finding_services.follow_up(finding, today)
    return render(
        request,
        "inspections/staff/round.html",
        {
            "area_slug": area_obj.slug,
            "area": area_obj,
            "round": inspection_round,
            "is_planned": inspection_round.state == InspectionRound.State.PLANNED,
            "is_cancelled": inspection_round.state == InspectionRound.State.CANCELLED,
            "participants": inspection_round.participants.select_related("organisation"),
            "attendance": round_services.attendance(inspection_round),
            "findings": findings,
            "forms": forms,
            "today": today,
        },
        status=400 if bound is not None else 200,
    )


@login_required
@permission_required(perms.VIEW_ROUNDS, raise_exception=True)
def round_manage(request, area, pk):
    area_obj = _area(request, area)
    return _round_page(request, area_obj, _round(area_obj, pk))


def _round_post(request, area, pk, prefix, apply, success):
    """Bind the round form `prefix`, let the service do the work, show errors at the field."""
    area_obj = _area(request, area)
    inspection_round = _round(area_obj, pk)
    form = ROUND_FORMS[prefix](request.POST, request.FILES, prefix=prefix)
    if form.is_valid():
        try:
            apply(inspection_round, form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("inspections:manage", area=area, pk=pk)
    return _round_page(request, area_obj, inspection_round, bound=form)


@login_required
@permission_required(perms.CHANGE_ROUNDS, raise_exception=True)
@require_POST
def round_reschedule(request, area, pk):
    return _round_post(
        request,
        area,
        pk,
        "reschedule",
        lambda r, d: round_services.reschedule(r, d["planned_on"]),
        _("De nieuwe datum is opgeslagen."),
    )


@login_required
@permission_required(perms.CHANGE_ROUNDS, raise_exception=True)
@require_POST
def round_held(request, area, pk):
    return _round_post(
        request,
        area,
        pk,
        "held",
        lambda r, d: round_services.mark_held(r, held_on=d["held_on"], summary=d["summary"]),
        _("De schouw staat nu als gehouden, met het verslag."),
    )


@login_required
@permission_required(perms.CHANGE_ROUNDS, raise_exception=True)
@require_POST
def round_cancel(request, area, pk):
    return _round_post(
        request,
        area,
        pk,
        "cancel",
        lambda r, d: round_services.cancel(r, reason=d["reason"]),
        _("De schouw staat nu als niet doorgegaan, met de reden."),
    )


@login_required
@permission_required(perms.ADD_PARTICIPANT, raise_exception=True)
@require_POST
def participant_add(request, area, pk):
    return _round_post(
        request,
        area,
        pk,
        "participant",
        lambda r, d: round_services.add_participants(r, **d),
        _("De deelnemers zijn toegevoegd."),
    )


@login_required
@permission_required(perms.ADD_FINDING, raise_exception=True)
@require_POST
def finding_add(request, area, pk):
    return _round_post(
        request,
        area,
        pk,
        "finding",
        lambda r, d: finding_services.add_finding(r, **d),
        _("De bevinding is toegevoegd. Spreek af wat ermee gebeurt: een melding of een actie."),
    )


def _finding(area_obj, pk) -> Finding:
    return get_object_or_404(
        Finding.objects.select_related("inspection_round__neighbourhood", "category"),
        pk=pk,
        inspection_round__neighbourhood__area=area_obj,
    )


@login_required
@permission_required(perms.ADD_FINDING, raise_exception=True)
@require_POST
def finding_to_report(request, area, pk):
    area_obj = _area(request, area)
    finding = _finding(area_obj, pk)
    try:
        report = finding_services.turn_into_report(finding)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Melding %(reference)s is gemaakt en gaat naar %(organisation)s.")
            % {"reference": report.reference, "organisation": report.organisation.name},
        )
    return redirect("inspections:manage", area=area, pk=finding.inspection_round_id)


@login_required
@permission_required(perms.ADD_ACTION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def action_add(request, area, pk):
    area_obj = _area(request, area)
    finding = _finding(area_obj, pk)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            finding_services.add_action(finding, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("De actie is vastgelegd."))
            return redirect("inspections:manage", area=area, pk=finding.inspection_round_id)
    return render(
        request,
        "inspections/staff/action_form.html",
        {"area_slug": area, "finding": finding, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_complete(request, area, pk):
    # The owner's staff may close their own action whatever areas their organisation serves.
    area_obj = get_object_or_404(Area, slug=area)
    action = get_object_or_404(
        Action.objects.select_related("owner_organisation", "finding__inspection_round"),
        pk=pk,
        finding__inspection_round__neighbourhood__area=area_obj,
    )
    if not perms.may_complete_action(request.user, action, area_obj):
        _area(request, area)  # staff of another area: 404, as if the action did not exist
        raise PermissionDenied
    form = CompleteActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            finding_services.complete_action(action, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("De actie is afgerond."))
            return redirect("inspections:my-actions", area=area)
    return render(
        request,
        "inspections/staff/action_complete.html",
        {"area_slug": area, "action": action, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def my_actions(request, area):
    """Open actions of the staff member's own organisations; the area's coordinator sees all.

    Staff of another area get 404, unless their organisation owns an open action here.
    """
    area_obj = get_object_or_404(Area, slug=area)
    organisation_ids = perms.organisation_ids(request.user)
    works_here = works_in(request.user, area_obj)
    is_coordinator = works_here and request.user.has_perm(perms.CHANGE_ACTION)
    if not organisation_ids and not is_coordinator:
        raise PermissionDenied
    today = amsterdam_today()
    if is_coordinator:
        quadrants = selectors.open_actions(area_obj, today)
        actions = [a for q in quadrants for a in q.actions]
    else:
        actions = selectors.actions_for_organisations(organisation_ids, today)
        actions = [
            a for a in actions if a.finding.inspection_round.neighbourhood.area_id == area_obj.pk
        ]
        if not actions and not works_here:
            raise Http404
    return render(
        request,
        "inspections/staff/my_actions.html",
        {"area_slug": area, "actions": actions, "today": today, "is_coordinator": is_coordinator},
    )
