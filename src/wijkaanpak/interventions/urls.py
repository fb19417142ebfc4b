from django.urls import path

from . import views

app_name = "interventions"
urlpatterns = [
    path("<slug:area>/interventies/", views.intervention_list, name="list"),
    path("<slug:area>/interventies/<slug:slug>/", views.intervention_detail, name="detail"),
]
