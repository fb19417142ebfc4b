"""HSDS 3 read API of the social map, under api/v1/hsds/ (namespace "hsds")."""

from django.urls import path

from .views import (
    ExportView,
    OrganizationViewSet,
    RootView,
    ServiceAtLocationViewSet,
    ServiceViewSet,
    TaxonomyTermViewSet,
    TaxonomyViewSet,
)

RESOURCES = [
    ("services", ServiceViewSet, "service"),
    ("organizations", OrganizationViewSet, "organization"),
    ("service_at_locations", ServiceAtLocationViewSet, "service-at-location"),
    ("taxonomies", TaxonomyViewSet, "taxonomy"),
    ("taxonomy_terms", TaxonomyTermViewSet, "taxonomy-term"),
]

urlpatterns = [
    path("", RootView.as_view(), name="root"),
    path("export/<slug:area>/", ExportView.as_view(), name="export"),
]
for prefix, viewset, name in RESOURCES:
    urlpatterns += [
        path(f"{prefix}/", viewset.as_view({"get": "list"}), name=f"{name}-list"),
        path(f"{prefix}/<uuid:id>/", viewset.as_view({"get": "retrieve"}), name=f"{name}-detail"),
    ]
