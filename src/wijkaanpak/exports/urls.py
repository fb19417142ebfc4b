from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [
    path("<slug:area>/export.xlsx", views.export_xlsx, name="xlsx"),
    path("<slug:area>/export.json", views.export_json, name="json"),
]
