"""The working-day calendar every deadline counts with (reports, referrals, inspections).

Which days count as working days
--------------------------------
Monday to Friday, except the Dutch public holidays as the `holidays` package lists them
for the Netherlands (``holidays.country_holidays("NL")``, category "public"). With the
package version pinned in this project these are:

- Nieuwjaarsdag (1 January), Goede Vrijdag, Tweede Paasdag, Koningsdag (27 April, or
  26 April when the 27th is a Sunday), Hemelvaartsdag, Tweede Pinksterdag, Eerste and
  Tweede Kerstdag (25 and 26 December);
- Bevrijdingsdag (5 May) only in lustrum years (2025, 2030, ...), as the package has it:
  in other years it is not a day off for most municipal staff.
- Easter Sunday and Whit Sunday are in the list too but fall on a Sunday anyway.

Goede Vrijdag is in the package's list although many offices are open; we follow the
package rather than keep our own list, so a deadline is never tighter than the promise
residents read in the programme. A municipality with another rule changes the package
category, not this module.
"""

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@lru_cache(maxsize=64)
def _holidays_in(year: int) -> frozenset[dt.date]:
    # One lookup per year: the package builds the whole year's list on first use.
    return frozenset(holidays.country_holidays("NL", years=year).keys())


def holiday_name(day: dt.date) -> str:
    """The package's name of a public holiday, or "" on any other day."""
    return holidays.country_holidays("NL", years=day.year).get(day, "") or ""


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays_in(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """`day` itself when it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The date `n` working days after `day` (`day` itself counts as day 0)."""
    if n < 0:
        raise ValueError("n must not be negative")
    while n:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days come after `start` up to and including `end` (0 if none)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def local_date(moment: dt.datetime) -> dt.date:
    """The calendar date of `moment` in Amsterdam; a naive moment is taken as Amsterdam time."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(AMSTERDAM).date()


def today() -> dt.date:
    """Today in Amsterdam, whatever the server's clock zone."""
    from django.utils import timezone

    return timezone.localtime(timezone.now(), AMSTERDAM).date()
