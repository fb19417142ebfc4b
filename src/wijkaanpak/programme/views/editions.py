"""Editions: list, start, edit a draft, adopt, compare two editions, and the curve story.

A draft is staff-only: anyone without the right to read programmes, or who does not work in
the area (areas.access), gets a 404, as if it did not exist. The rules live in
services.editions; these views only parse and show.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.areas.access import area_staff_only, works_in

from ..forms import apply_service_errors
from ..forms_editions import AdoptForm, RationaleForm, StartEditionForm
from ..models import Programme
from ..services import editions

VIEW = "programme.view_programme"
START = "programme.add_programme"
CHANGE = "programme.change_programme"


def may_see_drafts(user, area: str) -> bool:
    return user.is_authenticated and user.has_perm(VIEW) and works_in(user, area)


def _editions(request, area):
    queryset = Programme.objects.select_related("area").filter(area__slug=area)
    if not may_see_drafts(request.user, area):
        queryset = queryset.filter(state=Programme.State.ADOPTED)
    return queryset.order_by("-edition_year")


def _edition(request, area, year) -> Programme:
    return get_object_or_404(_editions(request, area), edition_year=year)


def _draft(request, area, year) -> Programme:
    """A draft the user may edit; an adopted edition is not editable, so it is a 404 here."""
    programme = _edition(request, area, year)
    if not editions.is_editable(programme):
        raise Http404(_("Deze editie is vastgesteld en kan niet meer veranderen."))
    return programme


@require_http_methods(["GET"])
def edition_list(request, area):
    programmes = list(_editions(request, area))
    if not programmes:
        raise Http404(_("Geen programma voor dit gebied."))
    current = next((p for p in programmes if p.state == Programme.State.ADOPTED), None)
    may_start = (
        request.user.is_authenticated
        and request.user.has_perm(START)
        and current is not None
        and works_in(request.user, area)
        and not Programme.objects.filter(previous_edition=current).exists()
    )
    form = StartEditionForm(initial={"year": current.edition_year + 1}) if may_start else None
    return render(
        request,
        "programme/editions/list.html",
        {
            "area_slug": area,
            "programme": current or programmes[0],
            "programmes": programmes,
            "current": current,
            "form": form,
        },
    )


@login_required
@permission_required((VIEW, START), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def edition_start(request, area):
    current = (
        Programme.objects.filter(area__slug=area, state=Programme.State.ADOPTED)
        .order_by("-edition_year")
        .first()
    )
    if current is None:
        raise Http404(_("Geen programma voor dit gebied."))
    form = StartEditionForm(
        request.POST if request.method == "POST" else None,
        initial={"year": current.edition_year + 1},
    )
    if request.method == "POST" and form.is_valid():
        try:
            draft = editions.start_edition(
                current, year=form.cleaned_data["year"], user=request.user
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("De editie %(year)s is gemaakt als concept. U kunt hem nu aanpassen.")
                % {"year": draft.edition_year},
            )
            return redirect("programme:edition", area=area, year=draft.edition_year)
    return render(
        request,
        "programme/editions/start.html",
        {"area_slug": area, "programme": current, "form": form},
    )


@require_http_methods(["GET"])
def edition_detail(request, area, year):
    programme = _edition(request, area, year)
    editable = editions.is_editable(programme)
    lines = programme.lines.prefetch_related(
        "goals",
        "indicators__targets__horizon",
        "interventions",
    )
    return render(
        request,
        "programme/editions/detail.html",
        {
            "area_slug": area,
            "programme": programme,
            "editable": editable,
            "lines": lines,
            "horizons": list(programme.horizons.all()),
            "rationale_form": RationaleForm(
                initial={"change_rationale": programme.change_rationale}
            ),
            "perms_change": request.user.has_perm(CHANGE) and works_in(request.user, area),
        },
    )


@login_required
@permission_required((VIEW, CHANGE), raise_exception=True)
@area_staff_only
@require_POST
def edition_rationale(request, area, year):
    programme = _draft(request, area, year)
    form = RationaleForm(request.POST)
    if form.is_valid():
        editions.set_rationale(programme, form.cleaned_data["change_rationale"])
        messages.success(request, _("De toelichting is opgeslagen."))
    return redirect("programme:edition", area=area, year=year)


@login_required
@permission_required((VIEW, CHANGE), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def edition_adopt(request, area, year):
    programme = _draft(request, area, year)
    form = AdoptForm(
        request.POST if request.method == "POST" else None,
        initial={"change_rationale": programme.change_rationale},
    )
    if request.method == "POST" and form.is_valid():
        try:
            editions.set_rationale(programme, form.cleaned_data["change_rationale"])
            editions.adopt(programme, user=request.user)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("De editie %(year)s is vastgesteld. Deze editie staat nu op de website.")
                % {"year": year},
            )
            return redirect(diff_url(area, programme.previous_edition, programme))
    previous = programme.previous_edition
    return render(
        request,
        "programme/editions/adopt.html",
        {
            "area_slug": area,
            "programme": programme,
            "form": form,
            "diff": editions.diff(previous, programme) if previous else None,
        },
    )


def diff_url(area, old, new) -> str:
    url = reverse("programme:edition-diff", args=[area])
    if old is None:
        return url
    return f"{url}?{urlencode({'van': old.edition_year, 'naar': new.edition_year})}"


def _pick(editions_by_year: dict, raw, fallback):
    """The chosen edition; one the user may not see (a draft, for the public) is a 404."""
    if raw in (None, ""):
        return fallback
    try:
        return editions_by_year[int(raw)]
    except (KeyError, ValueError) as exc:
        raise Http404(_("Deze editie bestaat niet.")) from exc


def _default_pair(programmes: list[Programme]):
    """The current adopted edition against its previous one, or the newest draft against it."""
    adopted = [p for p in programmes if p.state == Programme.State.ADOPTED]
    current = adopted[0] if adopted else programmes[0]
    drafts = [p for p in programmes if p.state == Programme.State.DRAFT]
    if drafts and drafts[0].edition_year > current.edition_year:
        return current, drafts[0]
    by_pk = {p.pk: p for p in programmes}
    return by_pk.get(current.previous_edition_id, current), current


@require_http_methods(["GET"])
def edition_diff(request, area):
    """Public when both editions are adopted; a draft is only there for staff (else 404)."""
    programmes = list(_editions(request, area))
    if not programmes:
        raise Http404(_("Geen programma voor dit gebied."))
    by_year = {p.edition_year: p for p in programmes}
    default_old, default_new = _default_pair(programmes)
    old = _pick(by_year, request.GET.get("van"), default_old)
    new = _pick(by_year, request.GET.get("naar"), default_new)
    swapped = old.edition_year > new.edition_year
    if swapped:
        old, new = new, old
    current = next((p for p in programmes if p.state == Programme.State.ADOPTED), None)
    return render(
        request,
        "programme/editions/diff.html",
        {
            "area_slug": area,
            "programme": current or new,
            "programmes": programmes,
            "old": old,
            "new": new,
            "swapped": swapped,
            "diff": editions.diff(old, new),
        },
    )
