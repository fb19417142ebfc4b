"""How an offer's costs, target group and schedule read on a page; missing data reads as
unknown."""

import datetime as dt

from django.utils.translation import gettext as _

from ..models import OpeningHours
from .recurrence import rule_parts

Weekday = OpeningHours.Weekday


def costs_label(is_free: bool | None, costs: str) -> str:
    if is_free:
        return _("gratis")
    if costs:
        return costs
    if is_free is False:
        return _("niet gratis; hoeveel het kost is onbekend")
    return _("onbekend")


def audience_label(age_range: str, for_parents: bool) -> str:
    """`age_range` as Offer.age_range_label gives it ("" when no age is known)."""
    ages = age_range or _("leeftijd onbekend")
    return _("%(ages)s, ook voor ouders") % {"ages": ages} if for_parents else ages


DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _days_text(weekdays: list[int]) -> str:
    names = [str(Weekday(day).label) for day in weekdays]
    if len(names) == 1:
        return names[0]
    return _("%(days)s en %(last)s") % {"days": ", ".join(names[:-1]), "last": names[-1]}


def schedule_label(recurrence_rule: str, first_start: dt.datetime) -> str:
    """How often an event happens, in words: "elke woensdag", "om de week op donderdag".

    Rules beyond plain daily and weekly ones read as "op vaste data": the page lists them.
    """
    rule = recurrence_rule.strip()
    if not rule:
        return _("één keer")
    parts = rule_parts(rule)
    interval = parts.get("INTERVAL", "1")
    codes = [code for code in parts.get("BYDAY", "").split(",") if code]
    if parts.get("FREQ") == "DAILY" and interval == "1" and not codes:
        return _("elke dag")
    if parts.get("FREQ") != "WEEKLY" or any(code not in DAY_CODES for code in codes):
        return _("op vaste data")
    weekdays = sorted(DAY_CODES.index(code) for code in codes) or [first_start.weekday()]
    days = _days_text(weekdays)
    if interval == "1":
        return _("elke %(days)s") % {"days": days}
    if interval == "2":
        return _("om de week op %(days)s") % {"days": days}
    return _("elke %(n)s weken op %(days)s") % {"n": interval, "days": days}
