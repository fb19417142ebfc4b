"""Events and opening hours as HSDS schedules: RFC 5545 rules into HSDS fields, never wider."""

import datetime as dt

import pytest

from wijkaanpak.socialmap.hsds.schedules import (
    event_schedule,
    opening_hours_schedule,
    recurrence_fields,
    rule_parts,
)
from wijkaanpak.socialmap.models import Event, OpeningHours
from wijkaanpak.workdays import AMSTERDAM

WEDNESDAY = dt.datetime(2026, 9, 2, 14, 0, tzinfo=AMSTERDAM)
WALL_CLOCK = "Tijden in Nederlandse tijd: bij zomertijd en wintertijd blijft de klok gelijk."


def event(rule="", starts_at=WEDNESDAY, minutes=90, **fields):
    return Event(
        pk=7,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        recurrence_rule=rule,
        **fields,
    )


def schedule(rule="", **fields):
    return event_schedule(event(rule, **fields), "service-id", None)


def test_a_wednesday_weekly_event_is_weekly_on_we_with_its_times():
    result = schedule("FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959Z")

    assert result["freq"] == "WEEKLY"
    assert result["byday"] == "WE"
    assert (result["opens_at"], result["closes_at"]) == ("14:00", "15:30")
    assert result["dtstart"] == result["valid_from"] == "2026-09-02"
    # HSDS's `until` is the date of the last occurrence: the last Wednesday of 2026.
    assert result["until"] == result["valid_to"] == "2026-12-30"
    assert result["timezone"] == 2  # summer time on the first date
    assert result["notes"] == WALL_CLOCK
    assert "count" not in result and "interval" not in result


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("FREQ=WEEKLY", {"freq": "WEEKLY", "byday": "WE"}),
        ("FREQ=WEEKLY;BYDAY=MO,WE", {"freq": "WEEKLY", "byday": "MO,WE"}),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", {"freq": "WEEKLY", "interval": 2, "byday": "WE"}),
        (
            "FREQ=WEEKLY;COUNT=6;WKST=MO",
            {"freq": "WEEKLY", "count": 6, "wkst": "MO", "byday": "WE"},
        ),
        ("freq=weekly;byday=we", {"freq": "WEEKLY", "byday": "WE"}),
        ("FREQ=DAILY", {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU"}),
        ("FREQ=DAILY;BYDAY=MO,TU", {"freq": "WEEKLY", "byday": "MO,TU"}),
        ("FREQ=MONTHLY", {"freq": "MONTHLY", "bymonthday": "2"}),
        ("FREQ=MONTHLY;BYDAY=1SA", {"freq": "MONTHLY", "byday": "1SA"}),
        ("FREQ=MONTHLY;BYDAY=-1FR", {"freq": "MONTHLY", "byday": "-1FR"}),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", {"freq": "MONTHLY", "bymonthday": "1,15"}),
        # What HSDS cannot carry exactly stays out of its fields.
        ("FREQ=YEARLY", None),
        ("FREQ=DAILY;INTERVAL=2", None),
        ("FREQ=WEEKLY;BYDAY=WE;BYMONTH=9,10", None),
        ("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1", None),
        ("FREQ=WEEKLY;BYDAY=1WE", None),  # an ordinal day only belongs to a monthly rule
        ("FREQ=WEEKLY;BYDAY=XX", None),
        ("FREQ=WEEKLY;INTERVAL=0", None),
        ("FREQ=HOURLY", None),
    ],
)
def test_recurrence_fields(rule, expected):
    assert recurrence_fields(rule_parts(rule), WEDNESDAY) == expected


@pytest.mark.parametrize("rule", ["FREQ", "WEEKLY", "FREQ=WEEKLY;;", "RRULE:FREQ=WEEKLY", "=WE"])
def test_what_is_not_a_rule_value_has_no_parts_or_fields(rule):
    parts = rule_parts(rule)
    assert parts is None or recurrence_fields(parts, WEDNESDAY) is None


