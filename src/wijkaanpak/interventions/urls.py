from django.urls import path

from . import views, views_staff

app_name = "interventions"
urlpatterns = [
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
]
