"""Pages of the socialmap app."""

app_name = "socialmap"

urlpatterns: list = []
