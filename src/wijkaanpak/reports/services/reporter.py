"""What the reporter does after a resolution: say whether it is really solved."""

from django.db import transaction
from django.utils.translation import gettext as _

from wijkaanpak.reports.domain.workflow import WorkflowError
from wijkaanpak.reports.models import Report, ReportEvent, Status

from .events import lock, sync, write_event


@transaction.atomic
def reporter_feedback(report: Report, *, solved: bool, text: str = "") -> Report:
    """The reporter's answer to "opgelost?"; "no" reopens the report for the handler.

    One answer per resolution: a second click on the same mail changes nothing. The
    reporter's own words go into the internal note, since they may hold personal details.
    """
    locked = lock(report)
    if locked.status != Status.RESOLVED:
        raise WorkflowError(_("U kunt alleen reageren op een opgeloste melding."))
    last_resolved = (
        locked.events.filter(kind=ReportEvent.Kind.STATUS_CHANGED, to_status=Status.RESOLVED)
        .order_by("-at", "-id")
        .first()
    )
    answered = locked.events.filter(kind=ReportEvent.Kind.REPORTER_FEEDBACK)
    if last_resolved is not None:
        answered = answered.filter(id__gt=last_resolved.id)
    if answered.exists():
        raise WorkflowError(_("U heeft al gereageerd op deze oplossing. Dank u wel."))
    text = (text or "").strip()
    if solved:
        write_event(
            locked, ReportEvent.Kind.REPORTER_FEEDBACK, label=_("melder"), internal_note=text
        )
        return sync(report, locked)
    locked.status = Status.REOPENED
    locked.closed_at = None
    locked.public_reason = ""
    locked.save(update_fields=["status", "closed_at", "public_reason"])
    write_event(
        locked,
        ReportEvent.Kind.REPORTER_FEEDBACK,
        label=_("melder"),
        from_status=Status.RESOLVED,
        to_status=Status.REOPENED,
        internal_note=text,
    )
    return sync(report, locked)
