"""Who may do what at the question desk. Views ask these; tests cover each rule both ways.

Which areas a staff member works in is one rule for the whole site: areas.access.
"""

from wijkaanpak.areas.access import area_for, areas_of

VIEW = "questiondesk.view_question"
ADD = "questiondesk.add_question"
CHANGE = "questiondesk.change_question"
# A warm referral is made on the referrals page, which checks this right itself; the form
# only offers it to staff who may make one.
ADD_REFERRAL = "referrals.add_referral"

__all__ = ["ADD", "ADD_REFERRAL", "CHANGE", "VIEW", "area_for", "areas_of"]
