"""Public pages: the report form (with the duplicates step), the status page, the overview.

No login. Anonymous POSTs are rate limited per client IP (E1) and a filled honeypot is
refused without storing anything (E2). Pages that hold a resident's input or a private
link are never cached or indexed.
"""

import contextlib
import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijkaanpak.areas.models import Area, Neighbourhood

from .. import ratelimit, statistics, status_text
from ..domain import deadlines
from ..forms_public import HONEYPOT, FeedbackForm, PublicReportForm
from ..models import Report, ReportContact, ReportEvent
from ..services import (
    WorkflowError,
    create_report,
    join_report,
    open_reports_nearby,
    reporter_feedback,
)

logger = logging.getLogger(__name__)
MAX_CANDIDATES = 5
RECEIVED_PAGE_FOR = dt.timedelta(hours=24)


def _private(response):
    """A page with a resident's input or a private link: not kept by caches or search engines."""
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _too_many(request, area_slug, retry_after):
    response = render(
        request,
        "reports/public/too_many.html",
        {"area_slug": area_slug, "minutes": max(1, (retry_after + 59) // 60)},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return _private(response)


def _add_service_errors(form, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def _retention_months() -> int | None:
    # The anonymisation term (P6) is configured with the retention job; the privacy text
    # names it when it is set.
    days = getattr(settings, "REPORT_CONTACT_RETENTION_DAYS", None)
    return max(1, round(days / 30)) if days else None


def _render_form(request, area, form, *, status=200, refused=False):
    return _private(
        render(
            request,
            "reports/public/form.html",
            {
                "area_slug": area.slug,
                "area": area,
                "form": form,
                "refused": refused,
                "retention_months": _retention_months(),
            },
            status=status,
        )
    )


def _candidates(form, area) -> list[Report]:
    data = form.cleaned_data
    found = open_reports_nearby(
        data["category"],
        latitude=data["latitude"],
        longitude=data["longitude"],
        address=data["address"],
        area=area,
    )
    return found[:MAX_CANDIDATES]


def _render_duplicates(request, area, form, candidates, *, notice=""):
    rows = [
        {"report": r, "place": status_text.public_place(r), "status": r.get_status_display()}
        for r in candidates
    ]
    return _private(
        render(
            request,
            "reports/public/duplicates.html",
            {
                "area_slug": area.slug,
                "area": area,
                "form": form,
                "hidden_fields": [f for f in form if f.name not in ("photos", HONEYPOT)],
                "rows": rows,
                "had_photos": bool(form.cleaned_data.get("photos")),
                "notice": notice,
            },
        )
    )


@require_http_methods(["GET", "POST"])
def report_new(request, area):
    area = get_object_or_404(Area, slug=area)
    if request.method == "GET":
        return _render_form(request, area, PublicReportForm(area=area))
    allowed, retry_after = ratelimit.hit(request)
    if not allowed:
        return _too_many(request, area.slug, retry_after)
    form = PublicReportForm(request.POST, request.FILES, area=area)
    if form.honeypot_filled:
        logger.info("Public report form: honeypot filled, nothing stored.")
        initial = {
            k: v for k, v in request.POST.items() if k not in (HONEYPOT, "csrfmiddlewaretoken")
        }
        return _render_form(
            request, area, PublicReportForm(initial=initial, area=area), status=400, refused=True
        )
    if not form.is_valid():
        return _render_form(request, area, form)
    if "join" in request.POST:
        return _join(request, area, form, request.POST["join"])
    if "new" not in request.POST:
        candidates = _candidates(form, area)
        if candidates:
            return _render_duplicates(request, area, form, candidates)
    try:
        report = create_report(**form.report_values())
    except ValidationError as error:
        _add_service_errors(form, error)
        return _render_form(request, area, form)
    return redirect("reports_public:received", area=area.slug, token=report.status_token)


def _join(request, area, form, reference):
    candidates = _candidates(form, area)
    report = next((r for r in candidates if r.reference == reference), None)
    gone = _(
        "Melding %(ref)s is inmiddels gesloten. Kies een andere melding of maak een nieuwe."
    ) % {"ref": reference}
    if report is None:
        if candidates:
            return _render_duplicates(request, area, form, candidates, notice=gone)
        form.add_error(None, gone)
        return _render_form(request, area, form)
    data = form.cleaned_data
    try:
        contact = join_report(
            report, email=data["email"], phone=data["phone"], wants_updates=data["wants_updates"]
        )
    except WorkflowError:
        return _render_duplicates(
            request, area, form, [c for c in candidates if c.pk != report.pk], notice=gone
        )
    except ValidationError as error:
        _add_service_errors(form, error)
        return _render_form(request, area, form)
    return _private(
        render(
            request,
            "reports/public/joined.html",
            {
                "area_slug": area.slug,
                "report": report,
                "status_url": request.build_absolute_uri(_status_path(report)),
                "updates": bool(contact and contact.wants_updates),
            },
        )
    )


def _status_path(report) -> str:
    return reverse("reports_public:status", kwargs={"token": report.status_token})


def _by_token(token):
    return (
        Report.objects.select_related("area", "neighbourhood", "category", "organisation")
        .filter(status_token=token)
        .first()
    )


def _not_found(request):
    return _private(render(request, "reports/public/not_found.html", status=404))


@require_GET
def report_received(request, area, token):
    report = _by_token(token)
    if report is None or report.area.slug != area:
        return _not_found(request)
    if timezone.now() - report.received_at > RECEIVED_PAGE_FOR:
        # Later visits get the status page: it does not tell whether an e-mail was given.
        return redirect(_status_path(report))
    mailed = ReportContact.objects.filter(report=report, role=ReportContact.Role.REPORTER).exclude(
        email=""
    )
    return _private(
        render(
            request,
            "reports/public/received.html",
            {
                "area_slug": area,
                "report": report,
                "status_url": request.build_absolute_uri(_status_path(report)),
                "mailed": mailed.exists(),
                "photos": report.photos.count(),
            },
        )
    )


@require_http_methods(["GET", "POST"])
def report_status(request, token):
    report = _by_token(token)
    if report is None:
        return _not_found(request)
    form = FeedbackForm()
    status = 200
    if request.method == "POST":
        allowed, retry_after = ratelimit.hit(request)
        if not allowed:
            return _too_many(request, report.area.slug, retry_after)
        form = FeedbackForm(request.POST)
        if form.is_valid() and status_text.feedback_open(report):
            # Answered meanwhile by someone else with the link: the first answer counts.
            with contextlib.suppress(WorkflowError):
                reporter_feedback(
                    report, solved=form.cleaned_data["solved"], text=form.cleaned_data["text"]
                )
            return redirect(_status_path(report) + "#reactie")
        status = 400 if form.is_bound and form.errors else 200
    return _private(
        render(
            request,
            "reports/public/status.html",
            {
                "area_slug": report.area.slug,
                "report": report,
                "place": status_text.public_place(report),
                "explanation": status_text.STATUS_EXPLANATION[report.status],
                "history": status_text.public_history(report),
                "late": status_text.late_pickup(report),
                "late_reason": status_text.late_reason(report),
                "feedback_open": status_text.feedback_open(report),
                "answered": report.events.filter(kind=ReportEvent.Kind.REPORTER_FEEDBACK).exists(),
                "supporters": report.events.filter(kind=ReportEvent.Kind.SUPPORTER_JOINED).count(),
                "form": form,
                "original": report.duplicate_of,
            },
            status=status,
        )
    )


@require_GET
def overview(request, area):
    area = get_object_or_404(Area, slug=area)
    quadrants = list(area.neighbourhoods.filter(role=Neighbourhood.Role.QUADRANT))
    chosen = next((n for n in quadrants if n.slug == request.GET.get("buurt")), None)
    today = deadlines.today()
    result = statistics.area_overview(area, today, neighbourhood=chosen)
    return render(
        request,
        "reports/public/overview.html",
        {
            "area_slug": area.slug,
            "area": area,
            "quadrants": quadrants,
            "chosen": chosen,
            "overview": result,
        },
    )
