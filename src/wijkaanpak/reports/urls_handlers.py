"""Handler pages, mounted at behandelen/ (login, rights and a second factor required)."""

from django.urls import path

from .views import handlers

app_name = "reports_handlers"

urlpatterns = [
    path("", handlers.queue, name="queue"),
    path("oppakken/", handlers.bulk_pickup, name="bulk-pickup"),
    path("<str:reference>/", handlers.detail, name="detail"),
    path("<str:reference>/fotos/<int:photo_id>/", handlers.photo, name="photo"),
    path("<str:reference>/<slug:action>/", handlers.report_action, name="action"),
]
