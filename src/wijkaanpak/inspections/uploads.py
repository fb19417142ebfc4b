"""A finding's photo goes through the same checks as a report's photo (security.md E3-E4)."""

from wijkaanpak.reports.uploads import CleanImage, clean_photo


def checked_photo(upload) -> CleanImage | None:
    """The uploaded file checked and re-encoded without EXIF, or None when there is none."""
    if not upload:
        return None
    return clean_photo(upload)
