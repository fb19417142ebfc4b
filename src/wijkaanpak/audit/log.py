"""The one entry point for the processing log. Every staff read or write of personal data
calls `record` exactly once, in the same transaction as the work it describes.
"""

from collections.abc import Iterable

from .activities import Activity
from .models import ProcessingRecord


def _actor_fields(user) -> dict:
    organisations = (
        ", ".join(m.organisation.name for m in user.memberships.select_related("organisation"))
        if hasattr(user, "memberships")
        else ""
    )
    return {
        "actor_id": str(user.pk),
        "actor_name": user.get_full_name() or user.get_username(),
        "actor_organisation": organisations,
    }


def record(
    *,
    user,
    action: str,
    activity: Activity,
    subject_type: str,
    subject_id: str,
    object_type: str,
    object_id: str,
    data_kinds: Iterable[str],
    request_path: str = "",
) -> ProcessingRecord:
    return ProcessingRecord.objects.create(
        action=action,
        activity_code=activity.code,
        activity_name=activity.name,
        purpose=activity.purpose,
        legal_ground=activity.legal_ground,
        confidentiality=activity.confidentiality,
        retention=activity.retention,
        subject_type=subject_type,
        subject_id=subject_id,
        object_type=object_type,
        object_id=object_id,
        data_kinds=sorted(data_kinds),
        request_path=request_path[:300],
        **_actor_fields(user),
    )
