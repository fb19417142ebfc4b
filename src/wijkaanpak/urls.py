from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("wijkaanpak.accounts.urls")),
    path("api/", include("wijkaanpak.api_urls")),
    path("", include("wijkaanpak.exports.urls")),
    path("", include("wijkaanpak.programme.urls")),
    path("", include("wijkaanpak.interventions.urls")),
]
