from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from wijkaanpak.areas.access import works_in
from wijkaanpak.programme.selectors import current_programme

from .forms import InterventionFilterForm
from .models import Theme
from .services import filter_interventions
from .services.evaluation import needs_evaluation, running_since, with_history

CHANGE = "interventions.change_intervention"


def intervention_list(request, area):
    programme = current_programme(area)
    form = InterventionFilterForm(request.GET or None, programme=programme)
    interventions = with_history(
        programme.interventions.select_related("line").prefetch_related("goals")
    )
    unevaluated_only = False
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        interventions = filter_interventions(
            interventions,
            line_slug=data["line"],
            age=data["age"],
            goal_id=int(data["goal"]) if data["goal"] else None,
        )
        unevaluated_only = data.get("unevaluated", False)
    today = timezone.localdate()
    interventions = list(interventions)
    for intervention in interventions:
        intervention.needs_evaluation = needs_evaluation(intervention, today)
    if unevaluated_only:
        interventions = [i for i in interventions if i.needs_evaluation]
    return render(
        request,
        "interventions/list.html",
        {"area_slug": area, "programme": programme, "form": form, "interventions": interventions},
    )


def theme_labels(codes: list[str]) -> list[str]:
    return [Theme(code).label for code in codes if code in Theme.values]


def intervention_detail(request, area, slug):
    programme = current_programme(area)
    intervention = get_object_or_404(
        with_history(
            programme.interventions.select_related("line", "lead_partner").prefetch_related(
                "goals", "partners", "places", "status_changes__changed_by"
            )
        ),
        slug=slug,
    )
    return render(
        request,
        "interventions/detail.html",
        {
            "area_slug": area,
            "programme": programme,
            "intervention": intervention,
            "themes": theme_labels(intervention.themes),
            "history": list(intervention.status_changes.all()),
            "evaluations": list(intervention.evaluations.all()),
            "needs_evaluation": needs_evaluation(intervention, timezone.localdate()),
            "running_since": running_since(intervention),
            "may_manage": request.user.has_perm(CHANGE) and works_in(request.user, area),
        },
    )
