"""Pages for handlers: the queue, one report with its history, and the actions on it.

Every report is looked up through `visible_reports`, so another organisation's report is
a 404 here and on every nested URL (photos, actions). Pages showing contact details write
one processing-log record per request. Nothing here is cached by the browser (P5).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import services
from ..domain import deadlines
from ..domain.workflow import can_transition, is_open
from ..forms_handlers import InternalNoteForm, MergeForm, NoteForm, QueueFilterForm, ReasonForm
from ..models import Status
from ..permissions import (
    CHANGE,
    VIEW,
    can_change,
    get_visible_report,
    record_contact_access,
    visible_reports,
)


@dataclass(frozen=True)
class Action:
    slug: str
    label: str
    form: type
    help: str = ""

    def available(self, report) -> bool:
        return _AVAILABLE[self.slug](report)


def _may(target):
    def check(report):
        return report.picked_up_at is not None and can_transition(report.status, target)

    return check


_AVAILABLE = {
    "oppakken": lambda r: can_transition(r.status, Status.PICKED_UP),
    "inplannen": _may(Status.PLANNED),
    "wachten": _may(Status.WAITING_FOR_THIRD_PARTY),
    "oplossen": _may(Status.RESOLVED),
    "annuleren": lambda r: can_transition(r.status, Status.CANCELLED),
    "heropenen": lambda r: can_transition(r.status, Status.REOPENED),
    "reden-later": lambda r: is_open(r.status),
    "samenvoegen": lambda r: is_open(r.status),
    "notitie": lambda r: True,
}

ACTIONS = {
    a.slug: a
    for a in (
        Action("oppakken", gettext_lazy("Oppakken"), NoteForm),
        Action("inplannen", gettext_lazy("Inplannen"), NoteForm),
        Action("wachten", gettext_lazy("Wacht op een andere partij"), NoteForm),
        Action("oplossen", gettext_lazy("Oplossen"), ReasonForm),
        Action("annuleren", gettext_lazy("Annuleren"), ReasonForm),
        Action("heropenen", gettext_lazy("Heropenen"), NoteForm),
        Action(
            "reden-later",
            gettext_lazy("Reden geven waarom het later wordt"),
            ReasonForm,
            gettext_lazy("Lukt het niet op tijd? Leg de melder uit waarom. Dit gaat per e-mail."),
        ),
        Action("samenvoegen", gettext_lazy("Samenvoegen met een andere melding"), MergeForm),
        Action("notitie", gettext_lazy("Interne notitie toevoegen"), InternalNoteForm),
    )
}

_STATUS_OF = {
    "inplannen": Status.PLANNED,
    "wachten": Status.WAITING_FOR_THIRD_PARTY,
    "heropenen": Status.REOPENED,
}


def _make_form(action: Action, request, report, data=None):
    if action.form is MergeForm:
        return MergeForm(data, user=request.user, report=report, prefix=action.slug)
    return action.form(data, prefix=action.slug)


@never_cache
@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
def queue(request):
    form = QueueFilterForm(request.GET or None, user=request.user)
    reports = visible_reports(request.user)
    if form.is_bound and form.is_valid():
        reports = services.filter_queue(reports, **form.cleaned_data)
    page = services.queue_page(reports, request.GET.get("pagina"))
    return render(
        request,
        "reports/handlers/queue.html",
        {
            "form": form,
            "sections": page.sections,
            "page": page,
            "today": deadlines.today(),
            "may_change": can_change(request.user),
        },
    )


@never_cache
@login_required
@require_POST
def bulk_pickup(request):
    if not can_change(request.user):
        raise PermissionDenied(_("U mag meldingen niet wijzigen."))
    wanted = {r.strip() for r in request.POST.getlist("reports") if r.strip()}
    if not wanted:
        messages.error(request, _("Kies eerst een of meer meldingen om op te pakken."))
        return redirect("reports_handlers:queue")
    found = visible_reports(request.user).filter(reference__in=wanted)
    done, already = [], []
    for report in found:
        try:
            services.pick_up(report, user=request.user)
        except services.WorkflowError:
            already.append(report.reference)
        else:
            done.append(report.reference)
    # References the user may not see are counted as "not found", never named as someone
    # else's: the message must not tell what exists elsewhere.
    missing = len(wanted) - len(done) - len(already)
    parts = []
    if done:
        parts.append(
            _("%(n)s opgepakt: %(refs)s.") % {"n": len(done), "refs": ", ".join(sorted(done))}
        )
    if already:
        parts.append(
            _("%(n)s al opgepakt of gesloten: %(refs)s.")
            % {"n": len(already), "refs": ", ".join(sorted(already))}
        )
    if missing:
        parts.append(_("%(n)s niet gevonden.") % {"n": missing})
    (messages.success if done else messages.warning)(request, " ".join(parts))
    return redirect("reports_handlers:queue")


def _render_detail(request, report, *, forms=None, status=200):
    contacts = list(report.contacts.order_by("created_at", "pk"))
    record_contact_access(request, report, contacts)
    may_change = can_change(request.user)
    forms = forms or {}
    actions = [
        (action, forms.get(action.slug) or _make_form(action, request, report))
        for action in ACTIONS.values()
        if may_change and action.available(report)
    ]
    shown = {action.slug for action, _form in actions}
    # A refused action whose form is not offered any more still explains why.
    refused = [
        error
        for slug, form in forms.items()
        if slug not in shown
        for errors in form.errors.values()
        for error in errors
    ]
    return render(
        request,
        "reports/handlers/detail.html",
        {
            "report": report,
            "contacts": contacts,
            "photos": list(report.photos.order_by("pk")),
            "events": list(report.events.select_related("actor").order_by("at", "pk")),
            "duplicates": list(report.duplicates.order_by("reference")),
            "actions": actions,
            "refused": refused,
            "may_change": may_change,
            "today": deadlines.today(),
        },
        status=status,
    )


@never_cache
@login_required
@require_GET
def detail(request, reference):
    return _render_detail(request, get_visible_report(request.user, reference))


@never_cache
@login_required
@require_POST
def report_action(request, reference, action):
    report = get_visible_report(request.user, reference, for_update=True)
    chosen = ACTIONS.get(action)
    if chosen is None:
        raise Http404(_("Deze handeling bestaat niet."))
    form = _make_form(chosen, request, report, request.POST)
    if form.is_valid():
        try:
            message = _perform(chosen.slug, request, report, form.cleaned_data)
        except services.WorkflowError as exc:
            form.add_error(_error_field(form, exc.field), exc.message)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, message)
            return redirect("reports_handlers:detail", reference=report.reference)
    report.refresh_from_db()
    return _render_detail(request, report, forms={chosen.slug: form}, status=400)


def _error_field(form, field):
    return field if field in form.fields else None


def _perform(slug, request, report, data) -> str:
    user, ref = request.user, report.reference
    if slug == "oppakken":
        services.change_status(
            report,
            Status.PICKED_UP,
            user=user,
            public_text=data["public_text"],
            internal_note=data["internal_note"],
        )
        return _("Melding %(ref)s is opgepakt.") % {"ref": ref}
    if slug in _STATUS_OF:
        services.change_status(
            report,
            _STATUS_OF[slug],
            user=user,
            public_text=data["public_text"],
            internal_note=data["internal_note"],
        )
        return _("De status van %(ref)s is nu: %(status)s.") % {
            "ref": ref,
            "status": Status(_STATUS_OF[slug]).label,
        }
    if slug == "oplossen":
        services.resolve(
            report, user=user, reason=data["reason"], internal_note=data["internal_note"]
        )
        return _("Melding %(ref)s is opgelost. De melder krijgt uw uitleg.") % {"ref": ref}
    if slug == "annuleren":
        services.cancel(
            report, user=user, reason=data["reason"], internal_note=data["internal_note"]
        )
        return _("Melding %(ref)s is geannuleerd. De melder krijgt uw uitleg.") % {"ref": ref}
    if slug == "reden-later":
        services.record_late_reason(report, user=user, reason=data["reason"])
        return _("De reden is opgeslagen en gaat naar de melder.")
    if slug == "samenvoegen":
        original = data["original"]
        moved = list(report.contacts.all())
        services.merge_duplicate(report, original, user=user)
        # Moving the reporters' details to another report is a change of personal data.
        record_contact_access(request, report, moved, action="update")
        return _("Melding %(ref)s is samengevoegd met %(original)s.") % {
            "ref": ref,
            "original": original.reference,
        }
    services.add_note(report, user=user, note=data["note"])
    return _("De notitie is opgeslagen.")


@never_cache
@login_required
@require_GET
def photo(request, reference, photo_id):
    """A report's photo, only for those who may see the report; never a public media URL."""
    report = get_visible_report(request.user, reference)
    stored = report.photos.filter(pk=photo_id).first()
    if stored is None:
        raise Http404(_("Deze foto bestaat niet."))
    response = FileResponse(stored.image.open("rb"), content_type=stored.content_type)
    response["Content-Disposition"] = f'inline; filename="{report.reference}-{stored.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


__all__ = ["ACTIONS", "CHANGE", "bulk_pickup", "detail", "photo", "queue", "report_action"]
