from django.urls import path

from .views import pages, staff

app_name = "programme"
urlpatterns = [
    path("", pages.home, name="home"),
    path("<slug:area>/", pages.overview, name="overview"),
    path("<slug:area>/lijnen/<slug:line>/", pages.line_detail, name="line"),
    path("<slug:area>/indicatoren/<slug:indicator>/", pages.indicator_detail, name="indicator"),
    path("<slug:area>/datakwaliteit/", pages.data_quality_page, name="data-quality"),
    path("<slug:area>/metingen/nieuw/", staff.measurement_add, name="measurement-add"),
    path("<slug:area>/metingen/importeren/", staff.measurement_import, name="measurement-import"),
    path(
        "<slug:area>/metingen/importeren/voorbeeld.csv",
        staff.measurement_import_template,
        name="measurement-import-template",
    ),
    path(
        "<slug:area>/metingen/<int:pk>/corrigeren/",
        staff.measurement_correct,
        name="measurement-correct",
    ),
]
