"""Safe photo uploads for reports (security.md E3-E5)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanImage:
    """A photo that passed every check and was re-encoded: no metadata, bounded size."""

    name: str
    content: bytes
    content_type: str
    width: int
    height: int
