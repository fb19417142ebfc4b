"""The receipt deadline of a referral: the inbox order, what is overdue, and escalation.

A receiving partner confirms receipt within N working days (`receive_due_on`). A referral
still 'sent' after that day (Amsterdam date) is overdue. `escalate_overdue` - run daily by
`manage.py check_referral_deadlines` - escalates each overdue referral once: it sets
`escalated_at` and mails the receiving organisation's handlers and the referrer. Running it
again changes nothing and mails nobody twice (security.md R3): a referral with
`escalated_at` is skipped, and every mail carries a dedupe key.

Escalation happens on working days only, like the report alerts: nobody reads the mail at
the weekend, and a due date is always a working day, so the first working day after it
escalates. The mails carry no personal data, only the kenmerk, the offer and the dates.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Case, DateField, F, IntegerField, QuerySet, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak import workdays
from wijkaanpak.notifications import services as outbox
from wijkaanpak.referrals.domain.workflow import OPEN_STATES
from wijkaanpak.referrals.models import Referral
from wijkaanpak.referrals.services import notify

logger = logging.getLogger(__name__)

State = Referral.State


def is_overdue(referral: Referral, today: dt.date) -> bool:
    """Not confirmed as received, and the last day to do so has passed."""
    return referral.state == State.SENT and referral.receive_due_on < today


def overdue(today: dt.date) -> QuerySet:
    return Referral.objects.filter(state=State.SENT, receive_due_on__lt=today)


def inbox(referrals: QuerySet) -> QuerySet:
    """Open referrals first, the one due longest ago on top; then closed ones, newest first."""
    is_open = When(state__in=OPEN_STATES, then=Value(0))
    return referrals.order_by(
        Case(is_open, default=Value(1), output_field=IntegerField()),
        Case(
            When(state__in=OPEN_STATES, then=F("receive_due_on")),
            default=None,
            output_field=DateField(),
        ),
        F("closed_at").desc(nulls_last=True),
        "sent_at",
        "pk",
    )


@dataclass
class Summary:
    overdue: int = 0
    escalated: list[str] = field(default_factory=list)
    mails: int = 0
    nobody_at_receiver: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [
            f"Verwijzingen niet op tijd ontvangen: {self.overdue}",
            f"Nieuw opgeschaald: {len(self.escalated)}"
            + (f" ({', '.join(self.escalated)})" if self.escalated else ""),
            f"E-mails in de wachtrij gezet: {self.mails}",
        ]
        if self.nobody_at_receiver:
            lines.append(
                "Geen behandelaar met e-mailadres bij de ontvangende organisatie van: "
                + ", ".join(self.nobody_at_receiver)
            )
        return lines


def escalate_overdue(now: dt.datetime | None = None) -> Summary:
    now = now or timezone.now()
    today = workdays.local_date(now)
    summary = Summary(overdue=overdue(today).count())
    if not workdays.is_working_day(today):
        return summary
    waiting = (
        overdue(today)
        .filter(escalated_at__isnull=True)
        .order_by("receive_due_on", "pk")
        .values_list("pk", flat=True)
    )
    for pk in list(waiting):
        _escalate(pk, today=today, now=now, summary=summary)
    return summary


@transaction.atomic
def _escalate(pk: int, *, today: dt.date, now: dt.datetime, summary: Summary) -> None:
    # Locked and checked again: a receipt or a second run in between wins.
    referral = overdue(today).filter(pk=pk, escalated_at__isnull=True).select_for_update().first()
    if referral is None:
        return
    referral.escalated_at = now
    referral.save(update_fields=["escalated_at"])
    summary.escalated.append(referral.reference)
    handlers = notify.receivers(referral)
    if not handlers:
        summary.nobody_at_receiver.append(referral.reference)
        logger.warning(
            "referral %s escalated: organisation %s has no handler with an e-mail address",
            referral.reference,
            referral.receiving_organisation_id,
        )
    for address in handlers:
        _mail(referral, address, "referrals/mail/escalated_receiver.txt")
        summary.mails += 1
    referrer = referral.referred_by
    if referrer is not None and referrer.is_active and referrer.email:
        _mail(referral, referrer.email, "referrals/mail/escalated_referrer.txt")
        summary.mails += 1


def _mail(referral: Referral, address: str, template: str) -> None:
    context = {
        "referral": referral,
        "link": settings.SITE_URL + referral.get_absolute_url(),
        "days": settings.REFERRAL_RECEIVE_WORKING_DAYS,
    }
    outbox.enqueue(
        recipient=address,
        subject=_("Te laat: verwijzing %(ref)s is nog niet ontvangen")
        % {"ref": referral.reference},
        body=render_to_string(template, context),
        topic_type=notify.TOPIC,
        topic_id=referral.pk,
        kind="referral_escalated",
        dedupe_key=f"referral-escalated:{referral.pk}:{address}",
    )
