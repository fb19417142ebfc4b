"""The staff member's referrals (sent and received) and the form to refer a household."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from wijkaanpak import workdays
from wijkaanpak.areas.models import Area
from wijkaanpak.questiondesk.models import Question

from ..forms import ReferralForm, linkable_questions, referable_offers
from ..models import Referral
from ..services import access, deadlines
from ..services.referring import ReferralInputError, refer


def _area(slug) -> Area:
    return get_object_or_404(Area, slug=slug)


@never_cache
@login_required
@permission_required("referrals.view_referral", raise_exception=True)
@require_GET
def referral_list(request, area_slug):
    area = _area(area_slug)
    # This page shows no personal data: kenmerk, offer, urgency, state and dates only. The
    # kenmerk is a pseudonym; the name, contact and reason are on the detail page, which
    # writes the processing-log record. So this list writes none.
    visible = (
        Referral.objects.visible_to(request.user)
        .filter(area=area)
        .select_related("offer", "referring_organisation", "receiving_organisation")
    )
    own = access.organisation_ids(request.user)
    today = workdays.today()
    sent = list(visible.filter(referring_organisation__in=own).order_by("-sent_at", "-pk"))
    received = list(deadlines.inbox(visible.filter(receiving_organisation__in=own)))
    for referral in sent + received:
        referral.is_overdue = deadlines.is_overdue(referral, today)
    return render(
        request,
        "referrals/list.html",
        {
            "area_slug": area.slug,
            "area": area,
            "sent": sent,
            "received": received,
            "may_refer": request.user.has_perm("referrals.add_referral"),
        },
    )


class _QuestionTaken(Exception):
    """The question got a referral of its own while this one was being made."""


def _initial(request, area, question) -> dict:
    initial = {"consent_given_on": workdays.today(), "question": question}
    slug = request.GET.get("aanbod", "")
    if referable_offers(area).filter(slug=slug).exists():
        initial["offer"] = slug
    return initial


def _question_notice(request, area) -> tuple[Question | None, str]:
    """The question named in ?vraag=, or why it cannot be linked (shown before sending)."""
    raw = request.GET.get("vraag", "").strip()
    if not raw:
        return None, ""
    try:
        question = linkable_questions(area, request.user).filter(pk=int(raw)).first()
    except ValueError:
        question = None
    if question is None:
        return None, _(
            "Deze verwijzing wordt niet aan een vraag gekoppeld: de vraag bestaat niet, hoort "
            "niet bij dit gebied, is niet doorverwezen of heeft al een verwijzing."
        )
    return question, ""


def _refer(request, form) -> Referral:
    question = form.cleaned_data["question"]
    with transaction.atomic():
        referral = refer(
            user=request.user,
            referring_organisation=form.cleaned_data["referring_organisation"],
            offer=form.cleaned_data["offer"],
            consent=form.consent_input(),
            data=form.referral_input(),
            request_path=request.path,
        )
        if question is not None:
            linked = Question.objects.filter(pk=question.pk, referral__isnull=True).update(
                referral=referral
            )
            if not linked:
                raise _QuestionTaken
    return referral


@never_cache
@login_required
@permission_required("referrals.add_referral", raise_exception=True)
@require_http_methods(["GET", "POST"])
def referral_new(request, area_slug):
    area = _area(area_slug)
    if not access.organisation_ids(request.user):
        raise PermissionDenied(_("U werkt niet voor een organisatie en kunt dus niet verwijzen."))
    question, question_problem = _question_notice(request, area)
    form = ReferralForm(
        request.POST if request.method == "POST" else None,
        area=area,
        user=request.user,
        initial=_initial(request, area, question),
    )
    if form.is_bound and form.is_valid():
        try:
            referral = _refer(request, form)
        except ReferralInputError as exc:
            form.add_service_errors(exc.errors)
        except _QuestionTaken:
            form.add_error("question", form.fields["question"].error_messages["invalid_choice"])
        else:
            messages.success(
                request,
                _(
                    "Verwijzing %(ref)s is verstuurd naar %(organisation)s. Zij bevestigen "
                    "uiterlijk %(due)s dat ze hem hebben ontvangen."
                )
                % {
                    "ref": referral.reference,
                    "organisation": referral.receiving_organisation.name,
                    "due": date_format(referral.receive_due_on, "j F Y"),
                },
            )
            return redirect(referral.get_absolute_url())
    return render(
        request,
        "referrals/new.html",
        {
            "area_slug": area.slug,
            "area": area,
            "form": form,
            "question": question,
            "question_problem": question_problem,
            "has_offers": form.fields["offer"].queryset.exists(),
        },
        status=400 if form.is_bound else 200,
    )
