"""The HSDS 3 export of one area's social map: one JSON document (see docs/hsds.md).

The services are fully nested, as the API's /services/{id} returns them, so a reader can
take them alone. The other lists hold every organisation, location and
service-at-location once, for readers that join tables by id. The same data gives the
same document, byte for byte: no export time is written and every list has a fixed order.
"""

from .catalogue import Catalogue
from .serialise import location_full, organization_brief, service_at_location, service_full
from .taxonomy import taxonomy, terms

HSDS_VERSION = "3.0"


def export_document(area) -> dict:
    catalogue = Catalogue.published(area_slug=area.slug)
    return {
        "version": HSDS_VERSION,
        "area": area.slug,
        "organizations": [organization_brief(org) for org in catalogue.organisations],
        "services": [service_full(offer, catalogue) for offer in catalogue.offers],
        "locations": [location_full(place) for place in catalogue.places],
        "service_at_locations": [service_at_location(*pair) for pair in catalogue.pairs],
        "taxonomies": [taxonomy()],
        "taxonomy_terms": terms(),
    }
