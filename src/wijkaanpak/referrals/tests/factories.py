"""Building blocks for referral tests: offers that accept referrals, staff on either side,
and referrals made through the real service (so consent always comes first).
"""

import datetime as dt

from django.contrib.auth.models import Group
from django.core.management import call_command

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Area, Membership, Organisation
from wijkaanpak.referrals.models import DataKind, Referral
from wijkaanpak.referrals.services.referring import ConsentInput, ReferralInput, refer
from wijkaanpak.socialmap.models import Offer

ALL_DATA = frozenset(DataKind.values)


def sync_roles() -> None:
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def organisation(slug: str, name: str | None = None, area: Area | None = None) -> Organisation:
    org, _ = Organisation.objects.get_or_create(slug=slug, defaults={"name": name or slug.title()})
    if area is not None:
        org.areas.add(area)
    return org


def staff(username: str, role: str, *organisations: Organisation):
    """A user with one role (a group from sync_roles) working for `organisations`."""
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    for org in organisations:
        Membership.objects.create(user=user, organisation=org)
    return user


def offer(area: Area, receiving: Organisation, slug: str = "buurtgezinnen", **fields) -> Offer:
    defaults = {
        "kind": Offer.Kind.SERVICE,
        "organisation": receiving,
        "name": slug.replace("-", " ").title(),
        "summary": "Een gezin uit de buurt steunt uw gezin.",
        "accepts_referrals": True,
        "is_published": True,
    }
    defaults.update(fields)
    return Offer.objects.create(area=area, slug=slug, **defaults)


def consent(**overrides) -> ConsentInput:
    values = {
        "given_by": "mevrouw J.",
        "relation": "parent",
        "given_on": dt.date(2026, 11, 2),
        "method": "spoken",
        "data_kinds": ALL_DATA,
    }
    values.update(overrides)
    return ConsentInput(**values)


def data(**overrides) -> ReferralInput:
    values = {
        "person_name": "J. Jansen",
        "contact_route": "06 12345678, liefst na 15.00 uur",
        "reason": "Moeder zoekt steun bij de opvoeding van drie kinderen.",
        "urgency": Referral.Urgency.NORMAL,
    }
    values.update(overrides)
    return ReferralInput(**values)


def referral(referrer, referring: Organisation, to_offer: Offer, now=None, **overrides) -> Referral:
    return refer(
        user=referrer,
        referring_organisation=referring,
        offer=to_offer,
        consent=consent(),
        data=data(**overrides),
        now=now,
    )
