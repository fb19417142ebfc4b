"""Who may do what with inspections. Views ask these; tests cover each rule both ways."""

from wijkaanpak.areas.access import works_in
from wijkaanpak.areas.models import Membership

VIEW_ROUNDS = "inspections.view_inspectionround"
CHANGE_ROUNDS = "inspections.change_inspectionround"
ADD_PARTICIPANT = "inspections.add_participant"
ADD_FINDING = "inspections.add_finding"
ADD_ACTION = "inspections.add_action"
CHANGE_ACTION = "inspections.change_action"


def organisation_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def may_complete_action(user, action, area) -> bool:
    """The coordinator of the action's area, or staff of the organisation that owns it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if action.owner_organisation_id in organisation_ids(user):
        return True
    return user.has_perm(CHANGE_ACTION) and works_in(user, area)
