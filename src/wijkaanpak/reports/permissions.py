"""Who may see and change which reports (security.md A1, A3, A4), and the processing log
for staff access to reporters' contact details (P1).

A staff member sees the reports handled by the organisations they are a member of, and
only with the right `reports.view_report`; changing needs `reports.change_report` as
well. Superusers see all (they are few and made by hand). Everyone else sees nothing.
Photos, contacts and history belong to a report: they are reached only through
`visible_reports`, so a report another organisation handles gives 404 on every URL.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from wijkaanpak.audit import log
from wijkaanpak.audit.activities import REPORT_HANDLING
from wijkaanpak.reports.models import Report

VIEW = "reports.view_report"
CHANGE = "reports.change_report"


def visible_reports(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return Report.objects.none()
    if user.is_superuser:
        return Report.objects.all()
    if not user.has_perm(VIEW):
        return Report.objects.none()
    return Report.objects.filter(organisation__memberships__user=user).distinct()


def can_handle(user) -> bool:
    """May the user see the handler pages at all (the queue may still be empty)?"""
    return bool(user.is_authenticated and user.is_active and user.has_perm(VIEW))


def can_change(user, report: Report | None = None) -> bool:
    if not (user.is_authenticated and user.has_perm(VIEW) and user.has_perm(CHANGE)):
        return False
    return report is None or visible_reports(user).filter(pk=report.pk).exists()


def get_visible_report(user, reference: str, *, for_update: bool = False) -> Report:
    """The report, or 404 when it does not exist or the user may not see it (same answer)."""
    report = (
        visible_reports(user)
        .select_related("category", "neighbourhood", "organisation", "area", "picked_up_by")
        .filter(reference=reference)
        .first()
    )
    if report is None:
        raise Http404(_("Deze melding bestaat niet of u mag hem niet zien."))
    if for_update and not user.has_perm(CHANGE):
        raise PermissionDenied(_("U mag deze melding alleen bekijken, niet wijzigen."))
    return report


def contact_data_kinds(contacts) -> list[str]:
    kinds = set()
    for contact in contacts:
        if contact.email:
            kinds.add("e-mailadres")
        if contact.phone:
            kinds.add("telefoonnummer")
    return sorted(kinds)


def record_contact_access(request, report: Report, contacts, *, action: str = "read"):
    """One processing-log record for one request that showed or changed contact details.

    Nothing is written when the report has no contact details: no personal data was seen.
    """
    contacts = list(contacts)
    kinds = contact_data_kinds(contacts)
    if not kinds:
        return None
    return log.record(
        user=request.user,
        action=action,
        activity=REPORT_HANDLING,
        subject_type="reporter",
        subject_id=",".join(str(c.pk) for c in contacts) or report.reference,
        object_type="report",
        object_id=report.reference,
        data_kinds=kinds,
        request_path=request.path,
    )