@pytest.mark.parametrize(
    ("rule", "note"),
    [
        ("FREQ=YEARLY", "Herhaling (RFC 5545): FREQ=YEARLY."),
        ("FREQ=WEEKLY;BYDAY=ZZ", "Herhaling (RFC 5545): FREQ=WEEKLY;BYDAY=ZZ."),
        # UNTIL without Z cannot be placed in Amsterdam time; read as text, not as endless.
        ("FREQ=WEEKLY;UNTIL=20261231T120000", "Herhaling (RFC 5545): FREQ=WEEKLY;UNTIL="),
        # A rule that never happens has no last date: an endless schedule would be wrong.
        ("FREQ=WEEKLY;UNTIL=20260101T000000Z", "Herhaling (RFC 5545): FREQ=WEEKLY;UNTIL="),
    ],
)
def test_a_rule_hsds_cannot_carry_keeps_its_first_date_and_times_and_the_rule_as_text(rule, note):
    result = schedule(rule)

    assert not {"freq", "byday", "until", "count", "interval"} & set(result)
    assert result["dtstart"] == "2026-09-02"
    assert (result["opens_at"], result["closes_at"]) == ("14:00", "15:30")
    assert result["notes"].startswith(note)
    assert "valid_to" not in result


def test_a_yearly_rule_with_an_end_still_gives_its_last_date():
    result = schedule("FREQ=YEARLY;COUNT=3")

    assert "freq" not in result
    assert result["valid_to"] == "2028-09-02"


def test_a_counted_rule_gives_count_and_the_last_date_as_valid_to_only():
    result = schedule("FREQ=WEEKLY;BYDAY=WE;COUNT=3")

    assert result["count"] == 3
    assert result["valid_to"] == "2026-09-16"
    assert "until" not in result  # RFC 5545: COUNT or UNTIL, not both


def test_an_endless_rule_has_no_valid_to():
    result = schedule("FREQ=WEEKLY;BYDAY=WE")

    assert "valid_to" not in result and "until" not in result


def test_a_one_off_event_has_no_rule_fields_and_is_valid_on_its_day():
    result = schedule(starts_at=dt.datetime(2026, 1, 14, 23, 0, tzinfo=AMSTERDAM), minutes=120)

    assert not {"freq", "byday", "until", "count", "interval"} & set(result)
    assert result["dtstart"] == result["valid_from"] == "2026-01-14"
    assert result["valid_to"] == "2026-01-15"  # it ends after midnight
    assert (result["opens_at"], result["closes_at"]) == ("23:00", "01:00")
    assert result["timezone"] == 1  # winter time
    assert "notes" not in result


def test_times_are_amsterdam_clock_times_whatever_the_stored_zone():
    in_utc = dt.datetime(2026, 9, 2, 12, 0, tzinfo=dt.UTC)  # 14:00 in Amsterdam

    result = schedule("FREQ=WEEKLY", starts_at=in_utc)

    assert (result["opens_at"], result["byday"], result["timezone"]) == ("14:00", "WE", 2)


def test_title_description_and_cancelled_dates_are_text():
    result = schedule(
        "FREQ=WEEKLY",
        title="Zwemles voor beginners",
        description="Neem een handdoek mee.",
        cancelled_dates=["2026-10-28", "2026-10-21"],
    )

    assert result["description"] == "Zwemles voor beginners\n\nNeem een handdoek mee."
    assert result["notes"] == f"{WALL_CLOCK} Gaat niet door op: 2026-10-21, 2026-10-28."


def test_a_placed_event_names_its_service_at_location():
    result = event_schedule(event("FREQ=WEEKLY"), "service-id", "sal-id")

    assert (result["service_id"], result["service_at_location_id"]) == ("service-id", "sal-id")
    assert "location_id" not in result


def test_opening_hours_are_a_weekly_schedule_of_the_location():
    row = OpeningHours(
        pk=3, weekday=4, opens_at=dt.time(8, 30), closes_at=dt.time(12, 0), note="Alleen ochtend"
    )

    assert opening_hours_schedule(row, "location-id") | {"id": "x"} == {
        "id": "x",
        "location_id": "location-id",
        "freq": "WEEKLY",
        "byday": "FR",
        "opens_at": "08:30",
        "closes_at": "12:00",
        "description": "Alleen ochtend",
        "notes": "Tijden in Nederlandse tijd.",
    }
