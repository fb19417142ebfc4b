"""Mail about referrals. No personal data goes into a mail: only the kenmerk, the offer and
the state, with a link to the page where a logged-in staff member reads the rest.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from wijkaanpak.notifications import services as outbox
from wijkaanpak.referrals.models import Referral, ReferralEvent

TOPIC = "referrals.referral"


def _link(referral: Referral) -> str:
    return settings.SITE_URL + referral.get_absolute_url()


def receivers(referral: Referral) -> list[str]:
    """E-mail addresses of the receiving organisation's staff who handle referrals."""
    may_handle = Q(
        groups__permissions__codename="change_referral",
        groups__permissions__content_type__app_label="referrals",
    ) | Q(
        user_permissions__codename="change_referral",
        user_permissions__content_type__app_label="referrals",
    )
    users = (
        get_user_model()
        .objects.filter(may_handle, is_active=True)
        .filter(memberships__organisation=referral.receiving_organisation)
        .exclude(email="")
        .distinct()
    )
    return sorted(u.email for u in users)


def new_referral(referral: Referral) -> None:
    for address in receivers(referral):
        outbox.enqueue(
            recipient=address,
            subject=_("Nieuwe verwijzing %(ref)s voor %(offer)s")
            % {"ref": referral.reference, "offer": referral.offer.name},
            body=_(
                "Er is een nieuwe verwijzing voor %(offer)s (kenmerk %(ref)s).\n"
                "Bevestig binnen %(days)s werkdagen dat u hem heeft ontvangen:\n%(link)s\n"
            )
            % {
                "offer": referral.offer.name,
                "ref": referral.reference,
                "days": settings.REFERRAL_RECEIVE_WORKING_DAYS,
                "link": _link(referral),
            },
            topic_type=TOPIC,
            topic_id=referral.pk,
            kind="referral_new",
            dedupe_key=f"referral-new:{referral.pk}:{address}",
        )


def _withdrawn(event: ReferralEvent) -> None:
    # The partner may be about to call the family: it must hear that the referral is off.
    referral = event.referral
    for address in receivers(referral):
        outbox.enqueue(
            recipient=address,
            subject=_("Verwijzing %(ref)s is ingetrokken") % {"ref": referral.reference},
            body=_(
                "De verwijzing %(ref)s naar %(offer)s is ingetrokken door %(organisation)s.\n"
                "Neem over deze verwijzing geen contact meer op met het gezin. "
                "De reden staat bij de verwijzing:\n%(link)s\n"
            )
            % {
                "ref": referral.reference,
                "offer": referral.offer.name,
                "organisation": referral.referring_organisation.name,
                "link": _link(referral),
            },
            topic_type=TOPIC,
            topic_id=referral.pk,
            kind="referral_withdrawn_receiver",
            dedupe_key=f"referral-event:{event.pk}:{address}",
        )


def state_changed(event: ReferralEvent) -> None:
    """Tell the referrer what happened; the referrer sees each state change. A withdrawal,
    the referrer's own step, is told to the receiving partner as well."""
    if event.to_state == Referral.State.WITHDRAWN:
        _withdrawn(event)
    referral = event.referral
    referrer = referral.referred_by
    if referrer is None or not referrer.email:
        return
    outbox.enqueue(
        recipient=referrer.email,
        subject=_("Verwijzing %(ref)s: %(state)s")
        % {"ref": referral.reference, "state": Referral.State(event.to_state).label},
        body=_(
            "De verwijzing %(ref)s naar %(offer)s is nu: %(state)s.\n"
            "Bekijk de verwijzing:\n%(link)s\n"
        )
        % {
            "ref": referral.reference,
            "offer": referral.offer.name,
            "state": Referral.State(event.to_state).label,
            "link": _link(referral),
        },
        topic_type=TOPIC,
        topic_id=referral.pk,
        kind=f"referral_{event.to_state}",
        dedupe_key=f"referral-event:{event.pk}",
    )
