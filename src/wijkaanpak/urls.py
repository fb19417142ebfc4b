from django.contrib import admin
from django.urls import include, path

# Fixed prefixes first: an area's slug can never shadow them.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("wijkaanpak.accounts.urls")),
    path("api/", include("wijkaanpak.api_urls")),
    path("open311/v2/", include("wijkaanpak.open311.urls")),
    path("behandelen/", include("wijkaanpak.reports.urls_handlers")),
    path("", include("wijkaanpak.reports.urls_public")),
    path("", include("wijkaanpak.inspections.urls")),
    path("", include("wijkaanpak.socialmap.urls")),
    path("", include("wijkaanpak.referrals.urls")),
    path("", include("wijkaanpak.referrals.urls_subject")),
    path("", include("wijkaanpak.questiondesk.urls")),
    path("", include("wijkaanpak.exports.urls")),
    path("", include("wijkaanpak.programme.urls")),
    path("", include("wijkaanpak.interventions.urls")),
]
