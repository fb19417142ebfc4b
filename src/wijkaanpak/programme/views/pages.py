"""Public pages of the programme: overview, line, indicator, data quality. Reading is public."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkaanpak.areas.access import works_in
from wijkaanpak.areas.models import Area

from .. import charts, metrics
from ..domain.progress import STATUS_ORDER
from ..models import CurveStory, Indicator, Measurement, Scope
from ..presentation import format_value, months_between
from ..selectors import current_programme
from ..services import data_quality, editions
from ..services.progress import programme_progress, progress_for, today
from .visitor_cache import cached_for_visitors


def home(request):
    areas = list(Area.objects.filter(programmes__isnull=False).distinct())
    if len(areas) == 1:
        return redirect("programme:overview", area=areas[0].slug)
    return render(request, "programme/home.html", {"areas": areas})


def _horizons_ahead(programme, on):
    return [
        {
            "horizon": h,
            "passed": h.due_on < on,
            "months_left": max(months_between(on, h.due_on), 0),
        }
        for h in programme.horizons.all()
    ]


@cached_for_visitors
def overview(request, area):
    programme = current_programme(area)
    on = today()
    result = programme_progress(programme, on)
    horizons = _horizons_ahead(programme, on)
    lines = [
        {"line": line, "rollup": result.by_line[line.pk]}
        for line in programme.lines.prefetch_related("goals")
    ]
    return render(
        request,
        "programme/overview.html",
        {
            "area_slug": area,
            "programme": programme,
            "ambition": result.ambition,
            "horizons": horizons,
            "next_horizon": next((h for h in horizons if not h["passed"]), None),
            "lines": lines,
            "statuses": STATUS_ORDER,
            "today": on,
        },
    )


@cached_for_visitors
def line_detail(request, area, line):
    programme = current_programme(area)
    line = get_object_or_404(programme.lines, slug=line)
    # The area is read for every link (get_absolute_url): fetch it with the indicators.
    indicators = list(line.indicators.select_related("programme__area").prefetch_related("goals"))
    progress = progress_for(indicators)
    rows = [
        {
            "indicator": i,
            "item": progress[i.pk],
            "sparkline": charts.sparkline(progress[i.pk].facts, _("Verloop van %s") % i.name),
        }
        for i in indicators
    ]
    goals = [
        {"goal": goal, "indicators": [r for r in rows if goal in r["indicator"].goals.all()]}
        for goal in line.goals.all()
    ]
    # The core reads its feeders only through reverse relations, never by importing them.
    interventions = (
        line.interventions.select_related("programme__area")
        .prefetch_related("goals")
        .order_by("position", "number")
    )
    return render(
        request,
        "programme/line.html",
        {
            "area_slug": area,
            "programme": programme,
            "line": line,
            "goals": goals,
            "rows": rows,
            "interventions": interventions,
            "statuses": STATUS_ORDER,
        },
    )


@cached_for_visitors
def indicator_detail(request, area, indicator):
    programme = current_programme(area)
    indicator = get_object_or_404(
        programme.indicators.select_related("line").prefetch_related("goals"), slug=indicator
    )
    item = progress_for([indicator])[indicator.pk]
    references = {r.scope: r for r in indicator.reference_values.all()}
    targets = list(indicator.targets.select_related("horizon", "confirmed_by"))
    horizons = list(programme.horizons.all())
    measurements = list(
        Measurement.objects.of_series(indicator)
        .select_related("entered_by", "supersedes")
        .order_by("-period_end", "-entered_at")
    )

    def fmt(value):
        return format_value(value, indicator.unit, indicator.decimals)

    chart = charts.indicator_chart(
        item.facts,
        [h.due_on for h in horizons],
        fmt,
        title=_("Verloop van %(name)s in de wijk") % {"name": indicator.name},
        description=_(
            "Lijngrafiek met de nulmeting en metingen van de wijk, de waarden van Nederland en "
            "de stad als horizontale lijnen, en de streefwaarden per horizon. De tabel onder de "
            "grafiek geeft dezelfde cijfers."
        ),
    )
    return render(
        request,
        "programme/indicator.html",
        {
            "area_slug": area,
            "programme": programme,
            "indicator": indicator,
            "item": item,
            "progress": item.progress,
            "references": [references.get(s) for s in (Scope.NETHERLANDS, Scope.CITY, Scope.AREA)],
            "scopes": Scope,
            "targets_by_horizon": [
                (h, next((t for t in targets if t.horizon_id == h.pk), None)) for h in horizons
            ],
            "measurements": measurements,
            "chart": chart,
            "metric": metrics.get(indicator.metric_key) if indicator.metric_key else None,
            **_curve_story(request, programme, indicator),
        },
    )


STORY_FIELDS = ("story_behind_the_curve", "partners", "what_works", "action_plan")


def _curve_story(request, programme, indicator) -> dict:
    """'Turning the curve' beside the chart; an empty field stays visible as not filled in."""
    if indicator.kind != Indicator.Kind.OUTCOME:
        return {"story": None}
    story = CurveStory.objects.filter(indicator=indicator).first()
    return {
        "story": [
            (CurveStory._meta.get_field(name).verbose_name, getattr(story, name, ""))
            for name in STORY_FIELDS
        ],
        "story_updated_at": story.updated_at if story else None,
        "may_edit_story": request.user.has_perms(
            ["programme.view_programme", "programme.change_curvestory", "programme.add_curvestory"]
        )
        and editions.may_edit_story(programme)
        and works_in(request.user, programme.area),
    }


def data_quality_page(request, area):
    programme = current_programme(area)
    findings = data_quality.run_checks(programme)
    return render(
        request,
        "programme/data_quality.html",
        {
            "area_slug": area,
            "programme": programme,
            "findings": findings,
            "counts": {
                severity: sum(1 for f in findings if f.severity == severity)
                for severity in ("error", "warning", "info")
            },
        },
    )
