"""Which side of a referral a staff member is on: that decides what they may do with it."""

from wijkaanpak.referrals.domain.workflow import RECEIVER, REFERRER
from wijkaanpak.referrals.models import Referral


def organisation_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def sides(user, referral: Referral) -> set[str]:
    """RECEIVER and/or REFERRER, for a user with the right to act on that side."""
    ids = organisation_ids(user)
    result = set()
    if referral.receiving_organisation_id in ids and user.has_perm("referrals.change_referral"):
        result.add(RECEIVER)
    if referral.referring_organisation_id in ids and user.has_perm("referrals.add_referral"):
        result.add(REFERRER)
    return result
