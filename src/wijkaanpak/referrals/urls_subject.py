"""Pages of the privacy officer for requests of referred people (inzage, erasure)."""

from django.urls import path

from . import views_subject

app_name = "referrals_subject"

urlpatterns = [
    path("<slug:area_slug>/privacy/verzoeken/", views_subject.search, name="search"),
    path("<slug:area_slug>/privacy/verzoeken/persoon/", views_subject.person, name="person"),
    path(
        "<slug:area_slug>/privacy/verzoeken/persoon/inzage.json",
        views_subject.export_json,
        name="export",
    ),
    path("<slug:area_slug>/privacy/verzoeken/persoon/wissen/", views_subject.erase, name="erase"),
]
