"""Counts per offer and month, the "referrals.started" metric, and both surviving erasure."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from wijkaanpak.programme import metrics as registry
from wijkaanpak.referrals.metrics import PREFIX
from wijkaanpak.referrals.models import Referral
from wijkaanpak.referrals.services import reach
from wijkaanpak.referrals.services.progress import change_state
from wijkaanpak.referrals.services.retention import erase

from . import factories as f

pytestmark = pytest.mark.django_db

NOV, DEC, JAN = dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2027, 1, 1)


def at(year, month, day, hour=10):
    return time_machine.travel(dt.datetime(year, month, day, hour, tzinfo=dt.UTC), tick=False)


def step(referral, user, *states):
    for state in states:
        change_state(referral, user=user, to_state=state, note="Reden." if "not" in state else "")


@pytest.fixture
def history(world):
    """Buurtgezinnen: 3 sent in November (one at 23:30 UTC on 30 November, which is
    1 December in Amsterdam), one started and one not started in December, one completed
    in January. LifeGoals (another receiver): 1 sent in November."""
    lifegoals = f.offer(world.area, world.other, slug="lifegoals")
    with at(2026, 11, 10):
        first = f.referral(world.specialist, world.school, world.offer)
        second = f.referral(world.specialist, world.school, world.offer)
        f.referral(world.specialist, world.school, lifegoals)
    with at(2026, 11, 30, hour=23):
        late = f.referral(world.specialist, world.school, world.offer)
    with at(2026, 12, 2):
        step(first, world.receiver, "received", "started")
        step(second, world.receiver, "not_started")
    with at(2027, 1, 5):
        step(first, world.receiver, "completed")
    return first, second, late


# Derived by hand from the fixture above, not by the code under test.
EXPECTED = [
    ("buurtgezinnen", NOV, 2, 0, 0, 0, 0),
    ("buurtgezinnen", DEC, 1, 1, 1, 0, 1),
    ("buurtgezinnen", JAN, 0, 0, 0, 1, 0),
    ("lifegoals", NOV, 1, 0, 0, 0, 0),
]


def table(rows):
    return [
        (r.offer_slug, r.month, r.sent, r.received, r.started, r.completed, r.not_started)
        for r in rows
    ]


def test_counts_per_offer_and_month(history):
    assert table(reach.counts(Referral.objects.all())) == EXPECTED
    # Each referral is sent once: the sent column adds up to the rows.
    assert sum(r.sent for r in reach.counts(Referral.objects.all())) == Referral.objects.count()


def test_counts_and_the_metric_survive_erasure(history, westwijk):
    first, second, _late = history
    metric = registry.get(f"{PREFIX}:buurtgezinnen")
    before = metric.compute(westwijk, DEC, dt.date(2026, 12, 31))
    assert erase(first, ground="request") is not None
    assert erase(second, ground="request") is not None
    first.refresh_from_db()
    assert first.person_name == "" and first.erased_at is not None
    assert table(reach.counts(Referral.objects.all())) == EXPECTED
    assert metric.compute(westwijk, DEC, dt.date(2026, 12, 31)) == before == Decimal(1)


def test_metric_counts_starts_per_month_and_is_missing_before_any_referral(history, westwijk):
    metric = registry.get(f"{PREFIX}:buurtgezinnen")
    assert metric is not None and "buurtgezinnen" in metric.source
    assert metric.compute(westwijk, dt.date(2026, 10, 1), dt.date(2026, 10, 31)) is None
    assert metric.compute(westwijk, NOV, dt.date(2026, 11, 30)) == Decimal(0)
    assert metric.compute(westwijk, DEC, dt.date(2026, 12, 31)) == Decimal(1)
    assert metric.compute(westwijk, JAN, dt.date(2027, 1, 31)) == Decimal(0)
    lifegoals = registry.get(f"{PREFIX}:lifegoals")
    assert lifegoals.compute(westwijk, DEC, dt.date(2026, 12, 31)) == Decimal(0)


def test_metric_follows_the_intervention_an_offer_runs(history, westwijk, world):
    intervention = westwijk.interventions.filter(name__icontains="buurtgezinnen").first()
    assert intervention is not None
    world.offer.intervention = intervention
    world.offer.save()
    metric = registry.get(f"{PREFIX}:{intervention.slug}")
    assert metric.compute(westwijk, DEC, dt.date(2026, 12, 31)) == Decimal(1)


@pytest.mark.parametrize("parameter", ["Buurt Gezinnen!", "a,,b", "x,x"])
def test_a_parameter_that_names_nothing_sensible_has_no_metric(parameter):
    assert registry.get(f"{PREFIX}:{parameter}") is None


def test_the_key_fits_an_indicator():
    from wijkaanpak.programme.models import Indicator

    limit = Indicator._meta.get_field("metric_key").max_length
    assert len(f"{PREFIX}:buurtgezinnen,lifegoals,vitamine-g") <= limit
