"""When an event happens: its RFC 5545 recurrence rule expanded into dated occurrences.

The rule is read in Amsterdam local time, from the event's first start: a weekly activity
at 15:00 stays at 15:00 when summer time begins. A blank rule means one date. Cancelled
dates (YYYY-MM-DD) are skipped. A rule that cannot be read never breaks a page: the event
is skipped and the problem logged; the admin refuses such rules with `rule_error`.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from django.utils.translation import gettext as _
from icalendar import vRecur

from wijkaanpak.workdays import AMSTERDAM

logger = logging.getLogger(__name__)

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# A valid rule has its first date within this period. A rule that matches no day at all
# (30 February) makes dateutil search up to the year 9999, which takes seconds: refusing
# such rules here keeps them out of the pages.
FIRST_OCCURRENCE_WITHIN = dt.timedelta(days=5 * 366)
EXAMPLE = "FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959Z"


@dataclass(frozen=True)
class Occurrence:
    event: object  # socialmap.models.Event
    starts_at: dt.datetime
    ends_at: dt.datetime

    @property
    def date(self) -> dt.date:
        return self.starts_at.date()


def rule_parts(rule: str) -> dict[str, str]:
    parts = {}
    for part in rule.split(";"):
        key, _sep, value = part.partition("=")
        parts[key.strip().upper()] = value.strip().upper()
    return parts


def _syntax_error(rule: str) -> str | None:
    if any(c in rule for c in ":\n\r"):
        return _("Vul alleen de regel zelf in, zonder 'RRULE:' of 'DTSTART'.")
    parts = rule_parts(rule)
    if parts.get("FREQ") not in FREQUENCIES:
        return _("Begin met FREQ=DAILY, FREQ=WEEKLY, FREQ=MONTHLY of FREQ=YEARLY.")
    if "COUNT" in parts and "UNTIL" in parts:
        return _("Gebruik COUNT of UNTIL, niet allebei.")
    if "UNTIL" in parts and not parts["UNTIL"].endswith("Z"):
        return _(
            "Schrijf UNTIL in UTC, met een Z aan het eind, bijvoorbeeld UNTIL=20261231T235959Z."
        )
    if not parts.get("INTERVAL", "1").isdigit() or parts.get("INTERVAL") == "0":
        return _("INTERVAL moet een heel getal zijn van 1 of meer.")
    return None


def rule_error(rule: str, starts_at: dt.datetime | None = None) -> str | None:
    """A Dutch explanation of what is wrong with `rule`, or None when it is fine.

    `starts_at` is the event's first start (now when it is not known yet).
    """
    rule = rule.strip()
    if not rule:
        return None
    error = _syntax_error(rule)
    if error:
        return error
    dtstart = (starts_at or dt.datetime.now(AMSTERDAM)).astimezone(AMSTERDAM)
    try:
        vRecur.from_ical(rule)
        parsed = rrulestr(rule, dtstart=dtstart)
    except (ValueError, TypeError, KeyError, IndexError):
        return _("Deze herhaling kunnen we niet lezen. Een voorbeeld dat klopt: %(example)s.") % {
            "example": EXAMPLE
        }
    window = parsed.replace(count=None, until=_until(rule, dtstart + FIRST_OCCURRENCE_WITHIN))
    if window.after(dtstart, inc=True) is None:
        return _("Met deze herhaling is er in de komende vijf jaar geen enkele datum.")
    return None


def cancelled_dates_error(values) -> str | None:
    """A Dutch explanation when `values` is not a list of YYYY-MM-DD dates."""
    if not isinstance(values, list):
        return _('Geef een lijst van data, bijvoorbeeld ["2026-05-13"].')
    for value in values:
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return _("'%(value)s' is geen datum. Schrijf data als JJJJ-MM-DD.") % {"value": value}
    return None


def _cancelled(event) -> set[dt.date]:
    dates = set()
    for value in event.cancelled_dates or []:
        try:
            dates.add(dt.date.fromisoformat(str(value)))
        except ValueError:
            logger.warning("Event %s has an unreadable cancelled date; ignored", event.pk)
    return dates


def _until(rule: str, limit: dt.datetime) -> dt.datetime:
    """The rule's own UNTIL or `limit`, whichever comes first."""
    return min(vRecur.from_ical(rule).get("UNTIL", [limit])[0], limit)


def _starts(event, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    first = event.starts_at.astimezone(AMSTERDAM)
    rule = (event.recurrence_rule or "").strip()
    if not rule:
        return [first] if start <= first < end else []
    if _syntax_error(rule):
        raise ValueError(rule)
    parsed = rrulestr(rule, dtstart=first)
    return [moment for moment in parsed.between(start, end, inc=True) if moment < end]


def occurrences(event, start: dt.datetime, end: dt.datetime) -> list[Occurrence]:
    """The event's occurrences that start in [start, end), in Amsterdam time."""
    try:
        starts = _starts(event, start, end)
    except (ValueError, TypeError, KeyError, IndexError):
        logger.warning("Event %s has an unreadable recurrence rule; skipped", event.pk)
        return []
    duration = event.ends_at - event.starts_at
    cancelled = _cancelled(event)
    return [
        Occurrence(event, moment, moment + duration)
        for moment in starts
        if moment.date() not in cancelled
    ]


def day_window(first: dt.date, days: int) -> tuple[dt.datetime, dt.datetime]:
    """From the start of `first` to the start of the day `days` later, in Amsterdam."""
    start = dt.datetime.combine(first, dt.time(), tzinfo=AMSTERDAM)
    end = dt.datetime.combine(first + dt.timedelta(days=days), dt.time(), tzinfo=AMSTERDAM)
    return start, end
