"""Measurement services: history is kept, nothing is overwritten, bad input is refused."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.programme.models import Indicator, Measurement, Scope
from wijkaanpak.programme.services.measurements import (
    Outcome,
    correct_measurement,
    record_measurement,
    save_measurement,
)
from wijkaanpak.programme.services.parsing import parse_date, parse_decimal

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

START, END = date(2024, 1, 1), date(2024, 12, 31)


def record(indicator, value="7.1", **overrides):
    kwargs = dict(
        value=D(value),
        period_start=START,
        period_end=END,
        scope=Scope.AREA,
        source="CBS Statline",
        note="",
        entered_by=None,
    )
    kwargs.update(overrides)
    return record_measurement(indicator, **kwargs)


def test_record_stores_value_source_period_and_who():
    indicator = IndicatorFactory()
    user = UserFactory()
    m = record(indicator, "7.1", entered_by=user, note="Peildatum 1 januari")
    m.refresh_from_db()
    assert (m.value, m.period_start, m.period_end, m.scope) == (D("7.1"), START, END, "area")
    assert (m.source, m.note, m.entered_by) == ("CBS Statline", "Peildatum 1 januari", user)
    assert m.superseded_at is None and m.supersedes is None


def test_value_is_stored_as_given_not_rounded_to_display_decimals():
    indicator = IndicatorFactory(decimals=0)
    m = record(indicator, "7.1234")
    m.refresh_from_db()
    assert m.value == D("7.1234")


def test_correction_keeps_history():
    indicator = IndicatorFactory()
    old = record(indicator, "7.1")
    user = UserFactory()
    new = correct_measurement(
        old, value=D("7.4"), source="CBS Statline, herzien", note="Typfout", entered_by=user
    )
    old.refresh_from_db()
    assert old.value == D("7.1") and old.superseded_at is not None
    assert new.supersedes == old and new.superseded_at is None and new.entered_by == user
    assert (new.period_start, new.period_end, new.scope) == (START, END, "area")
    assert list(Measurement.objects.current()) == [new]
    assert Measurement.objects.count() == 2


def test_an_already_superseded_row_cannot_be_corrected_again():
    indicator = IndicatorFactory()
    old = record(indicator, "7.1")
    correct_measurement(old, value=D("7.4"), source="CBS", note="", entered_by=None)
    stale = Measurement.objects.get(pk=old.pk)
    with pytest.raises(ValidationError, match="al gecorrigeerd"):
        correct_measurement(stale, value=D("8"), source="CBS", note="", entered_by=None)
    assert Measurement.objects.count() == 2


def test_a_stale_copy_is_checked_against_the_database():
    indicator = IndicatorFactory()
    old = record(indicator, "7.1")
    stale_copy = Measurement.objects.get(pk=old.pk)
    correct_measurement(old, value=D("7.4"), source="CBS", note="", entered_by=None)
    assert stale_copy.superseded_at is None
    with pytest.raises(ValidationError):
        correct_measurement(stale_copy, value=D("9"), source="CBS", note="", entered_by=None)
    assert Measurement.objects.current().get().value == D("7.4")


def test_recording_a_different_value_for_the_same_period_is_a_correction_not_an_overwrite():
    indicator = IndicatorFactory()
    first = record(indicator, "7.1")
    second, outcome = save_measurement(
        indicator, value=D("7.3"), period_start=START, period_end=END, source="CBS Statline"
    )
    assert outcome == Outcome.CORRECTED
    first.refresh_from_db()
    assert first.value == D("7.1") and first.superseded_at is not None
    assert second.supersedes_id == first.pk
    assert Measurement.objects.current().count() == 1


def test_recording_the_same_value_twice_changes_nothing():
    indicator = IndicatorFactory()
    first = record(indicator, "7.1")
    again, outcome = save_measurement(
        indicator, value=D("7.10"), period_start=START, period_end=END, source="CBS Statline"
    )
    assert outcome == Outcome.UNCHANGED and again.pk == first.pk
    assert Measurement.objects.count() == 1
    assert Measurement.objects.get().superseded_at is None


def test_other_scope_or_period_is_a_new_measurement_not_a_correction():
    indicator = IndicatorFactory()
    record(indicator, "7.1")
    _, on_city = save_measurement(
        indicator, value=D("5"), period_start=START, period_end=END, scope=Scope.CITY, source="C"
    )
    _, next_year = save_measurement(
        indicator, value=D("6"), period_start=END, period_end=date(2025, 6, 30), source="C"
    )
    assert on_city == next_year == Outcome.CREATED
    assert Measurement.objects.current().count() == 3


def test_correction_can_be_refused_to_users_without_that_right():
    indicator = IndicatorFactory()
    record(indicator, "7.1")
    with pytest.raises(ValidationError, match="niet corrigeren"):
        record(indicator, "9", allow_correction=False)
    assert Measurement.objects.get().value == D("7.1")


def test_a_correction_that_changes_nothing_is_refused():
    old = record(IndicatorFactory(), "7.1")
    with pytest.raises(ValidationError, match="niets veranderd"):
        correct_measurement(old, value=D("7.1"), source="CBS Statline", note="")


def test_float_is_a_programming_error():
    with pytest.raises(TypeError):
        record_measurement(
            IndicatorFactory(), value=7.1, period_start=START, period_end=END, source="CBS"
        )


TOMORROW = timezone.localdate() + timedelta(days=1)
VALIDATION_TABLE = [
    # (case, indicator attributes, record overrides, field in error, words in the message)
    ("end before start", {}, {"period_start": END, "period_end": START}, "period_end", "vóór"),
    ("period in the future", {}, {"period_end": TOMORROW}, "period_end", "toekomst"),
    ("qualitative", {"unit": Indicator.Unit.QUALITATIVE}, {}, "value", "kwalitatieve"),
    ("percentage above 100", {}, {"value": D("100.01")}, "value", "tussen 0 en 100"),
    ("percentage below 0", {}, {"value": D("-1")}, "value", "tussen 0 en 100"),
    ("negative count", {"unit": Indicator.Unit.COUNT}, {"value": D("-3")}, "value", "negatief"),
    ("half a count", {"unit": Indicator.Unit.COUNT}, {"value": D("2.5")}, "value", "heel getal"),
    ("five decimals", {}, {"value": D("7.12345")}, "value", "4 cijfers"),
    ("too large", {"unit": "euro"}, {"value": D("1e10")}, "value", "te groot"),
    ("not a number", {}, {"value": D("NaN")}, "value", "getal"),
    ("no source", {}, {"source": "  "}, "source", "bron"),
    ("source too long", {}, {"source": "x" * 301}, "source", "te lang"),
    ("unknown scope", {}, {"scope": "planet"}, "scope", "schaal"),
]


@pytest.mark.parametrize(
    ("attrs", "overrides", "field", "words"),
    [case[1:] for case in VALIDATION_TABLE],
    ids=[case[0] for case in VALIDATION_TABLE],
)
def test_validation(attrs, overrides, field, words):
    indicator = IndicatorFactory(**attrs)
    with pytest.raises(ValidationError) as info:
        record(indicator, **{"value": D("7.1"), **overrides})
    assert field in info.value.message_dict
    assert words in " ".join(info.value.message_dict[field])
    assert Measurement.objects.count() == 0


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ("0", "percent"),
        ("100", "percent"),
        ("-250.5", "euro"),
        ("12", "count"),
        ("3.1415", "score"),
    ],
)
def test_valid_edge_values_are_accepted(value, unit):
    assert record(IndicatorFactory(unit=unit), value=value).value == D(value)


def test_existing_factory_rows_take_part_in_the_current_rule():
    existing = MeasurementFactory(period_start=START, period_end=END, value=D("3"))
    new = record(existing.indicator, "4")
    assert new.supersedes_id == existing.pk


PARSE_NUMBERS = [
    ("7,1", D("7.1")),
    ("7.1", D("7.1")),
    (" 12 ", D("12")),
    ("-0,5", D("-0.5")),
    ("7,1%", D("7.1")),
    ("0,125", D("0.125")),
    ("27000", D("27000")),
    (7.1, D("7.1")),
    (3, D("3")),
]


@pytest.mark.parametrize(("raw", "expected"), PARSE_NUMBERS)
def test_parse_decimal(raw, expected):
    assert parse_decimal(raw) == expected


@pytest.mark.parametrize("raw", ["", "abc", "27.000", "1,500", "1.234.567", "1.234,5", "7,1,2"])
def test_parse_decimal_refuses_unclear_numbers(raw):
    with pytest.raises(ValidationError):
        parse_decimal(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-12-31", date(2024, 12, 31)),
        ("31-12-2024", date(2024, 12, 31)),
        ("1-2-2024", date(2024, 2, 1)),
        ("01/02/2024", date(2024, 2, 1)),
        (date(2024, 5, 6), date(2024, 5, 6)),
    ],
)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["", "2024-13-01", "31-02-2024", "12/31/2024", "gisteren"])
def test_parse_date_refuses_bad_dates(raw):
    with pytest.raises(ValidationError):
        parse_date(raw)
