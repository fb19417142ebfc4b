from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.verify, name="second-factor"),
    path("inloggen/app-koppelen/", views.enrol, name="enrol"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]
