"""Working-day arithmetic as table look-ups, checked against the application's own rules.

A million reports need a few million deadline computations; the application's functions
count day by day. The tables give the same answers (verified for every date the
generator uses) in constant time.
"""

import datetime as dt

from wijkaanpak import workdays
from wijkaanpak.reports.domain import deadlines

AMSTERDAM = workdays.AMSTERDAM


class Calendar:
    def __init__(self, first: dt.date, last: dt.date):
        # Room after `last` for the longest term and the latest late step.
        self.first = first
        end = last + dt.timedelta(days=400)
        self.working: list[dt.date] = []
        self.index: dict[dt.date, int] = {}  # a date -> index of the next working day
        day = first
        while day <= end:
            if workdays.is_working_day(day):
                self.working.append(day)
            self.index[day] = len(self.working) - (1 if workdays.is_working_day(day) else 0)
            day += dt.timedelta(days=1)
        for day, i in list(self.index.items()):
            if i >= len(self.working):
                del self.index[day]

    def start(self, day: dt.date) -> int:
        """Index of the working day from which the terms count (deadlines.counting_start)."""
        return self.index[day]

    def day(self, index: int) -> dt.date:
        return self.working[index]

    def due(self, day: dt.date, working_days: int) -> dt.date:
        return self.working[self.index[day] + working_days]

    def verify(self, last: dt.date, terms: set[int]) -> None:
        """Fail loudly if a table answer differs from the application's rule."""
        day = self.first
        while day <= last:
            noon = dt.datetime.combine(day, dt.time(12), tzinfo=AMSTERDAM)
            assert self.due(day, deadlines.PICKUP_WORKING_DAYS) == deadlines.pickup_due_on(noon)
            for term in terms:
                stand_in = type("Category", (), {"resolution_term_days": term})
                assert self.due(day, term) == deadlines.resolution_due_on(noon, stand_in)
            day += dt.timedelta(days=1)


def at(day: dt.date, minutes: int) -> dt.datetime:
    """`minutes` after midnight on `day`, Amsterdam time, as an aware datetime."""
    return dt.datetime.combine(day, dt.time(), tzinfo=AMSTERDAM) + dt.timedelta(minutes=minutes)
