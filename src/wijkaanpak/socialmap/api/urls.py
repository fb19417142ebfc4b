"""HSDS 3 read API of the social map."""

urlpatterns: list = []
