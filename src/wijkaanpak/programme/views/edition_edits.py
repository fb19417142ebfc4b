"""Edits inside a draft edition (targets, goals) and the curve story.

An intervention's status in a draft is changed by the interventions app
(interventions/views_edition.py): the programme core does not import its feeders.

One small page per edit, so each works without JavaScript and shows its errors in place.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkaanpak.areas.access import area_staff_only

from ..forms import apply_service_errors
from ..forms_editions import CurveStoryForm, GoalForm, TargetForm
from ..models import CurveStory, Goal
from ..presentation import format_value
from ..services import editions
from .editions import VIEW, _draft, _edition

TARGET = ("programme.add_target", "programme.change_target")
ADD_GOAL, CHANGE_GOAL, DELETE_GOAL = (
    "programme.add_goal",
    "programme.change_goal",
    "programme.delete_goal",
)
STORY = ("programme.add_curvestory", "programme.change_curvestory")


def _back(area, year, anchor=""):
    response = redirect("programme:edition", area=area, year=year)
    response["Location"] += anchor
    return response


def _page(request, template, area, programme, **context):
    return render(
        request,
        f"programme/editions/{template}",
        {"area_slug": area, "programme": programme, **context},
    )


@login_required
@permission_required((VIEW, *TARGET), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def target_edit(request, area, year, indicator):
    programme = _draft(request, area, year)
    indicator = get_object_or_404(programme.indicators, slug=indicator)
    form = TargetForm(request.POST if request.method == "POST" else None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            target = editions.move_target(
                indicator,
                form.cleaned_data["horizon"],
                form.cleaned_data["value"],
                user=request.user,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("De streefwaarde van %(name)s voor %(horizon)s is nu %(value)s.")
                % {
                    "name": indicator.name,
                    "horizon": target.horizon.label,
                    "value": format_value(target.value, indicator.unit, indicator.decimals),
                },
            )
            return _back(area, year, f"#lijn-{indicator.line.slug}")
    targets = {t.horizon_id: t for t in indicator.targets.all()}
    return _page(
        request,
        "target.html",
        area,
        programme,
        indicator=indicator,
        form=form,
        rows=[(h, targets.get(h.pk)) for h in programme.horizons.all()],
    )


@login_required
@permission_required((VIEW, ADD_GOAL), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def goal_add(request, area, year, line):
    programme = _draft(request, area, year)
    line = get_object_or_404(programme.lines, slug=line)
    form = GoalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            goal = editions.add_goal(line, form.cleaned_data["text"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Doel %(n)s is toegevoegd aan %(line)s.") % {"n": goal.number, "line": line},
            )
            return _back(area, year, f"#lijn-{line.slug}")
    return _page(request, "goal.html", area, programme, line=line, form=form, goal=None)


def _goal(programme, pk) -> Goal:
    return get_object_or_404(Goal.objects.select_related("line"), pk=pk, line__programme=programme)


@login_required
@permission_required((VIEW, CHANGE_GOAL), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def goal_edit(request, area, year, pk):
    programme = _draft(request, area, year)
    goal = _goal(programme, pk)
    form = GoalForm(request.POST if request.method == "POST" else None, initial={"text": goal.text})
    if request.method == "POST" and form.is_valid():
        try:
            editions.change_goal(goal, form.cleaned_data["text"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Doel %(n)s is aangepast.") % {"n": goal.number})
            return _back(area, year, f"#lijn-{goal.line.slug}")
    return _page(request, "goal.html", area, programme, line=goal.line, form=form, goal=goal)


@login_required
@permission_required((VIEW, DELETE_GOAL), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def goal_remove(request, area, year, pk):
    programme = _draft(request, area, year)
    goal = _goal(programme, pk)
    if request.method == "POST":
        editions.remove_goal(goal)
        messages.success(
            request,
            _("Doel %(n)s van %(line)s is verwijderd uit deze editie.")
            % {"n": goal.number, "line": goal.line},
        )
        return _back(area, year, f"#lijn-{goal.line.slug}")
    return _page(request, "goal_remove.html", area, programme, goal=goal)


@login_required
@permission_required((VIEW, *STORY), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def story_edit(request, area, year, indicator):
    programme = _edition(request, area, year)
    if not editions.may_edit_story(programme):
        raise Http404(_("Het verhaal van een oudere editie kan niet meer veranderen."))
    indicator = get_object_or_404(programme.indicators, slug=indicator)
    story = CurveStory.objects.filter(indicator=indicator).first() or CurveStory(
        indicator=indicator
    )
    form = CurveStoryForm(request.POST if request.method == "POST" else None, instance=story)
    if request.method == "POST" and form.is_valid():
        story = form.save(commit=False)
        story.updated_by = request.user
        story.save()
        messages.success(request, _("Het verhaal achter de curve is opgeslagen."))
        if editions.is_editable(programme):
            return _back(area, year, f"#lijn-{indicator.line.slug}")
        return redirect("programme:indicator", area=area, indicator=indicator.slug)
    return _page(request, "story.html", area, programme, indicator=indicator, form=form)
