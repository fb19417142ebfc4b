"""HSDS 3 read API of the social map: public, read-only, in the HSDS list and detail shapes.

Only published offers, with their organisations and places, exist here; any other id is a
404. The objects come from wijkaanpak.socialmap.hsds, as in the export.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkaanpak.areas.models import Area
from wijkaanpak.programme.api.filters import validated

from ..hsds import queries
from ..hsds.catalogue import Catalogue
from ..hsds.export import HSDS_VERSION, export_document
from ..hsds.paging import page
from ..hsds.serialise import (
    location_brief,
    location_full,
    organization_brief,
    organization_full,
    service_at_location,
    service_brief,
    service_full,
)
from ..hsds.taxonomy import taxonomy, terms
from . import schema
from .params import AreaParams, ListParams, ServiceParams

ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The HSDS id.")


class Public:
    # Anyone may read. Throttling is the project default, as for the rest of the public API
    # (the anonymous rate in settings.REST_FRAMEWORK).
    permission_classes = [permissions.AllowAny]


class HSDSViewSet(Public, viewsets.ViewSet):
    """One HSDS object type: `items` lists, `find` looks one up; `brief`/`full` render."""

    params_class = ListParams

    def items(self, params: dict) -> list:
        raise NotImplementedError

    def find(self, hsds_id: str):
        raise NotImplementedError

    def brief(self, item) -> dict:
        return item

    def full(self, item) -> dict:
        return item

    def list(self, request):
        params = validated(self.params_class, request)
        return Response(page(self.items(params), params["page"], params["per_page"], self.brief))

    def retrieve(self, request, id):
        item = self.find(str(id))
        if item is None:
            raise Http404(_("Dit id kennen we niet, of het is niet openbaar."))
        return Response(self.full(item))


TAGS = ["hsds"]


def described(name: str, params, item, detail, about: str):
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {name}",
            description=about + " In the HSDS 3 list shape; a page past the last one is empty.",
            parameters=[params],
            responses=schema.page_of(item),
            tags=TAGS,
        ),
        retrieve=extend_schema(
            summary=f"Get one of the {name}",
            description="In the HSDS 3 detail shape, with related objects nested. An unknown "
            "or unpublished id is a 404.",
            parameters=[ID],
            responses=detail,
            tags=TAGS,
        ),
    )


@described(
    "services",
    ServiceParams,
    schema.HSDSServiceListItem,
    schema.component("service"),
    "Published offers of the social map with their one-to-one fields; one service has "
    "everything nested: organization, locations, schedules, themes.",
)
class ServiceViewSet(HSDSViewSet):
    params_class = ServiceParams

    def items(self, params):
        self.catalogue = Catalogue.published(params.get("area"))
        return queries.services(
            self.catalogue,
            params.get("search", ""),
            params.get("taxonomy_term_id"),
            params.get("organization_id"),
        )

    def find(self, hsds_id):
        self.catalogue = Catalogue.published()
        return self.catalogue.service(hsds_id)

    def brief(self, offer):
        return service_brief(offer)

    def full(self, offer):
        return service_full(offer, self.catalogue)


@described(
    "organizations",
    AreaParams,
    schema.HSDSOrganizationListItem,
    schema.HSDSOrganizationDetail,
    "Organisations that run a published offer or own one of its places; one organization "
    "lists its services and its locations.",
)
class OrganizationViewSet(HSDSViewSet):
    params_class = AreaParams

    def items(self, params):
        self.catalogue = Catalogue.published(params.get("area"))
        return queries.organisations(self.catalogue, params.get("search", ""))

    def find(self, hsds_id):
        self.catalogue = Catalogue.published()
        return self.catalogue.organisation(hsds_id)

    def brief(self, organisation):
        return organization_brief(organisation)

    def full(self, organisation):
        return organization_full(organisation, self.catalogue)


@described(
    "services at locations",
    ServiceParams,
    schema.HSDSServiceAtLocationListItem,
    schema.HSDSServiceAtLocationDetail,
    "Each published offer at each of its places, with the location and the service; `search` "
    "also finds the place's name.",
)
class ServiceAtLocationViewSet(HSDSViewSet):
    params_class = ServiceParams

    def items(self, params):
        self.catalogue = Catalogue.published(params.get("area"))
        return queries.service_at_locations(
            self.catalogue,
            params.get("search", ""),
            params.get("taxonomy_term_id"),
            params.get("organization_id"),
        )

    def find(self, hsds_id):
        return Catalogue.published().pair(hsds_id)

    def brief(self, pair):
        return service_at_location(*pair, location=location_brief, service=True, schedules=False)

    def full(self, pair):
        return service_at_location(*pair, location=location_full, service=True)


@described(
    "taxonomies",
    ListParams,
    schema.component("taxonomy"),
    schema.component("taxonomy"),
    "One taxonomy: `wijkaanpak-thema`, the ten themes of the programme office.",
)
class TaxonomyViewSet(HSDSViewSet):
    def items(self, params):
        return queries.by_text([taxonomy()], params.get("search", ""), "name", "description")

    def find(self, hsds_id):
        return next((item for item in [taxonomy()] if item["id"] == hsds_id), None)


@described(
    "taxonomy terms",
    ListParams,
    schema.component("taxonomy_term"),
    schema.component("taxonomy_term"),
    "The ten themes; `code` is the theme's code in the rest of the API, `name` its Dutch label.",
)
class TaxonomyTermViewSet(HSDSViewSet):
    def items(self, params):
        return queries.by_text(terms(), params.get("search", ""), "code", "name")

    def find(self, hsds_id):
        return next((term for term in terms() if term["id"] == hsds_id), None)


class RootView(Public, APIView):
    @extend_schema(
        summary="About this HSDS API",
        description="The HSDS version and where this API's OpenAPI description is.",
        responses=schema.HSDSRoot,
        tags=TAGS,
    )
    def get(self, request):
        schema_url = settings.SITE_URL + reverse("api-schema") + "?format=json"
        return Response({"version": HSDS_VERSION, "openapi_url": schema_url})


class ExportView(Public, APIView):
    renderer_classes = [JSONRenderer]  # a file to save, also when a browser asks

    @extend_schema(
        summary="Download an area's HSDS export",
        description="The document `manage.py export_hsds --area <slug>` writes (docs/hsds.md).",
        responses=OpenApiTypes.OBJECT,
        tags=TAGS,
    )
    def get(self, request, area):
        found = get_object_or_404(Area, slug=area)
        response = Response(export_document(found))
        response["Content-Disposition"] = f'attachment; filename="hsds-{found.slug}.json"'
        return response
