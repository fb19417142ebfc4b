"""Pages of the privacy officer: requests of referred people for inzage or erasure (P7).

No personal data goes into a URL (P5): the search is a POST, and the person's page is
addressed by kenmerken only. Every page that shows a referral writes a "read" record per
referral, every erasure a "delete" record, both with activity SUBJECT_REQUEST.
"""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wijkaanpak.areas.access import area_for
from wijkaanpak.areas.models import Area
from wijkaanpak.programme.forms import TEXTBOX, UtrechtFormMixin

from .models import Referral
from .services import retention, subject_rights

PERMISSION = "referrals.handle_subject_request"
MAX_REFERENCES = 50


class SearchForm(UtrechtFormMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam of initialen"),
        max_length=120,
        help_text=gettext_lazy("Zoals de persoon het opgaf, bijvoorbeeld 'J. Jansen'."),
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
    )
    contact_route = forms.CharField(
        label=gettext_lazy("Contactroute"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld het telefoonnummer. Of vul het kenmerk in."),
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
    )
    reference = forms.CharField(
        label=gettext_lazy("Kenmerk van de verwijzing"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld VW-2026-00012."),
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("contact_route", "").strip() and not data.get("reference", "").strip():
            self.add_error(
                "contact_route", _("Vul ook de contactroute of het kenmerk van de verwijzing in.")
            )
        return data


class EraseForm(UtrechtFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Ja, wis de persoonsgegevens van de afgesloten verwijzingen"),
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox"}),
        error_messages={"required": gettext_lazy("Vink aan dat u de gegevens wilt wissen.")},
    )


def _area(request, area_slug) -> Area:
    # A privacy officer answers requests for the areas of their own organisations only.
    return area_for(request.user, area_slug)


def _referrals(request, area) -> list[Referral]:
    """The referrals named by ?kenmerk= (or the POSTed kenmerk), all in this area, or 404."""
    source = request.POST if request.method == "POST" else request.GET
    references = sorted({r.strip().upper() for r in source.getlist("kenmerk") if r.strip()})
    if not references or len(references) > MAX_REFERENCES:
        raise Http404
    found = list(
        Referral.objects.filter(area=area, reference__in=references)
        .select_related("consent", "offer", "referring_organisation", "receiving_organisation")
        .order_by("sent_at", "pk")
    )
    if len(found) != len(references):
        raise Http404
    return found


def _query(referrals) -> str:
    return urlencode([("kenmerk", r.reference) for r in referrals])


@never_cache
@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def search(request, area_slug):
    area = _area(request, area_slug)
    form = SearchForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = subject_rights.find(
            area,
            name=form.cleaned_data["name"],
            contact_route=form.cleaned_data["contact_route"],
            reference=form.cleaned_data["reference"],
        )
        subject_rights.log_inzage(result.referrals, user=request.user, request_path=request.path)
    return render(
        request,
        "referrals/subject/search.html",
        {
            "area_slug": area.slug,
            "area": area,
            "form": form,
            "result": result,
            "query": _query(result.referrals) if result else "",
            "cap": subject_rights.SEARCH_CAP,
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


def _person_page(request, area, referrals, erase_form, status=200):
    subject_rights.log_inzage(referrals, user=request.user, request_path=request.path)
    exports = [subject_rights.export_referral(r) for r in referrals]
    return render(
        request,
        "referrals/subject/person.html",
        {
            "area_slug": area.slug,
            "area": area,
            "exports": exports,
            "referrals": referrals,
            "query": _query(referrals),
            "erase_form": erase_form,
            "any_open": any(not retention.is_closed(r) for r in referrals),
            "any_erasable": any(r.erased_at is None and retention.is_closed(r) for r in referrals),
        },
        status=status,
    )


@never_cache
@login_required
@permission_required(PERMISSION, raise_exception=True)
def person(request, area_slug):
    area = _area(request, area_slug)
    return _person_page(request, area, _referrals(request, area), EraseForm())


@never_cache
@login_required
@permission_required(PERMISSION, raise_exception=True)
def export_json(request, area_slug):
    area = _area(request, area_slug)
    referrals = _referrals(request, area)
    subject_rights.log_inzage(referrals, user=request.user, request_path=request.path)
    body = json.dumps(subject_rights.export(referrals), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="inzage-verwijzingen.json"'
    return response


@never_cache
@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_POST
def erase(request, area_slug):
    area = _area(request, area_slug)
    referrals = _referrals(request, area)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return _person_page(request, area, referrals, form, status=400)
    outcome = subject_rights.erase_on_request(
        referrals, user=request.user, request_path=request.path
    )
    if outcome.erased:
        messages.success(
            request,
            _("Gewist: de persoonsgegevens van %(refs)s.") % {"refs": ", ".join(outcome.erased)},
        )
    if outcome.already_erased:
        messages.info(
            request,
            _("Al eerder gewist: %(refs)s.") % {"refs": ", ".join(outcome.already_erased)},
        )
    if outcome.still_open:
        messages.info(
            request,
            _(
                "Niet gewist, want nog niet afgesloten: %(refs)s. Vraag de verwijzer om de "
                "verwijzing in te trekken. Daarna kunt u de gegevens hier wissen."
            )
            % {"refs": ", ".join(r.reference for r in outcome.still_open)},
        )
    url = reverse("referrals_subject:person", args=[area.slug])
    return redirect(f"{url}?{_query(referrals)}")
