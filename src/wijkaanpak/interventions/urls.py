from django.urls import path

from . import views, views_coverage, views_edition, views_money, views_reach, views_staff

app_name = "interventions"
urlpatterns = [
    path(
        "<slug:area>/edities/<int:year>/interventies/<int:pk>/status/",
        views_edition.edition_status,
        name="edition-status",
    ),
    path("<slug:area>/interventies/", views.intervention_list, name="list"),
    path("<slug:area>/interventies/beheer/", views_staff.staff_list, name="staff-list"),
    path(
        "<slug:area>/interventies/beheer/<int:pk>/status/",
        views_staff.status_change,
        name="staff-status",
    ),
    path(
        "<slug:area>/interventies/beheer/<int:pk>/gegevens/",
        views_staff.plan_edit,
        name="staff-plan",
    ),
    path(
        "<slug:area>/interventies/beheer/<int:pk>/evaluatie/",
        views_staff.evaluation_add,
        name="staff-evaluation",
    ),
    path("<slug:area>/interventies/<slug:slug>/", views.intervention_detail, name="detail"),
    # Money (issue 4, item 2): public overview per year, staff budgets and entries.
    path("<slug:area>/geld/", views_money.money_redirect, name="money-current"),
    path("<slug:area>/geld/<int:year>/", views_money.money_overview, name="money"),
    path(
        "<slug:area>/geld/<int:year>/lijnbudget/",
        views_money.line_budget_set,
        name="line-budget",
    ),
    path(
        "<slug:area>/interventies/<slug:slug>/geld/",
        views_money.spending_add,
        name="spending-add",
    ),
    path(
        "<slug:area>/interventies/<slug:slug>/geld/budget/",
        views_money.intervention_budget_set,
        name="intervention-budget",
    ),
    # Reach (issue 4, item 3): public totals, staff entry.
    path("<slug:area>/bereik/", views_reach.reach_overview, name="reach-overview"),
    path(
        "<slug:area>/interventies/<slug:slug>/bereik/",
        views_reach.intervention_reach,
        name="reach",
    ),
    path(
        "<slug:area>/interventies/<slug:slug>/bereik/nieuw/",
        views_reach.reach_add,
        name="reach-add",
    ),
    # Coverage (issue 4, item 5): public matrices and their downloads.
    path("<slug:area>/sluitend-aanbod/", views_coverage.coverage_index, name="coverage"),
    path(
        "<slug:area>/sluitend-aanbod/doelen/",
        views_coverage.coverage_goals,
        name="coverage-goals",
    ),
    path(
        "<slug:area>/sluitend-aanbod/doelen.csv",
        views_coverage.coverage_goals_download,
        {"fmt": "csv"},
        name="coverage-goals-csv",
    ),
    path(
        "<slug:area>/sluitend-aanbod/doelen.xlsx",
        views_coverage.coverage_goals_download,
        {"fmt": "xlsx"},
        name="coverage-goals-xlsx",
    ),
    path(
        "<slug:area>/sluitend-aanbod/leeftijd-en-thema/",
        views_coverage.coverage_ages,
        name="coverage-ages",
    ),
    path(
        "<slug:area>/sluitend-aanbod/leeftijd-en-thema.csv",
        views_coverage.coverage_ages_download,
        {"fmt": "csv"},
        name="coverage-ages-csv",
    ),
    path(
        "<slug:area>/sluitend-aanbod/leeftijd-en-thema.xlsx",
        views_coverage.coverage_ages_download,
        {"fmt": "xlsx"},
        name="coverage-ages-xlsx",
    ),
]
