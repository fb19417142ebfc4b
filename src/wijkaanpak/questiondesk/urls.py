"""Pages of the questiondesk app."""

app_name = "questiondesk"

urlpatterns: list = []
