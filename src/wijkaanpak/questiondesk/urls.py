"""Staff pages of the question desk ("tweede huiskamer")."""

from django.urls import path

from . import views

app_name = "questiondesk"

urlpatterns = [
    path("<slug:area>/vragen/", views.question_list, name="list"),
    path("<slug:area>/vragen/nieuw/", views.question_new, name="new"),
    path("<slug:area>/vragen/terugkomen/", views.follow_ups, name="follow-ups"),
    path(
        "<slug:area>/vragen/<int:pk>/teruggekomen/",
        views.follow_up_done,
        name="follow-up-done",
    ),
    path("<slug:area>/vragen/overzicht/", views.overview, name="overview"),
    path("<slug:area>/vragen/overzicht.csv", views.overview_csv, name="overview-csv"),
]
