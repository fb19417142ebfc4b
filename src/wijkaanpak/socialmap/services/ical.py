"""iCalendar (RFC 5545) feeds: per event, per place and per theme.

One VEVENT per event with its own RRULE and EXDATEs, so a calendar app shows every future
date and follows a change at its next refresh. Times carry TZID Europe/Amsterdam with a
VTIMEZONE, so a 15:00 activity stays at 15:00 through summer time. The UID is stable per
event and site; an event whose rule cannot be read is left out (and logged) rather than
sent as an invalid feed.
"""

import datetime as dt
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, vRecur
from icalendar import Event as VEvent

from wijkaanpak.workdays import AMSTERDAM

from ..domain.recurrence import rule_error

logger = logging.getLogger(__name__)

CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event) -> str:
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname}"


def event_place(event):
    """The event's place; without one, its offer's place when the offer has exactly one."""
    if event.place_id:
        return event.place
    places = list(event.offer.places.all())
    return places[0] if len(places) == 1 else None


def location(place) -> str:
    if place is None:
        return ""
    town = " ".join(part for part in (place.postal_code, place.city) if part)
    return ", ".join(part for part in (place.name, place.address, town) if part)


def description(event) -> str:
    lines = [event.description or event.offer.summary]
    if event.offer.is_example:
        lines.append(_("Voorbeeldgegevens: deze tijden en plekken zijn verzonnen voor de demo."))
    return "\n\n".join(line for line in lines if line)


def vevent(event, *, base_url: str) -> VEvent | None:
    rule = event.recurrence_rule.strip()
    if rule and rule_error(rule, event.starts_at):
        logger.warning("Event %s has an unreadable recurrence rule; left out of the feed", event.pk)
        return None
    first = event.starts_at.astimezone(AMSTERDAM)
    component = VEvent()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.updated_at.astimezone(dt.UTC))
    component.add("last-modified", event.updated_at.astimezone(dt.UTC))
    component.add("dtstart", first)
    component.add("dtend", event.ends_at.astimezone(AMSTERDAM))
    component.add("summary", event.display_title)
    component.add("description", description(event))
    if place_text := location(event_place(event)):
        component.add("location", place_text)
    component.add("url", base_url + event.offer.get_absolute_url())
    cancelled = sorted(
        dt.date.fromisoformat(str(value))
        for value in event.cancelled_dates or []
        if _is_date(value)
    )
    if rule:
        component.add("rrule", vRecur.from_ical(rule))
        if cancelled:
            component.add("exdate", [dt.datetime.combine(d, first.timetz()) for d in cancelled])
    elif first.date() in cancelled:
        component.add("status", "CANCELLED")
    return component


def _is_date(value) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def calendar(events, *, name: str, base_url: str) -> bytes:
    """The feed of `events` (prefetch offer__places for place-less events) as bytes."""
    cal = Calendar()
    cal.add("prodid", f"-//{settings.SITE_NAME}//Sociale kaart//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    starts = []
    for event in events:
        component = vevent(event, base_url=base_url)
        if component is not None:
            cal.add_component(component)
            starts.append(event.starts_at.astimezone(AMSTERDAM).date())
    if starts:
        cal.add_missing_timezones(first_date=min(starts) - dt.timedelta(days=1))
    return cal.to_ical()
