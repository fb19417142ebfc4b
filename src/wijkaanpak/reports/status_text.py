"""What the public status page may say about a report: plain words, never personal data.

The status page is reached by a private link, but a link gets forwarded; so it shows what
anyone may see. No e-mail address, phone number or name of a resident or staff member
(ReportEvent.actor_label holds staff names), no internal notes, no reporter's own words,
and no house number: an address may be someone's home, so only the street is shown.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .domain import deadlines
from .models import Report, ReportEvent, Status

STATUS_EXPLANATION = {
    Status.RECEIVED: _("We hebben uw melding ontvangen. Niemand heeft hem nog opgepakt."),
    Status.PICKED_UP: _("Iemand heeft uw melding opgepakt en werkt eraan."),
    Status.PLANNED: _("Het werk is ingepland."),
    Status.WAITING_FOR_THIRD_PARTY: _(
        "We wachten op een andere organisatie. Die is nodig om het op te lossen."
    ),
    Status.RESOLVED: _("De melding is opgelost."),
    Status.REOPENED: _("De melding is weer open. Het probleem is nog niet weg."),
    Status.CANCELLED: _("We doen niets meer met deze melding. Hieronder staat waarom."),
    Status.DUPLICATE: _("Iemand anders had hetzelfde al gemeld. We werken verder aan die melding."),
}

_HOUSE_NUMBER = re.compile(r"^\d")


def street_name(address: str) -> str:
    """The street of an address, without house number, postcode or town.

    'Van Hogendorplaan 12a, 3131 AB Vlaardingen' -> 'Van Hogendorplaan';
    '2e Van Leyden Gaelstraat 5' -> '2e Van Leyden Gaelstraat' (a leading number is part
    of the name).
    """
    words = address.split(",")[0].split()
    for index, word in enumerate(words):
        if index > 0 and _HOUSE_NUMBER.match(word):
            return " ".join(words[:index])
    return " ".join(words)


def public_place(report: Report) -> str:
    street = street_name(report.address) if report.address else ""
    parts = [p for p in (street, report.location_description.strip()) if p]
    return ", ".join(parts)


@dataclass(frozen=True)
class PublicEvent:
    at: object
    title: str
    text: str = ""


def _event_title(event: ReportEvent) -> str | None:
    kind = ReportEvent.Kind
    if event.kind == kind.CREATED:
        return str(_("Melding ontvangen"))
    if event.kind == kind.STATUS_CHANGED and event.to_status:
        return str(_("Nieuwe status: %(status)s")) % {"status": Status(event.to_status).label}
    if event.kind == kind.LATE_REASON:
        return str(_("Het duurt langer dan beloofd"))
    if event.kind == kind.REASSIGNED:
        return str(_("Doorgestuurd naar een andere organisatie"))
    if event.kind == kind.MERGED:
        if event.to_status == Status.DUPLICATE:
            return str(_("Samengevoegd met een andere melding"))
        return str(_("Een melding over hetzelfde is hierbij gevoegd"))
    if event.kind == kind.SUPPORTER_JOINED:
        return str(_("Een andere bewoner meldde hetzelfde"))
    if event.kind == kind.REPORTER_FEEDBACK:
        if event.to_status == Status.REOPENED:
            return str(
                _("De melder liet weten dat het nog niet is opgelost. De melding is weer open.")
            )
        return str(_("De melder liet weten dat het is opgelost"))
    return None  # internal notes and anonymisation are not for the public


def public_history(report: Report) -> list[PublicEvent]:
    history = []
    for event in report.events.all():
        title = _event_title(event)
        if title is None:
            continue
        # Only text written for the reporter; a reporter's feedback stays internal.
        text = "" if event.kind == ReportEvent.Kind.REPORTER_FEEDBACK else event.public_text
        history.append(PublicEvent(at=event.at, title=title, text=text))
    return history


def late_pickup(report: Report, today=None) -> bool:
    """Picked up after its pickup date, or not picked up while that date has passed."""
    if report.status == Status.DUPLICATE or report.status == Status.CANCELLED:
        return False
    if report.picked_up_at is not None:
        return deadlines.local_date(report.picked_up_at) > report.pickup_due_on
    return (today or deadlines.today()) > report.pickup_due_on


def late_reason(report: Report) -> str:
    event = report.events.filter(kind=ReportEvent.Kind.LATE_REASON).order_by("-at", "-id").first()
    return event.public_text if event else ""


def feedback_open(report: Report) -> bool:
    """The reporter may answer "opgelost?" once per resolution (services.reporter_feedback)."""
    if report.status != Status.RESOLVED:
        return False
    last_resolved = (
        report.events.filter(kind=ReportEvent.Kind.STATUS_CHANGED, to_status=Status.RESOLVED)
        .order_by("-at", "-id")
        .first()
    )
    answers = report.events.filter(kind=ReportEvent.Kind.REPORTER_FEEDBACK)
    if last_resolved is not None:
        answers = answers.filter(id__gt=last_resolved.id)
    return not answers.exists()
