"""Staff roles as Django groups. Rights are named by codename so accounts imports no domain app.

Read and write rights are separate (security.md A4): a steering-group member reads, a
coordinator writes. Nobody gets "see everything" through a role; superusers are made by hand.
"""

from django.utils.translation import gettext_lazy as _

COORDINATOR = "programme_coordinator"
STEERING_GROUP = "steering_group_member"

ROLE_NAMES = {
    COORDINATOR: _("Programmacoördinator"),
    STEERING_GROUP: _("Lid van de stuurgroep"),
}

_READ_PROGRAMME = [
    "programme.view_programme",
    "programme.view_programmeline",
    "programme.view_goal",
    "programme.view_horizon",
    "programme.view_indicator",
    "programme.view_referencevalue",
    "programme.view_target",
    "programme.view_measurement",
    "programme.view_sourcenote",
    "interventions.view_intervention",
    "areas.view_area",
    "areas.view_neighbourhood",
    "areas.view_organisation",
    "areas.view_place",
]

ROLE_PERMISSIONS = {
    STEERING_GROUP: _READ_PROGRAMME,
    COORDINATOR: [
        *_READ_PROGRAMME,
        "programme.change_programmeline",
        "programme.change_goal",
        "programme.add_indicator",
        "programme.change_indicator",
        "programme.add_referencevalue",
        "programme.change_referencevalue",
        "programme.add_target",
        "programme.change_target",
        "programme.add_measurement",
        "programme.change_measurement",
        "programme.add_sourcenote",
        "programme.change_sourcenote",
        "interventions.add_intervention",
        "interventions.change_intervention",
    ],
}
