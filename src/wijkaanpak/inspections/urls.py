from django.urls import path

from .views import public, staff

app_name = "inspections"
urlpatterns = [
    path("<slug:area>/wijkschouw/", public.schedule, name="schedule"),
    path("<slug:area>/wijkschouw/acties/", public.open_actions, name="open-actions"),
    path("<slug:area>/wijkschouw/<int:pk>/", public.round_report, name="round"),
    path("<slug:area>/wijkschouw/beheer/", staff.round_list, name="manage-list"),
    path("<slug:area>/wijkschouw/beheer/<int:pk>/", staff.round_manage, name="manage"),
    path(
        "<slug:area>/wijkschouw/beheer/<int:pk>/datum/",
        staff.round_reschedule,
        name="reschedule",
    ),
    path("<slug:area>/wijkschouw/beheer/<int:pk>/gehouden/", staff.round_held, name="held"),
    path("<slug:area>/wijkschouw/beheer/<int:pk>/afgelast/", staff.round_cancel, name="cancel"),
    path(
        "<slug:area>/wijkschouw/beheer/<int:pk>/deelnemers/",
        staff.participant_add,
        name="participant-add",
    ),
    path(
        "<slug:area>/wijkschouw/beheer/<int:pk>/bevindingen/",
        staff.finding_add,
        name="finding-add",
    ),
    path(
        "<slug:area>/wijkschouw/beheer/bevindingen/<int:pk>/melding/",
        staff.finding_to_report,
        name="finding-report",
    ),
    path(
        "<slug:area>/wijkschouw/beheer/bevindingen/<int:pk>/actie/",
        staff.action_add,
        name="action-add",
    ),
    path("<slug:area>/wijkschouw/beheer/acties/", staff.my_actions, name="my-actions"),
    path(
        "<slug:area>/wijkschouw/beheer/acties/<int:pk>/afronden/",
        staff.action_complete,
        name="action-complete",
    ),
]
