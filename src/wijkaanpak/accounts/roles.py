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

# The wijkschouw: plans rounds, records participants and findings, agrees on follow-up.
# Staff of an organisation that owns an action may close it without this role.
INSPECTION_COORDINATOR = "inspection_coordinator"
ROLE_NAMES[INSPECTION_COORDINATOR] = _("Coördinator wijkschouw")
ROLE_PERMISSIONS[INSPECTION_COORDINATOR] = [
    "areas.view_area",
    "areas.view_neighbourhood",
    "areas.view_organisation",
    "inspections.view_inspectionround",
    "inspections.add_inspectionround",
    "inspections.change_inspectionround",
    "inspections.view_participant",
    "inspections.add_participant",
    "inspections.change_participant",
    "inspections.view_finding",
    "inspections.add_finding",
    "inspections.change_finding",
    "inspections.view_action",
    "inspections.add_action",
    "inspections.change_action",
    "reports.view_category",
]

# Handles public-space reports for their own organisation(s) (a Membership scopes them, A1).
# A read-only variant is a user with only reports.view_report: they see, never change.
REPORT_HANDLER = "report_handler"
ROLE_NAMES[REPORT_HANDLER] = _("Behandelaar meldingen")
ROLE_PERMISSIONS[REPORT_HANDLER] = [
    "areas.view_neighbourhood",
    "areas.view_organisation",
    "reports.view_category",
    "reports.view_report",
    "reports.change_report",
    "reports.view_reportcontact",
    "reports.view_reportphoto",
    "reports.view_reportevent",
]

# Yearly re-calibration (issue 4): the coordinator starts, edits and adopts an edition and
# keeps the curve stories; the steering group reads the curve stories.
ROLE_PERMISSIONS[COORDINATOR] += [
    "programme.add_programme",
    "programme.change_programme",
    "programme.add_goal",
    "programme.delete_goal",
    "programme.view_curvestory",
    "programme.add_curvestory",
    "programme.change_curvestory",
]
ROLE_PERMISSIONS[STEERING_GROUP] = [*ROLE_PERMISSIONS[STEERING_GROUP], "programme.view_curvestory"]

# Intervention lifecycle and evaluations (issue 4): the coordinator records status changes
# and evaluations; the steering group reads them.
ROLE_PERMISSIONS[COORDINATOR] += [
    "interventions.view_statuschange",
    "interventions.add_statuschange",
    "interventions.view_evaluation",
    "interventions.add_evaluation",
]
ROLE_PERMISSIONS[STEERING_GROUP] = [
    *ROLE_PERMISSIONS[STEERING_GROUP],
    "interventions.view_statuschange",
    "interventions.view_evaluation",
]

# The social map (issue 5): the coordinator keeps the offer up to date.
ROLE_PERMISSIONS[COORDINATOR] += [
    "socialmap.view_offer",
    "socialmap.add_offer",
    "socialmap.change_offer",
    "socialmap.view_event",
    "socialmap.add_event",
    "socialmap.change_event",
    "socialmap.delete_event",
    "socialmap.view_openinghours",
    "socialmap.add_openinghours",
    "socialmap.change_openinghours",
    "socialmap.delete_openinghours",
]

# Warm referrals (issue 5). A referrer (family specialist, social worker, ...) records consent
# and refers; a receiver handles the referrals addressed to their organisation. Both see only
# referrals their own organisation sent or received (Referral.objects.visible_to).
REFERRER = "referrer"
ROLE_NAMES[REFERRER] = _("Verwijzer (gezinsspecialist, maatschappelijk werker)")
ROLE_PERMISSIONS[REFERRER] = [
    "socialmap.view_offer",
    "referrals.view_referral",
    "referrals.add_referral",
    "referrals.add_consent",
    "referrals.view_consent",
]
REFERRAL_RECEIVER = "referral_receiver"
ROLE_NAMES[REFERRAL_RECEIVER] = _("Ontvanger van verwijzingen")
ROLE_PERMISSIONS[REFERRAL_RECEIVER] = [
    "socialmap.view_offer",
    "referrals.view_referral",
    "referrals.change_referral",
]
# Answers requests of data subjects (inzage, erasure) for the whole area: one of the few
# "see everything" accounts, and every use is in the processing log (A4, P7).
PRIVACY_OFFICER = "privacy_officer"
ROLE_NAMES[PRIVACY_OFFICER] = _("Privacyfunctionaris (verzoeken van betrokkenen)")
ROLE_PERMISSIONS[PRIVACY_OFFICER] = [
    "referrals.handle_subject_request",
]

# The question desk of the programme office (issue 5): no personal data is recorded.
QUESTION_DESK = "question_desk"
ROLE_NAMES[QUESTION_DESK] = _("Medewerker tweede huiskamer")
ROLE_PERMISSIONS[QUESTION_DESK] = [
    "areas.view_neighbourhood",
    "areas.view_organisation",
    "questiondesk.view_question",
    "questiondesk.add_question",
    "questiondesk.change_question",
]
ROLE_PERMISSIONS[COORDINATOR] += ["questiondesk.view_question"]
