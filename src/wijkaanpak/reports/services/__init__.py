"""The business rules of reports. Every change writes a ReportEvent and calls notify.on_event
in the same transaction; views and the API call these functions and nothing lower.
"""

from wijkaanpak.reports.domain.workflow import WorkflowError

from .duplicates import distance_m, merge_duplicate, normalise_address, open_reports_nearby
from .handling import add_note, cancel, change_status, pick_up, record_late_reason, reopen, resolve
from .intake import MAX_PHOTOS, create_report, join_report, next_reference
from .queue import filter_queue, open_queue, queue_page, with_next_due
from .reporter import reporter_feedback

__all__ = [
    "MAX_PHOTOS",
    "WorkflowError",
    "add_note",
    "cancel",
    "change_status",
    "create_report",
    "distance_m",
    "filter_queue",
    "join_report",
    "merge_duplicate",
    "next_reference",
    "normalise_address",
    "open_queue",
    "open_reports_nearby",
    "pick_up",
    "queue_page",
    "record_late_reason",
    "reopen",
    "reporter_feedback",
    "resolve",
    "with_next_due",
]
