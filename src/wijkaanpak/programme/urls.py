from django.urls import path

from .views import edition_edits, editions, national, pages, staff

app_name = "programme"
urlpatterns = [
    path("", pages.home, name="home"),
    # Before the area routes: "vergelijken" is a reserved slug, never an area.
    path("vergelijken/", national.national_comparison_page, name="national-comparison"),
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
    # Editions: the yearly re-calibration.
    path("<slug:area>/edities/", editions.edition_list, name="editions"),
    path("<slug:area>/edities/nieuw/", editions.edition_start, name="edition-start"),
    path("<slug:area>/edities/verschillen/", editions.edition_diff, name="edition-diff"),
    path("<slug:area>/edities/<int:year>/", editions.edition_detail, name="edition"),
    path(
        "<slug:area>/edities/<int:year>/toelichting/",
        editions.edition_rationale,
        name="edition-rationale",
    ),
    path(
        "<slug:area>/edities/<int:year>/vaststellen/",
        editions.edition_adopt,
        name="edition-adopt",
    ),
    path(
        "<slug:area>/edities/<int:year>/streefwaarden/<slug:indicator>/",
        edition_edits.target_edit,
        name="edition-target",
    ),
    path(
        "<slug:area>/edities/<int:year>/lijnen/<slug:line>/doel-toevoegen/",
        edition_edits.goal_add,
        name="edition-goal-add",
    ),
    path(
        "<slug:area>/edities/<int:year>/doelen/<int:pk>/",
        edition_edits.goal_edit,
        name="edition-goal",
    ),
    path(
        "<slug:area>/edities/<int:year>/doelen/<int:pk>/verwijderen/",
        edition_edits.goal_remove,
        name="edition-goal-remove",
    ),
    path(
        "<slug:area>/edities/<int:year>/verhalen/<slug:indicator>/",
        edition_edits.story_edit,
        name="edition-story",
    ),
]
