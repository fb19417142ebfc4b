"""iCalendar feeds of the social map: per event, per place and per theme."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wijkaanpak.areas.models import Place

from ..services import ical
from ..services.agenda import filter_events, published_events
from .pages import area_or_404, theme_or_404


def _feed(request, events, *, name: str, filename: str) -> HttpResponse:
    body = ical.calendar(
        events.prefetch_related("offer__places"),
        name=name,
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    response = HttpResponse(body, content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


@require_safe
def event_feed(request, area, pk):
    events = published_events(area_or_404(area)).filter(pk=pk)
    event = get_object_or_404(events)
    return _feed(request, events, name=event.display_title, filename=f"activiteit-{pk}")


@require_safe
def place_feed(request, area, slug):
    area_obj = area_or_404(area)
    place = get_object_or_404(Place, area=area_obj, slug=slug)
    events = filter_events(published_events(area_obj), place=place)
    return _feed(request, events, name=place.name, filename=f"plek-{place.slug}")


@require_safe
def theme_feed(request, area, theme):
    area_obj = area_or_404(area)
    theme_obj = theme_or_404(theme)
    events = filter_events(published_events(area_obj), theme=theme_obj.value)
    name = _("%(theme)s in de %(area)s") % {
        "theme": theme_obj.label.capitalize(),
        "area": area_obj.name,
    }
    return _feed(request, events, name=name, filename=f"thema-{theme_obj.value}")
