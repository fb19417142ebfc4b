"""Lookups shared by the programme's views: an area's current programme edition."""

from django.http import Http404

from .models import Programme


def current_programme(area_slug: str) -> Programme:
    """The newest adopted edition of the area's programme; a draft edition is not public."""
    programme = (
        Programme.objects.select_related("area")
        .filter(area__slug=area_slug, state=Programme.State.ADOPTED)
        .order_by("-edition_year")
        .first()
    )
    if programme is None:
        raise Http404("Geen programma voor dit gebied.")
    return programme
