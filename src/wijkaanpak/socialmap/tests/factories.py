"""Factories for the social map.

They build on the Westwijk: the area (slug "westwijk"), its neighbourhoods and places are
fetched when the `westwijk` fixture loaded them and created otherwise, so a test can use
them with or without the real programme.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import factory

from wijkaanpak.areas.models import Area, Neighbourhood, Place
from wijkaanpak.interventions.models import Theme
from wijkaanpak.socialmap.models import Event, Offer, OpeningHours

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class WestwijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    slug = "westwijk"
    name = "Westwijk"
    municipality = "Vlaardingen"


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    """Default: Wetering in the Westwijk. `slug="lage-weide", name="Lage Weide"` for another."""

    class Meta:
        model = Neighbourhood
        django_get_or_create = ("area", "slug")

    area = factory.SubFactory(WestwijkFactory)
    slug = "wetering"
    name = "Wetering"
    role = Neighbourhood.Role.QUADRANT


class PlaceFactory(factory.django.DjangoModelFactory):
    """A place in Wetering; pass `slug="ikc-de-wereldwijzer"` to reuse a loaded place."""

    class Meta:
        model = Place
        django_get_or_create = ("area", "slug")

    area = factory.SubFactory(WestwijkFactory)
    neighbourhood = factory.SubFactory(NeighbourhoodFactory, area=factory.SelfAttribute("..area"))
    slug = factory.Sequence(lambda n: f"buurthuis-{n}")
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    address = factory.Sequence(lambda n: f"Wetering {n + 1}")
    postal_code = "3132 AA"
    city = "Vlaardingen"


class OfferFactory(factory.django.DjangoModelFactory):
    """A published partner service; `places=[place, ...]` links places after creation."""

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    area = factory.SubFactory(WestwijkFactory)
    kind = Offer.Kind.SERVICE
    name = factory.Sequence(lambda n: f"Activiteit {n}")
    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    summary = "Samen spelen en leren in de buurt."
    description = ""
    themes = factory.LazyFunction(lambda: [Theme.LEISURE.value])
    is_free = True
    is_published = True

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if create and extracted:
            self.places.set(extracted)


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    place = factory.SubFactory(PlaceFactory)
    weekday = OpeningHours.Weekday.WEDNESDAY
    opens_at = dt.time(9, 0)
    closes_at = dt.time(17, 0)


class EventFactory(factory.django.DjangoModelFactory):
    """Weekly on Wednesday 15:00-16:30 Amsterdam time, from 7 January 2026, at a Wetering place."""

    class Meta:
        model = Event

    offer = factory.SubFactory(OfferFactory)
    place = factory.SubFactory(PlaceFactory, area=factory.SelfAttribute("..offer.area"))
    starts_at = dt.datetime(2026, 1, 7, 15, 0, tzinfo=AMSTERDAM)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=90))
    recurrence_rule = "FREQ=WEEKLY;BYDAY=WE"
    cancelled_dates = factory.LazyFunction(list)
