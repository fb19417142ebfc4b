"""Shared steps of every report service: lock the row, write the event, tell notify."""

from django.utils.translation import gettext as _

from wijkaanpak.reports import notify
from wijkaanpak.reports.models import Report, ReportEvent


def lock(report: Report) -> Report:
    """The report's row, locked until the transaction ends, with its current values.

    Two handlers pressing "oppakken" at the same moment: the second waits here and then
    sees the first one's pickup, instead of overwriting it.
    """
    return Report.objects.select_for_update().get(pk=report.pk)


def actor_label(user) -> str:
    if user is None:
        return _("bewoner")
    return (user.get_full_name() or user.get_username())[:100]


def write_event(
    report: Report,
    kind: str,
    *,
    user=None,
    label: str | None = None,
    from_status: str = "",
    to_status: str = "",
    public_text: str = "",
    internal_note: str = "",
    contact=None,
) -> ReportEvent:
    event = ReportEvent.objects.create(
        contact=contact,
        report=report,
        kind=kind,
        actor=user,
        actor_label=label if label is not None else actor_label(user),
        from_status=from_status,
        to_status=to_status,
        public_text=public_text,
        internal_note=internal_note,
    )
    notify.on_event(event)
    return event


def sync(target: Report, source: Report) -> Report:
    """Copy the saved values onto the caller's instance, so it never holds stale ones."""
    if target is not source:
        for field in Report._meta.concrete_fields:
            setattr(target, field.attname, getattr(source, field.attname))
    return target
