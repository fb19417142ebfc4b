"""Running interventions are on the social map; stopped ones are hidden; residents' details stay."""

import datetime as dt

import pytest
from django.core.management import call_command

from wijkaanpak.interventions.models import Intervention
from wijkaanpak.socialmap.demo import load_demo
from wijkaanpak.socialmap.models import Event, Offer
from wijkaanpak.socialmap.sync import first_sentence, sync_intervention_offers

pytestmark = pytest.mark.django_db


def running_names(programme):
    return set(
        programme.interventions.filter(status=Intervention.Status.RUNNING).values_list(
            "name", flat=True
        )
    )


def test_every_running_intervention_becomes_a_published_offer(westwijk):
    result = sync_intervention_offers(westwijk)
    offers = Offer.objects.filter(area=westwijk.area, is_published=True)
    assert set(offers.values_list("name", flat=True)) == running_names(westwijk)
    assert len(result.created) == len(running_names(westwijk)) > 0
    offer = offers.get(intervention__slug="leven-lang-ontwikkelen")
    assert offer.organisation.slug == "river-board"
    assert offer.source.startswith("Uitvoeringsprogramma 2023")
    assert offer.kind == Offer.Kind.INTERVENTION


def test_a_second_sync_changes_nothing_and_keeps_what_the_coordinator_added(westwijk):
    sync_intervention_offers(westwijk)
    offer = Offer.objects.get(intervention__slug="manifest-onderwijs")
    offer.how_to_join = "Vraag het de leerkracht."
    offer.accepts_referrals = True
    offer.save()
    result = sync_intervention_offers(westwijk)
    assert result.created == [] and result.hidden == []
    offer.refresh_from_db()
    assert offer.how_to_join == "Vraag het de leerkracht." and offer.accepts_referrals


def test_a_stopped_intervention_is_hidden_not_deleted(westwijk):
    sync_intervention_offers(westwijk)
    westwijk.interventions.filter(slug="manifest-onderwijs").update(
        status=Intervention.Status.STOPPED
    )
    result = sync_intervention_offers(westwijk)
    assert result.hidden == ["manifest-onderwijs"]
    assert Offer.objects.get(slug="manifest-onderwijs").is_published is False


def test_the_sync_leaves_example_offers_alone(westwijk):
    load_demo(today=dt.date(2026, 11, 30))
    examples = Offer.objects.filter(is_example=True).count()
    sync_intervention_offers(westwijk)
    assert Offer.objects.filter(is_example=True, is_published=True).count() == examples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eerste zin. Tweede zin.", "Eerste zin."),
        ("Geen punt", "Geen punt"),
        ("", ""),
        ("woord " * 60, ("woord " * 33).strip() + "…"),
    ],
)
def test_first_sentence(text, expected):
    assert first_sentence(text) == expected


def test_the_demo_loads_once_and_marks_everything_as_example(westwijk):
    monday = dt.date(2026, 11, 30)
    assert load_demo(today=monday) > 0
    offers, events = Offer.objects.count(), Event.objects.count()
    assert load_demo(today=monday) == 0
    assert (Offer.objects.count(), Event.objects.count()) == (offers, events)
    assert not Offer.objects.filter(is_example=False).exists()
    bokx = Event.objects.get(offer__slug="ik-geef-een-bokx-training")
    assert bokx.recurrence_rule == "FREQ=WEEKLY;BYDAY=WE"
    assert bokx.starts_at.date() == dt.date(2026, 12, 2)  # Wednesday of that week
    assert bokx.place.neighbourhood.slug == "wetering"


def test_the_commands_run(westwijk, settings):
    settings.DEBUG = True
    call_command("sync_offers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_social_map_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Offer.objects.filter(is_example=True).exists()
    assert Offer.objects.filter(is_example=False, is_published=True).exists()
