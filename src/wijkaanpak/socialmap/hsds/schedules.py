"""Events and opening hours as HSDS 3 schedules.

Times are Amsterdam wall-clock times, as the social map reads its rules: a weekly activity
at 15:00 stays at 15:00 when summer time begins. HSDS can only give one UTC offset per
schedule (`timezone`), so an event's schedule carries the offset of its first date and a
note that the clock time stays the same; opening hours have no date, so no offset at all.

HSDS carries only part of RFC 5545: `freq` is WEEKLY or MONTHLY, with fields for INTERVAL,
COUNT, UNTIL, BYDAY, BYMONTHDAY and WKST. A rule that needs more (yearly, BYMONTH,
BYSETPOS, every other day, ...) is not squeezed into those fields, which would give it
dates it does not have: its schedule keeps the first date and the times, and the rule
itself goes into `notes`. A daily rule is written weekly on every day (or on its BYDAY
days): the same dates.
"""

import datetime as dt
import re

from dateutil.rrule import rrulestr
from django.utils.translation import gettext as _

from wijkaanpak.workdays import AMSTERDAM

from .ids import model_id

# Index = Python's weekday(), as OpeningHours.weekday.
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
CARRIED = {
    "WEEKLY": {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"},
    "MONTHLY": {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "WKST"},
}
MONTHLY_DAY = re.compile(r"[+-]?([1-9]|[1-4][0-9]|5[0-3])?(MO|TU|WE|TH|FR|SA|SU)")
MONTH_DAY = re.compile(r"[+-]?([1-9]|[12][0-9]|3[01])")
POSITIVE = re.compile(r"[1-9][0-9]*")


def _clock(moment) -> str:
    return moment.strftime("%H:%M")


def _offset_hours(moment: dt.datetime) -> float | int:
    hours = moment.utcoffset().total_seconds() / 3600
    return int(hours) if hours.is_integer() else hours


def rule_parts(rule: str) -> dict[str, str] | None:
    """The parts of an RRULE value ("FREQ=WEEKLY;BYDAY=WE"), or None when it is not one."""
    parts = {}
    for chunk in rule.split(";"):
        key, sep, value = chunk.partition("=")
        if not sep or not key.strip() or not value.strip():
            return None
        parts[key.strip().upper()] = value.strip().upper()
    return parts


def _all_match(pattern, values: str) -> bool:
    return all(pattern.fullmatch(value) for value in values.split(","))


def recurrence_fields(parts: dict[str, str], first: dt.datetime) -> dict | None:
    """The HSDS fields of a rule starting at `first`; None when HSDS cannot carry it exactly.

    UNTIL is not mapped here: HSDS wants the date of the last occurrence (see below).
    """
    if parts.get("FREQ") == "DAILY" and parts.get("INTERVAL", "1") == "1":
        parts = {**parts, "FREQ": "WEEKLY", "BYDAY": parts.get("BYDAY", ",".join(WEEKDAYS))}
    freq = parts.get("FREQ")
    if freq not in CARRIED or set(parts) - CARRIED[freq]:
        return None
    day_pattern = MONTHLY_DAY if freq == "MONTHLY" else re.compile("|".join(WEEKDAYS))
    checks = [
        ("BYDAY", day_pattern),
        ("BYMONTHDAY", MONTH_DAY),
        ("INTERVAL", POSITIVE),
        ("COUNT", POSITIVE),
        ("WKST", re.compile("|".join(WEEKDAYS))),
    ]
    if not all(_all_match(pattern, parts[key]) for key, pattern in checks if key in parts):
        return None
    fields = {"freq": freq}
    for key in ("INTERVAL", "COUNT"):
        if key in parts:
            fields[key.lower()] = int(parts[key])
    for key in ("WKST", "BYDAY", "BYMONTHDAY"):
        if key in parts:
            fields[key.lower()] = parts[key]
    # RFC 5545 takes the missing day from DTSTART; HSDS readers need it written out.
    if freq == "WEEKLY" and "byday" not in fields:
        fields["byday"] = WEEKDAYS[first.weekday()]
    if freq == "MONTHLY" and "byday" not in fields and "bymonthday" not in fields:
        fields["bymonthday"] = str(first.day)
    return fields


def _reading(rule: str, first: dt.datetime):
    """dateutil's reading of the rule from `first`, or None when it cannot read it."""
    try:
        return rrulestr(rule, dtstart=first)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return None


def _last_start(occurrences):
    last = None
    for last in occurrences:  # noqa: B007 - only the last one is needed
        pass
    return last


def _recurrence(rule: str, first: dt.datetime, end: dt.datetime) -> tuple[dict, list[str]]:
    """The schedule fields and notes of a recurring event."""
    parts = rule_parts(rule)
    occurrences = _reading(rule, first) if parts else None
    ends = occurrences is not None and bool({"COUNT", "UNTIL"} & set(parts))
    last = _last_start(occurrences) if ends else None
    fields = recurrence_fields(parts, first) if occurrences is not None else None
    if fields and "UNTIL" in parts:
        # HSDS's `until` is the date of the last occurrence. Without one (a rule that never
        # happens) the fields would describe an endless schedule, so the rule stays text.
        fields = {**fields, "until": last.date().isoformat()} if last else None
    notes = [] if fields else [_("Herhaling (RFC 5545): %(rule)s.") % {"rule": rule}]
    fields = dict(fields or {})
    if last:
        fields["valid_to"] = (last + (end - first)).date().isoformat()
    notes.append(
        _("Tijden in Nederlandse tijd: bij zomertijd en wintertijd blijft de klok gelijk.")
    )
    return fields, notes


def event_schedule(event, service_id: str, service_at_location_id: str | None) -> dict:
    first = event.starts_at.astimezone(AMSTERDAM)
    end = event.ends_at.astimezone(AMSTERDAM)
    schedule = {"id": model_id(event), "service_id": service_id}
    if service_at_location_id:
        schedule["service_at_location_id"] = service_at_location_id
    schedule.update(
        dtstart=first.date().isoformat(),
        valid_from=first.date().isoformat(),
        timezone=_offset_hours(first),
        opens_at=_clock(first),
        closes_at=_clock(end),
    )
    rule = (event.recurrence_rule or "").strip()
    if rule:
        fields, notes = _recurrence(rule, first, end)
        schedule.update(fields)
    else:
        schedule["valid_to"] = end.date().isoformat()
        notes = []
    if event.cancelled_dates:
        dates = ", ".join(sorted(str(day) for day in event.cancelled_dates))
        notes.append(_("Gaat niet door op: %(dates)s.") % {"dates": dates})
    description = "\n\n".join(text for text in (event.title, event.description) if text)
    if description:
        schedule["description"] = description
    if notes:
        schedule["notes"] = " ".join(notes)
    return schedule


def opening_hours_schedule(row, location_id: str) -> dict:
    schedule = {
        "id": model_id(row),
        "location_id": location_id,
        "freq": "WEEKLY",
        "byday": WEEKDAYS[row.weekday],
        "opens_at": _clock(row.opens_at),
        "closes_at": _clock(row.closes_at),
        "notes": _("Tijden in Nederlandse tijd."),
    }
    if row.note:
        schedule["description"] = row.note
    return schedule
