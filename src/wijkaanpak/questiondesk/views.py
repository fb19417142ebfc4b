"""Staff pages of the question desk. Rules live in services; these views only wire them up.

Every page: logged in (the second factor is enforced by middleware), the right permission
(403 otherwise), and the area must be one the staff member works in (404 otherwise).
"""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wijkaanpak.programme.forms import apply_service_errors
from wijkaanpak.workdays import today as amsterdam_today

from . import permissions as perms
from .forms import ListFilterForm, QuestionForm, YearForm
from .models import Question
from .services import overview as overview_services
from .services import questions as question_services

PAGE_SIZE = 50


def _render(request, template, area_obj, context, status=200):
    user = request.user
    return render(
        request,
        template,
        {
            "area_slug": area_obj.slug,
            "area": area_obj,
            "may_add": user.has_perm(perms.ADD),
            "may_change": user.has_perm(perms.CHANGE),
            **context,
        },
        status=status,
    )


@login_required
@permission_required(perms.VIEW, raise_exception=True)
@require_safe
def question_list(request, area):
    area_obj = perms.area_for(request.user, area)
    form = ListFilterForm(request.GET or None, area=area_obj)
    if form.is_bound:
        form.is_valid()  # invalid filters show an error and are left out; valid ones apply
    questions = question_services.filtered(area_obj, **form.filters())
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return _render(request, "questiondesk/list.html", area_obj, {"form": form, "page": page})


@login_required
@permission_required(perms.ADD, raise_exception=True)
@require_http_methods(["GET", "POST"])
def question_new(request, area):
    area_obj = perms.area_for(request.user, area)
    today = amsterdam_today()
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        area=area_obj,
        offer_warm_referral=request.user.has_perm(perms.ADD_REFERRAL),
        initial={"asked_on": today},
    )
    if request.method == "POST":
        if form.is_valid():
            warm_referral = form.cleaned_data.get("warm_referral", False)
            try:
                question = question_services.record_question(
                    area_obj,
                    form.cleaned_data,
                    user=request.user,
                    today=today,
                    warm_referral=warm_referral,
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                if warm_referral:
                    url = reverse("referrals:new", args=[area_obj.slug])
                    return redirect(f"{url}?vraag={question.pk}")
                messages.success(
                    request, _("De vraag is opgeslagen. U kunt hieronder de volgende invullen.")
                )
                return redirect("questiondesk:new", area=area_obj.slug)
        return _render(request, "questiondesk/form.html", area_obj, {"form": form}, status=400)
    return _render(request, "questiondesk/form.html", area_obj, {"form": form})


@login_required
@permission_required(perms.VIEW, raise_exception=True)
@require_safe
def follow_ups(request, area):
    area_obj = perms.area_for(request.user, area)
    today = amsterdam_today()
    due = question_services.follow_ups_due(area_obj, today)
    return _render(
        request, "questiondesk/follow_ups.html", area_obj, {"questions": due, "today": today}
    )


@login_required
@permission_required(perms.CHANGE, raise_exception=True)
@require_POST
def follow_up_done(request, area, pk):
    area_obj = perms.area_for(request.user, area)
    question = get_object_or_404(Question.objects.filter(area=area_obj), pk=pk)
    try:
        question_services.mark_follow_up_done(question, today=amsterdam_today())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Gedaan: u bent teruggekomen op de vraag over %(theme)s van %(date)s.")
            % {
                "theme": question.get_theme_display(),
                "date": question.asked_on.strftime("%d-%m-%Y"),
            },
        )
    return redirect("questiondesk:follow-ups", area=area_obj.slug)


def _overview(request, area_obj):
    """The overview for the chosen year, or the year form with its error."""
    today = amsterdam_today()
    years = overview_services.years(area_obj, today)
    form = YearForm(request.GET or None, years=years)
    year = today.year
    if form.is_bound and form.is_valid() and form.cleaned_data["jaar"]:
        year = form.cleaned_data["jaar"]
    return form, overview_services.monthly_overview(area_obj, year, today)


def _month_tables(overview) -> list[dict]:
    """The two breakdowns of the overview, shaped for one table template."""
    year = overview.year
    return [
        {
            "id": "per-thema",
            "heading": _("Per thema"),
            "caption": _("Aantal vragen per maand en thema in %(year)s") % {"year": year},
            "columns": overview_services.THEMES,
            "rows": [(row, row.themes) for row in overview.rows],
            "totals": overview.theme_totals,
        },
        {
            "id": "gedaan",
            "heading": _("Wat is er met de vragen gedaan?"),
            "caption": _("Aantal vragen per maand en wat ermee is gedaan in %(year)s")
            % {"year": year},
            "columns": overview_services.OUTCOMES,
            "rows": [(row, row.outcomes) for row in overview.rows],
            "totals": overview.outcome_totals,
        },
    ]


def _overview_page(request, area_obj, form, overview):
    return _render(
        request,
        "questiondesk/overview.html",
        area_obj,
        {"form": form, "overview": overview, "tables": _month_tables(overview)},
        status=400 if form.errors else 200,
    )


@login_required
@permission_required(perms.VIEW, raise_exception=True)
@require_safe
def overview(request, area):
    area_obj = perms.area_for(request.user, area)
    form, result = _overview(request, area_obj)
    return _overview_page(request, area_obj, form, result)


@login_required
@permission_required(perms.VIEW, raise_exception=True)
@require_safe
def overview_csv(request, area):
    area_obj = perms.area_for(request.user, area)
    form, result = _overview(request, area_obj)
    if form.errors:  # a wrong year gets the page with the error, not a file for another year
        return _overview_page(request, area_obj, form, result)
    headers, rows = overview_services.table(result, unknown=_("onbekend"))
    # Semicolons and a byte-order mark: Dutch Excel then opens the file in columns.
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"{area_obj.slug}-vragen-tweede-huiskamer-{result.year}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
