"""Costs, target group and schedule in words; missing data reads as unknown, never 0."""

import datetime as dt

import pytest

from wijkaanpak.socialmap.domain.labels import audience_label, costs_label, schedule_label
from wijkaanpak.workdays import AMSTERDAM

WEDNESDAY = dt.datetime(2026, 3, 18, 15, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("is_free", "costs", "label"),
    [
        (True, "", "gratis"),
        (True, "€ 2 voor materiaal", "gratis"),
        (False, "€ 5 per keer", "€ 5 per keer"),
        (None, "€ 5 per keer", "€ 5 per keer"),
        (False, "", "niet gratis; hoeveel het kost is onbekend"),
        (None, "", "onbekend"),
    ],
)
def test_costs_label(is_free, costs, label):
    assert costs_label(is_free, costs) == label


@pytest.mark.parametrize(
    ("age_range", "for_parents", "label"),
    [
        ("4 tot en met 12 jaar", False, "4 tot en met 12 jaar"),
        ("0 tot en met 4 jaar", True, "0 tot en met 4 jaar, ook voor ouders"),
        ("", False, "leeftijd onbekend"),
        ("", True, "leeftijd onbekend, ook voor ouders"),
    ],
)
def test_audience_label(age_range, for_parents, label):
    assert audience_label(age_range, for_parents) == label


@pytest.mark.parametrize(
    ("rule", "label"),
    [
        ("", "één keer"),
        ("FREQ=WEEKLY;BYDAY=WE", "elke woensdag"),
        ("FREQ=WEEKLY", "elke woensdag"),  # the day of the first time
        ("FREQ=WEEKLY;BYDAY=FR,MO,WE;UNTIL=20261231T235959Z", "elke maandag, woensdag en vrijdag"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=7", "om de week op donderdag"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU", "elke 3 weken op dinsdag"),
        ("FREQ=DAILY", "elke dag"),
        ("FREQ=MONTHLY;BYDAY=1WE", "op vaste data"),
        ("FREQ=WEEKLY;BYDAY=1WE", "op vaste data"),
    ],
)
def test_schedule_label(rule, label):
    assert schedule_label(rule, WEDNESDAY) == label
