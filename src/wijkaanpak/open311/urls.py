"""GeoReport v2 under /open311/v2/: every resource with a format suffix (.json or .xml)."""

from django.urls import re_path

from . import views

app_name = "open311"

# Any suffix reaches the view, which answers an unknown one with a 404 in the spec's form.
_FMT = r"\.(?P<fmt>[A-Za-z0-9]+)$"

urlpatterns = [
    re_path(r"^services" + _FMT, views.service_list, name="services"),
    re_path(r"^services/(?P<service_code>[^/.]+)" + _FMT, views.service_definition, name="service"),
    re_path(r"^requests" + _FMT, views.request_list, name="requests"),
    re_path(
        r"^requests/(?P<service_request_id>[^/.]+)" + _FMT, views.request_detail, name="request"
    ),
]
