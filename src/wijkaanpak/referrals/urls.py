"""Staff pages for warm referrals: the referrer's list and form, the receiver's inbox."""

from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("<slug:area_slug>/verwijzingen/", views.referral_list, name="list"),
    path("<slug:area_slug>/verwijzingen/nieuw/", views.referral_new, name="new"),
    path("<slug:area_slug>/verwijzingen/<str:reference>/", views.referral_detail, name="detail"),
    path(
        "<slug:area_slug>/verwijzingen/<str:reference>/stap/<slug:to_state>/",
        views.referral_step,
        name="step",
    ),
]
