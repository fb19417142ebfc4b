"""The read API of every app, under one router, plus the OpenAPI schema and its docs page."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework.routers import DefaultRouter

from wijkaanpak.interventions.api.coverage import CoverageView
from wijkaanpak.interventions.api.views import InterventionViewSet
from wijkaanpak.programme.api.views import (
    GoalViewSet,
    IndicatorViewSet,
    LineViewSet,
    ProgrammeViewSet,
)
from wijkaanpak.reports.api.views import ReportViewSet

router = DefaultRouter()
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("lines", LineViewSet, basename="line")
router.register("goals", GoalViewSet, basename="goal")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("interventions", InterventionViewSet, basename="intervention")
router.register("reports", ReportViewSet, basename="report")

urlpatterns = [
    # Not a router route: the matrices belong to an edition but are computed, not stored.
    path("v1/programmes/<int:pk>/coverage/", CoverageView.as_view(), name="v1-coverage"),
    path("v1/national-comparison/", include("wijkaanpak.programme.api.comparison_urls")),
    path("v1/", include((router.urls, "api"), namespace="v1")),
    path("v1/hsds/", include(("wijkaanpak.socialmap.api.urls", "hsds"), namespace="hsds")),
    path(
        "v1/referrals/",
        include(("wijkaanpak.referrals.api.urls", "referrals-api"), namespace="referrals-api"),
    ),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
]
