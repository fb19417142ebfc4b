"""Money pages: a public overview per programme and year, staff forms for budgets and entries.

Amounts spent on a public programme are public information; the overview shows totals
only, never who entered what. Rules live in services.money; views stay thin.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.areas.access import area_staff_only, works_in
from wijkaanpak.programme.forms import apply_service_errors
from wijkaanpak.programme.models import Programme
from wijkaanpak.programme.selectors import current_programme

from .forms_money import InterventionBudgetForm, LineBudgetForm, SpendingForm
from .services.money import (
    add_spending,
    euros,
    intervention_money,
    programme_money,
    set_intervention_budget,
    set_line_budget,
)

CHANGE = "interventions.change_intervention"
FIRST_YEAR, LAST_YEAR = 2000, 2100


def edition_for(area: str, year: int, *, staff: bool = False) -> Programme:
    """The edition that governs `year`: that year's own edition, else the newest adopted one
    before it. The public sees adopted editions only; staff may budget a draft edition too.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("Geen geldig jaar.")
    editions = Programme.objects.select_related("area").filter(area__slug=area)
    if staff:
        own = editions.filter(edition_year=year).first()
        if own is not None:
            return own
    adopted = (
        editions.filter(state=Programme.State.ADOPTED, edition_year__lte=year)
        .order_by("-edition_year")
        .first()
    )
    return adopted or current_programme(area)


def money_redirect(request, area):
    current_programme(area)  # 404 for an unknown area
    return redirect("interventions:money", area=area, year=timezone.localdate().year)


def money_overview(request, area, year):
    programme = edition_for(area, year)
    overview = programme_money(programme, year)
    years = sorted({timezone.localdate().year, programme.edition_year, year})
    return render(
        request,
        "interventions/money/overview.html",
        {
            "area_slug": area,
            "programme": programme,
            "year": year,
            "overview": overview,
            "other_years": [y for y in range(years[0] - 1, years[-1] + 2) if y != year],
            "may_change": request.user.has_perm(CHANGE) and works_in(request.user, area),
        },
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def line_budget_set(request, area, year):
    programme = edition_for(area, year, staff=True)
    form = LineBudgetForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            set_line_budget(data["line"], year, data["amount"], note=data["note"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Het budget van %(line)s voor %(year)s is nu %(amount)s.")
                % {"line": data["line"].name, "year": year, "amount": euros(data["amount"])},
            )
            return redirect("interventions:money", area=area, year=year)
    return render(
        request,
        "interventions/money/line_budget_form.html",
        {"area_slug": area, "programme": programme, "year": year, "form": form},
    )


def _spending_page(request, area, intervention, *, budget_form=None, spending_form=None):
    programme = intervention.programme
    entries = list(
        intervention.spending.select_related("entered_by").order_by("-on", "-entered_at")
    )
    for entry in entries:
        entry.amount_text = euros(entry.amount_cents)
    return render(
        request,
        "interventions/money/spending_form.html",
        {
            "area_slug": area,
            "programme": programme,
            "intervention": intervention,
            "money": intervention_money(intervention),
            "entries": entries,
            "budget_form": budget_form or InterventionBudgetForm(intervention=intervention),
            "form": spending_form or SpendingForm(initial={"on": timezone.localdate()}),
        },
    )


def _intervention(area, slug):
    return get_object_or_404(current_programme(area).interventions, slug=slug)


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def spending_add(request, area, slug):
    intervention = _intervention(area, slug)
    form = SpendingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = add_spending(
                intervention,
                kind=data["kind"],
                amount_cents=data["amount"],
                on=data["on"],
                note=data["note"],
                user=request.user,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("De boeking is opgeslagen: %(kind)s %(amount)s.")
                % {"kind": entry.get_kind_display(), "amount": euros(entry.amount_cents)},
            )
            return redirect("interventions:spending-add", area=area, slug=slug)
    return _spending_page(
        request, area, intervention, spending_form=form if form.is_bound else None
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@area_staff_only
@require_POST
def intervention_budget_set(request, area, slug):
    intervention = _intervention(area, slug)
    form = InterventionBudgetForm(request.POST)
    if form.is_valid():
        try:
            set_intervention_budget(intervention, form.cleaned_data["amount"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            amount = form.cleaned_data["amount"]
            messages.success(
                request,
                _("Het budget is nu %(amount)s.") % {"amount": euros(amount)}
                if amount is not None
                else _("Het budget is nu: niet bekend."),
            )
            return redirect("interventions:spending-add", area=area, slug=slug)
    return _spending_page(request, area, intervention, budget_form=form)
