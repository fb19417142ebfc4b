"""The daily rule that keeps the five-day promise honest: a deadline never passes silently.

Run once a day (`manage.py check_report_deadlines`); running it again the same day changes
nothing (security.md R3).

1. At risk: a report nobody picked up, whose pickup is due today or on the next working
   day, and for which no late reason was given yet. Every active member of the handling
   organisation with an e-mail address gets one alert per report per day, and the report's
   history gets a note from "systeem". Alerts go out on working days only: nobody reads
   them at the weekend, and a due date is always a working day.
2. Breaches: every report whose due date passed without the step is recorded once as a
   DeadlineBreach, with the late reason the reporter got before the deadline - or empty,
   which is exactly what the steering group must see.

A pickup is on time when it happens on or before the due date (Amsterdam time). A report
cancelled on time without a pickup is no breach; one cancelled or merged after the due date
without a pickup is.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from wijkaanpak import workdays
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.reports import notify
from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.domain.workflow import OPEN_STATUSES
from wijkaanpak.reports.models import DeadlineBreach, Report, ReportEvent, Status

logger = logging.getLogger(__name__)

SYSTEM_LABEL = "systeem"


@dataclass
class Summary:
    at_risk: int = 0
    alerted: int = 0
    alert_mails: int = 0
    nobody_to_alert: list[str] = field(default_factory=list)
    pickup_breaches: int = 0
    resolution_breaches: int = 0

    def lines(self) -> list[str]:
        lines = [
            f"Meldingen in gevaar (nog niet opgepakt, termijn bijna om): {self.at_risk}",
            f"Nieuw gewaarschuwd: {self.alerted} meldingen, {self.alert_mails} e-mails",
            f"Nieuwe overschrijdingen oppakken: {self.pickup_breaches}",
            f"Nieuwe overschrijdingen afhandelen: {self.resolution_breaches}",
        ]
        if self.nobody_to_alert:
            lines.append(
                "Geen medewerker met e-mailadres om te waarschuwen voor: "
                + ", ".join(self.nobody_to_alert)
            )
        return lines


def start_of_day_after(day: dt.date) -> dt.datetime:
    """The first moment that is too late for a step due on `day`."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=deadlines.AMSTERDAM)


def at_risk(today: dt.date):
    """Reports not picked up whose pickup is due today or on the next working day."""
    last_day = workdays.add_working_days(today, 1)
    return (
        Report.objects.filter(
            picked_up_at__isnull=True,
            status__in=OPEN_STATUSES,
            pickup_due_on__gte=today,
            pickup_due_on__lte=last_day,
        )
        .exclude(events__kind=ReportEvent.Kind.LATE_REASON)
        .select_related("organisation", "category", "neighbourhood")
        .order_by("pickup_due_on", "id")
    )


def alert_recipients(organisation):
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__organisation=organisation)
        .exclude(email="")
        .distinct()
        .order_by("id")
    )


def alert_at_risk(today: dt.date, summary: Summary) -> None:
    reports = list(at_risk(today))
    summary.at_risk = len(reports)
    if not workdays.is_working_day(today):
        return
    staff: dict[int, list] = {}  # per organisation: at risk are often several of one
    for report in reports:
        if report.organisation_id not in staff:
            staff[report.organisation_id] = list(alert_recipients(report.organisation))
        recipients = staff[report.organisation_id]
        if not recipients:
            summary.nobody_to_alert.append(report.reference)
            logger.warning(
                "report %s at risk: organisation %s has nobody with an e-mail address",
                report.reference,
                report.organisation_id,
            )
            continue
        new = _alert(report, recipients, today)
        if new:
            summary.alerted += 1
            summary.alert_mails += new


