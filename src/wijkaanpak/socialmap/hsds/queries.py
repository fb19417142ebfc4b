"""The filters of the HSDS list endpoints, on a loaded Catalogue.

Services are searched as the social map's search box does (services.search.matching_text:
every word must match, Dutch word forms count: "zwemmen" finds "zwemles"); other objects
by a plain case-insensitive substring. An id that names nothing we publish matches
nothing: an empty list, not an error.
"""

from ..models import Offer
from ..services.search import matching_text
from .taxonomy import theme_of_term


def contains(search: str, *texts: str) -> bool:
    return search.casefold() in "\n".join(texts).casefold()


def _found_by_words(catalogue, search: str) -> set[int]:
    offers = Offer.objects.filter(pk__in=[offer.pk for offer in catalogue.offers])
    return set(matching_text(offers, search).values_list("pk", flat=True))


def _offer_filter(catalogue, taxonomy_term_id=None, organization_id=None):
    theme = theme_of_term(str(taxonomy_term_id)) if taxonomy_term_id is not None else None
    organisation = catalogue.organisation(str(organization_id)) if organization_id else None

    def keep(offer) -> bool:
        if taxonomy_term_id is not None and theme not in offer.themes:
            return False
        if organization_id is not None:
            return organisation is not None and offer.organisation_id == organisation.pk
        return True

    return keep


def services(catalogue, search="", taxonomy_term_id=None, organization_id=None) -> list:
    keep = _offer_filter(catalogue, taxonomy_term_id, organization_id)
    found = _found_by_words(catalogue, search) if search else None
    return [
        offer for offer in catalogue.offers if keep(offer) and (found is None or offer.pk in found)
    ]


def service_at_locations(catalogue, search="", taxonomy_term_id=None, organization_id=None):
    """Pairs of (offer, place); `search` also finds the place by (part of) its name."""
    keep = _offer_filter(catalogue, taxonomy_term_id, organization_id)
    found = _found_by_words(catalogue, search) if search else None
    return [
        (offer, place)
        for offer, place in catalogue.pairs
        if keep(offer) and (found is None or offer.pk in found or contains(search, place.name))
    ]


def organisations(catalogue, search="") -> list:
    return [org for org in catalogue.organisations if contains(search, org.name, org.description)]


def by_text(objects: list[dict], search="", *keys: str) -> list[dict]:
    """Taxonomies and terms: those whose given fields contain `search`."""
    return [obj for obj in objects if contains(search, *(obj.get(key, "") for key in keys))]
