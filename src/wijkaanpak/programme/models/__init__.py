from .indicators import (
    CurveStory,
    Indicator,
    Measurement,
    NationalIndicator,
    ReferenceValue,
    Scope,
    Target,
)
from .quality import SourceNote
from .structure import Goal, Horizon, Programme, ProgrammeLine

__all__ = [
    "CurveStory",
    "Goal",
    "Horizon",
    "Indicator",
    "Measurement",
    "NationalIndicator",
    "Programme",
    "ProgrammeLine",
    "ReferenceValue",
    "Scope",
    "SourceNote",
    "Target",
]
