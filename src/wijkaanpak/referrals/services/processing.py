"""The processing-log record of one referral: the household is the data subject, known by
its pseudonym, and the referral by its kenmerk. Every read, create, change and erasure of a
referral's personal data goes through here (security.md P1).
"""

from collections.abc import Iterable

from wijkaanpak.audit import activities, log
from wijkaanpak.audit.activities import Activity
from wijkaanpak.referrals.models import Referral


def record(
    referral: Referral,
    *,
    user,
    action: str,
    data_kinds: Iterable[str],
    request_path: str = "",
    activity: Activity = activities.WARM_REFERRAL,
):
    return log.record(
        user=user,
        action=action,
        activity=activity,
        subject_type="household",
        subject_id=str(referral.subject_id),
        object_type="referral",
        object_id=referral.reference,
        data_kinds=data_kinds,
        request_path=request_path,
    )