@transaction.atomic
def _alert(report: Report, recipients, today: dt.date) -> int:
    keys = {notify.alert_dedupe_key(report, today, user): user for user in recipients}
    done = set(
        OutboxMessage.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True)
    )
    new = [user for key, user in keys.items() if key not in done]
    for user in new:
        notify.enqueue_deadline_alert(report, user=user, day=today)
    if new:
        # The handler sees in the history that the system warned, and whom.
        ReportEvent.objects.create(
            report=report,
            kind=ReportEvent.Kind.NOTE,
            actor_label=SYSTEM_LABEL,
            internal_note=_(
                "Waarschuwing gestuurd aan %(n)s medewerker(s) van %(organisation)s: nog niet "
                "opgepakt, de termijn eindigt op %(day)s."
            )
            % {
                "n": len(new),
                "organisation": report.organisation.name,
                "day": report.pickup_due_on.strftime("%d-%m-%Y"),
            },
        )
    return len(new)


def _late_pickups(today: dt.date):
    tz = deadlines.AMSTERDAM
    return (
        Report.objects.filter(pickup_due_on__lt=today)
        .exclude(breaches__kind=DeadlineBreach.Kind.PICKUP)
        .annotate(
            picked_on=TruncDate("picked_up_at", tzinfo=tz),
            closed_on=TruncDate("closed_at", tzinfo=tz),
        )
        .filter(
            Q(picked_up_at__isnull=True, closed_at__isnull=True)
            | Q(picked_on__gt=F("pickup_due_on"))
            | Q(picked_up_at__isnull=True, closed_on__gt=F("pickup_due_on"))
        )
        .order_by("id")
    )


def _late_resolutions(today: dt.date):
    # A duplicate is resolved with its original; counting both would count one problem twice.
    return (
        Report.objects.filter(resolution_due_on__lt=today)
        .exclude(status=Status.DUPLICATE)
        .exclude(breaches__kind=DeadlineBreach.Kind.RESOLUTION)
        .annotate(closed_on=TruncDate("closed_at", tzinfo=deadlines.AMSTERDAM))
        .filter(Q(closed_at__isnull=True) | Q(closed_on__gt=F("resolution_due_on")))
        .order_by("id")
    )


def reason_given(report: Report, kind: str) -> str:
    """The last explanation the reporter got before the deadline ended, or ""."""
    due_on = (
        report.pickup_due_on if kind == DeadlineBreach.Kind.PICKUP else report.resolution_due_on
    )
    explaining = Q(kind=ReportEvent.Kind.LATE_REASON)
    if kind == DeadlineBreach.Kind.RESOLUTION:
        explaining |= Q(
            kind=ReportEvent.Kind.STATUS_CHANGED,
            to_status__in=[Status.PLANNED, Status.WAITING_FOR_THIRD_PARTY],
        )
    event = (
        report.events.filter(explaining, at__lt=start_of_day_after(due_on))
        .exclude(public_text="")
        .order_by("-at", "-id")
        .first()
    )
    return event.public_text if event else ""


def _record(report: Report, kind: str) -> bool:
    due_on = (
        report.pickup_due_on if kind == DeadlineBreach.Kind.PICKUP else report.resolution_due_on
    )
    try:
        with transaction.atomic():
            _breach, created = DeadlineBreach.objects.get_or_create(
                report=report,
                kind=kind,
                defaults={"due_on": due_on, "reason_given": reason_given(report, kind)},
            )
    except IntegrityError:
        return False  # a concurrent run recorded it first
    return created


BATCH = 500


def _in_batches(late):
    """The late reports, found by id first: with the partial indexes of docs/performance.md
    that is an index-only scan over the late ones, not a read of every report ever made.
    Only the new breaches (usually a handful) are then read in full."""
    ids = list(late.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        yield from Report.objects.filter(pk__in=ids[start : start + BATCH]).order_by("id")


def record_breaches(today: dt.date, summary: Summary) -> None:
    for report in _in_batches(_late_pickups(today)):
        summary.pickup_breaches += _record(report, DeadlineBreach.Kind.PICKUP)
    for report in _in_batches(_late_resolutions(today)):
        summary.resolution_breaches += _record(report, DeadlineBreach.Kind.RESOLUTION)


def check_deadlines(today: dt.date | None = None) -> Summary:
    today = today or deadlines.today()
    summary = Summary()
    alert_at_risk(today, summary)
    record_breaches(today, summary)
    return summary
