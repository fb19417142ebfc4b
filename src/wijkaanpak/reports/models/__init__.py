from .category import Category
from .history import DeadlineBreach, ReportEvent
from .report import Report, ReportContact, ReportPhoto, Status

__all__ = [
    "Category",
    "DeadlineBreach",
    "Report",
    "ReportContact",
    "ReportEvent",
    "ReportPhoto",
    "Status",
]
