"""The published part of the social map, loaded in a fixed number of queries.

Only published offers are exported, with their organisations (who runs an offer, or owns
one of its places) and their places (linked to the offer, or where one of its events is).
A neighbourhood's social map holds hundreds of offers at most, so the API and the export
load it whole and filter in Python; the UUIDs are derived, not stored, so they could not
be looked up in SQL anyway.
"""

from django.db.models import Prefetch

from wijkaanpak.areas.models import Place

from ..models import Event, Offer
from .ids import model_id, stable_id


def _by_name(objects):
    return sorted(objects, key=lambda obj: (obj.name.casefold(), obj.pk))


def service_at_location_id(offer, place) -> str:
    return stable_id("socialmap.offer.places", offer.pk, place.pk)


class Catalogue:
    def __init__(self, offers):
        self.offers = _by_name(offers)
        self._places_of = {offer.pk: self._collect_places(offer) for offer in self.offers}
        places = {place.pk: place for found in self._places_of.values() for place in found}
        self.places = _by_name(places.values())
        organisations = {o.organisation.pk: o.organisation for o in offers if o.organisation}
        organisations.update(
            {p.organisation.pk: p.organisation for p in self.places if p.organisation}
        )
        self.organisations = _by_name(organisations.values())
        self.pairs = [(offer, place) for offer in self.offers for place in self.places_of(offer)]
        self._services = {model_id(offer): offer for offer in self.offers}
        self._organisations = {model_id(org): org for org in self.organisations}
        self._pairs = {service_at_location_id(*pair): pair for pair in self.pairs}

    @classmethod
    def published(cls, area_slug: str | None = None) -> "Catalogue":
        places = Place.objects.select_related("area", "organisation").prefetch_related(
            "opening_hours"
        )
        offers = (
            Offer.objects.filter(is_published=True)
            .select_related("area", "organisation")
            .prefetch_related(
                Prefetch("places", queryset=places),
                Prefetch(
                    "events",
                    queryset=Event.objects.order_by("starts_at", "pk").prefetch_related(
                        Prefetch("place", queryset=places)
                    ),
                ),
            )
        )
        if area_slug:
            offers = offers.filter(area__slug=area_slug)
        return cls(list(offers))

    @staticmethod
    def _collect_places(offer) -> list:
        places = {place.pk: place for place in offer.places.all()}
        places.update({e.place.pk: e.place for e in offer.events.all() if e.place})
        return _by_name(places.values())

    def places_of(self, offer) -> list:
        return self._places_of[offer.pk]

    def offers_of(self, organisation) -> list:
        return [offer for offer in self.offers if offer.organisation_id == organisation.pk]

    def places_owned_by(self, organisation) -> list:
        return [place for place in self.places if place.organisation_id == organisation.pk]

    def service(self, hsds_id: str):
        return self._services.get(hsds_id)

    def organisation(self, hsds_id: str):
        return self._organisations.get(hsds_id)

    def pair(self, hsds_id: str):
        return self._pairs.get(hsds_id)
