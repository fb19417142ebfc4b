from django.shortcuts import get_object_or_404, render

from wijkaanpak.programme.selectors import current_programme

from .forms import InterventionFilterForm
from .services import filter_interventions


def intervention_list(request, area):
    programme = current_programme(area)
    form = InterventionFilterForm(request.GET or None, programme=programme)
    interventions = programme.interventions.select_related("line").prefetch_related("goals")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        interventions = filter_interventions(
            interventions,
            line_slug=data["line"],
            age=data["age"],
            goal_id=int(data["goal"]) if data["goal"] else None,
        )
    return render(
        request,
        "interventions/list.html",
        {"area_slug": area, "programme": programme, "form": form, "interventions": interventions},
    )


def intervention_detail(request, area, slug):
    programme = current_programme(area)
    intervention = get_object_or_404(
        programme.interventions.select_related("line").prefetch_related(
            "goals", "partners", "places"
        ),
        slug=slug,
    )
    return render(
        request,
        "interventions/detail.html",
        {"area_slug": area, "programme": programme, "intervention": intervention},
    )
