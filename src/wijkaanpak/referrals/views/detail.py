"""One referral: the data, the consent, the history, and the steps the user may take.

The referral is looked up through `Referral.objects.visible_to`, so another organisation's
referral is a 404 here and on the step URL (A1, A3). Every page shows personal data and
writes exactly one processing-log record (P1); nothing is cached by the browser (P5).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from wijkaanpak import workdays
from wijkaanpak.referrals.services import processing

from ..domain import workflow
from ..domain.workflow import WorkflowError
from ..forms import StepForm
from ..models import DataKind, Referral
from ..services import access, deadlines
from ..services.progress import change_state


@dataclass(frozen=True)
class HistoryRow:
    at: object
    what: str
    who: str
    organisation: str
    note: str


def _visible_referral(request, area_slug, reference) -> Referral:
    return get_object_or_404(
        Referral.objects.visible_to(request.user)
        .filter(area__slug=area_slug)
        .select_related(
            "area",
            "offer",
            "consent",
            "consent__recorded_by",
            "referring_organisation",
            "receiving_organisation",
            "referred_by",
            "neighbourhood",
        ),
        reference=reference,
    )


def _person(user) -> str:
    if user is None:
        return _("onbekend")
    return user.get_full_name() or user.get_username()


def _history(referral: Referral, events) -> list[HistoryRow]:
    rows = []
    for event in events:
        to_label = Referral.State(event.to_state).label
        what = (
            f"{Referral.State(event.from_state).label} → {to_label}"
            if event.from_state
            else to_label
        )
        rows.append(
            HistoryRow(
                at=event.at,
                what=what,
                who=_person(event.actor),
                organisation=event.actor_organisation.name if event.actor_organisation else "",
                note=event.note,
            )
        )
    if referral.escalated_at:
        # Escalation is no state: it is kept on the referral and shown here in its place.
        rows.append(
            HistoryRow(
                at=referral.escalated_at,
                what=_("Opgeschaald: niet op tijd ontvangen"),
                who=_("systeem"),
                organisation="",
                note=_("De ontvangende organisatie en de verwijzer kregen een e-mail."),
            )
        )
    return sorted(rows, key=lambda row: row.at)


def shown_data_kinds(referral: Referral, events) -> set[str]:
    """The kinds of personal data the page shows; after an erasure, only what is left."""
    kinds = {DataKind.URGENCY}
    if referral.person_name or referral.consent.given_by:
        kinds.add(DataKind.NAME)
    if referral.contact_route:
        kinds.add(DataKind.CONTACT)
    if referral.reason or referral.not_started_reason or any(e.note for e in events):
        kinds.add(DataKind.REASON)
    if referral.age_band:
        kinds.add(DataKind.AGE_BAND)
    if referral.neighbourhood_id:
        kinds.add(DataKind.NEIGHBOURHOOD)
    return kinds


def _step_forms(request, referral, bound):
    sides = access.sides(request.user, referral)
    targets = [
        target
        for side in (workflow.RECEIVER, workflow.REFERRER)
        if side in sides
        for target in workflow.allowed_targets(referral.state, side)
    ]
    forms = [
        bound if bound is not None and bound.to_state == target else StepForm(to_state=target)
        for target in targets
    ]
    # A refused step whose form is not offered (any more) still explains why.
    refused = []
    if bound is not None and bound.to_state not in targets:
        refused = [error for errors in bound.errors.values() for error in errors]
    return sides, forms, refused


def _render(request, referral, *, bound=None, status=200):
    events = list(referral.events.select_related("actor", "actor_organisation"))
    processing.record(
        referral,
        user=request.user,
        action="read",
        data_kinds=shown_data_kinds(referral, events),
        request_path=request.path,
    )
    sides, forms, refused = _step_forms(request, referral, bound)
    today = workdays.today()
    return render(
        request,
        "referrals/detail.html",
        {
            "area_slug": referral.area.slug,
            "referral": referral,
            "consent": referral.consent,
            "consent_kinds": [DataKind(k).label for k in referral.consent.data_kinds],
            "history": _history(referral, events),
            "forms": forms,
            "refused": refused,
            "is_receiver": workflow.RECEIVER in sides,
            "is_referrer": workflow.REFERRER in sides,
            "is_open": workflow.is_open(referral.state),
            "is_overdue": deadlines.is_overdue(referral, today),
        },
        status=status,
    )


@never_cache
@login_required
@require_GET
def referral_detail(request, area_slug, reference):
    return _render(request, _visible_referral(request, area_slug, reference))


@never_cache
@login_required
@require_POST
def referral_step(request, area_slug, reference, to_state):
    referral = _visible_referral(request, area_slug, reference)
    form = StepForm(request.POST, to_state=to_state)
    if form.is_valid():
        try:
            change_state(
                referral,
                user=request.user,
                to_state=to_state,
                note=form.cleaned_data["note"],
                intake_on=form.cleaned_data.get("intake_on"),
                request_path=request.path,
            )
        except WorkflowError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _("Verwijzing %(ref)s staat nu op '%(state)s'. De andere organisatie ziet dat.")
                % {"ref": referral.reference, "state": Referral.State(to_state).label},
            )
            return redirect(referral.get_absolute_url())
    referral.refresh_from_db()
    return _render(request, referral, bound=form, status=400)
