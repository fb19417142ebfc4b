from django.urls import path  # noqa: F401  (being built)

urlpatterns: list = []
