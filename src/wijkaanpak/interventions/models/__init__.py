from .intervention import EvidenceLevel, Intervention, Theme
from .records import (
    AgeBand,
    Evaluation,
    LineBudget,
    ReachRecord,
    SpendingEntry,
    StatusChange,
)

__all__ = [
    "AgeBand",
    "Evaluation",
    "EvidenceLevel",
    "Intervention",
    "LineBudget",
    "ReachRecord",
    "SpendingEntry",
    "StatusChange",
    "Theme",
]
