"""Mounted at api/v1/national-comparison/ by api_urls.py."""

from django.urls import path

from .comparison import NationalComparisonView

urlpatterns = [
    path("", NationalComparisonView.as_view(), name="v1-national-comparison"),
]
