"""What the reporter hears about a report event, and the deadline alert to the handlers.

`on_event` is called by the report services for every ReportEvent they create, inside the
same transaction. It decides which contacts get which message and stores it in the outbox
(notifications.services.enqueue); the outbox sends it after commit and retries when the
mail server is down. Every message has a dedupe key, so an event never mails anyone twice.

Who gets what:
- the receipt (with the private status link) goes to every contact with an e-mail
  address, also when they did not ask for updates: it is their only way back to the report;
- a resident who joins an open report gets a confirmation with the status link;
- every other message goes only to contacts who asked to be kept informed.
Contacts of a merged duplicate were moved to the original, so they hear about the original.
"""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wijkaanpak.notifications import services as outbox
from wijkaanpak.reports.models import ReportContact, ReportEvent, Status

logger = logging.getLogger(__name__)

TOPIC = "reports.report"
# The public status page, reversed with kwargs={"token": report.status_token}.
STATUS_URL_NAME = "reports_public:status"
ALL_WITH_EMAIL = "all"
WANTS_UPDATES = "updates"
JOINED_CONTACT = "joined"


@dataclass(frozen=True)
class Mail:
    kind: str  # also the template name: reports/mail/<kind>.txt
    audience: str


_BY_STATUS = {
    Status.PICKED_UP: Mail("picked_up", WANTS_UPDATES),
    Status.PLANNED: Mail("planned", WANTS_UPDATES),
    Status.WAITING_FOR_THIRD_PARTY: Mail("waiting", WANTS_UPDATES),
    Status.RESOLVED: Mail("resolved", WANTS_UPDATES),
    Status.CANCELLED: Mail("cancelled", WANTS_UPDATES),
    Status.REOPENED: Mail("reopened", WANTS_UPDATES),
}


def mail_for(event: ReportEvent) -> Mail | None:
    """Which message an event causes, if any. Internal notes never reach the reporter."""
    kind = event.kind
    if kind == ReportEvent.Kind.CREATED:
        return Mail("receipt", ALL_WITH_EMAIL)
    if kind == ReportEvent.Kind.SUPPORTER_JOINED:
        return Mail("joined", JOINED_CONTACT)
    if kind == ReportEvent.Kind.LATE_REASON:
        return Mail("late_reason", WANTS_UPDATES) if event.public_text else None
    if kind == ReportEvent.Kind.MERGED:
        return Mail("merged", WANTS_UPDATES) if event.to_status == Status.DUPLICATE else None
    if kind in (ReportEvent.Kind.STATUS_CHANGED, ReportEvent.Kind.REPORTER_FEEDBACK):
        return _BY_STATUS.get(event.to_status)
    return None


def subject_for(kind: str, report) -> str:
    ref = report.reference
    subjects = {
        "receipt": _("Wij hebben uw melding ontvangen (%(ref)s)"),
        "joined": _("U volgt nu melding %(ref)s"),
        "picked_up": _("Wij pakken uw melding op (%(ref)s)"),
        "planned": _("Uw melding is ingepland (%(ref)s)"),
        "waiting": _("Uw melding wacht op een andere partij (%(ref)s)"),
        "resolved": _("Uw melding is opgelost. Klopt dat? (%(ref)s)"),
        "cancelled": _("Wij doen niets meer met uw melding (%(ref)s)"),
        "late_reason": _("Uw melding duurt langer dan beloofd (%(ref)s)"),
        "reopened": _("Uw melding is weer open (%(ref)s)"),
        "merged": _("Uw melding is samengevoegd met een andere melding (%(ref)s)"),
        "deadline_alert": _("Let op: melding %(ref)s is nog niet opgepakt"),
    }
    return subjects[kind] % {"ref": ref}


def on_event(event: ReportEvent) -> None:
    mail = mail_for(event)
    if mail is None:
        return
    report = event.report
    for contact in _recipients(event, mail.audience):
        if mail.kind == "receipt":
            # One receipt per contact, whatever calls this.
            key = f"report:{report.pk}:receipt:contact:{contact.pk}"
        elif mail.kind == "joined":
            key = f"report:{report.pk}:joined:contact:{contact.pk}"
        else:
            key = f"report-event:{event.pk}:contact:{contact.pk}"
        _enqueue(mail.kind, report, recipient=contact.email, dedupe_key=key, event=event)


def _recipients(event: ReportEvent, audience: str) -> list[ReportContact]:
    contacts = ReportContact.objects.filter(report_id=event.report_id).exclude(email="")
    if audience == WANTS_UPDATES:
        contacts = contacts.filter(wants_updates=True)
    elif audience == JOINED_CONTACT:
        return list(contacts.filter(pk=event.contact_id)) if event.contact_id else []
    # The same person twice on one report (they joined their own report) gets one mail.
    unique: dict[str, ReportContact] = {}
    for contact in contacts.order_by("id"):
        unique.setdefault(contact.email.strip().lower(), contact)
    return list(unique.values())


def _enqueue(kind: str, report, *, recipient: str, dedupe_key: str, event=None, **extra):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "reason": (event.public_text if event is not None else "") or "",
            "status_url": status_url(report),
            "site_name": settings.SITE_NAME,
            "location": report.address or report.location_description,
            **extra,
        }
        subject = subject_for(kind, report)
        body = render_to_string(f"reports/mail/{kind}.txt", context)
    # Templates leave blank lines where blocks and includes end; a mail needs one at most.
    body = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", body).strip() + "\n"
    return outbox.enqueue(
        recipient=recipient,
        subject=subject,
        body=body,
        topic_type=TOPIC,
        topic_id=report.pk,
        kind=f"report_{kind}",
        dedupe_key=dedupe_key,
    )


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def status_url(report) -> str:
    """The private status page: the only link in a reporter's mail, no personal data in it."""
    try:
        path = reverse(STATUS_URL_NAME, kwargs={"token": report.status_token})
    except NoReverseMatch:
        # A missing route must never stop a report from being stored; it is loud in the log.
        logger.error("no URL named %s: mails carry the fallback status link", STATUS_URL_NAME)
        path = f"/meldingen/status/{report.status_token}/"
    return absolute(path)


def handler_url(report) -> str:
    """Where a handler opens the report (login and second factor required there)."""
    try:
        return absolute(reverse("reports_handlers:detail", kwargs={"reference": report.reference}))
    except NoReverseMatch:
        return absolute("/behandelen/")


def alert_dedupe_key(report, day, user) -> str:
    return f"report:{report.pk}:deadline-alert:{day.isoformat()}:user:{user.pk}"


def enqueue_deadline_alert(report, *, user, day):
    """Warn one staff member of the handling organisation that a pickup deadline is near."""
    return _enqueue(
        "deadline_alert",
        report,
        recipient=user.email,
        dedupe_key=alert_dedupe_key(report, day, user),
        handler_url=handler_url(report),
        staff_name=user.get_full_name() or user.get_username(),
        organisation=report.organisation.name,
        today=day,
    )
