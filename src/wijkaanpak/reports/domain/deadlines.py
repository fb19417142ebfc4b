"""The clock of a report: when it must be picked up and when it must be resolved.

Which days count as working days: see `wijkaanpak.workdays`.

How the count goes
------------------
- The receipt moment is taken in Europe/Amsterdam: a report sent at 23:30 UTC on a
  Monday in summer arrives on Tuesday in Amsterdam and counts from Tuesday.
- A receipt on a working day counts from that day: Monday -> due the next Monday.
- A receipt on a day that is not a working day (weekend, holiday) counts from the next
  working day: Saturday -> counts from Monday -> due the Monday after.
- "Due on" is a date: the step is on time when it happens on or before that date.
"""

import datetime as dt

from wijkaanpak.workdays import (
    AMSTERDAM,
    add_working_days,
    local_date,
    next_working_day,
    today,
)

__all__ = ["AMSTERDAM", "local_date", "today"]

PICKUP_WORKING_DAYS = 5


def counting_start(received_at: dt.datetime) -> dt.date:
    """The working day from which the terms count."""
    return next_working_day(local_date(received_at))


def pickup_due_on(received_at: dt.datetime) -> dt.date:
    return add_working_days(counting_start(received_at), PICKUP_WORKING_DAYS)


def resolution_due_on(received_at: dt.datetime, category) -> dt.date:
    return add_working_days(counting_start(received_at), category.resolution_term_days)
