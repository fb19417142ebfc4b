"""Public report pages, included at the site root (no login)."""

from django.urls import path

from .views import public

app_name = "reports_public"

urlpatterns = [
    path("meldingen/status/<str:token>/", public.report_status, name="status"),
    path("<slug:area>/meldingen/", public.overview, name="overview"),
    path("<slug:area>/meldingen/nieuw/", public.report_new, name="new"),
    path("<slug:area>/meldingen/ontvangen/<str:token>/", public.report_received, name="received"),
]
