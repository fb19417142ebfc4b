"""Who may do what at the question desk. Views ask these; tests cover each rule both ways."""

from django.shortcuts import get_object_or_404

from wijkaanpak.areas.models import Area

VIEW = "questiondesk.view_question"
ADD = "questiondesk.add_question"
CHANGE = "questiondesk.change_question"
# A warm referral is made on the referrals page, which checks this right itself; the form
# only offers it to staff who may make one.
ADD_REFERRAL = "referrals.add_referral"


def areas_of(user):
    """The areas a staff member works in: those of the organisations they are a member of."""
    if not user.is_authenticated or not user.is_active:
        return Area.objects.none()
    if user.is_superuser:
        return Area.objects.all()
    return Area.objects.filter(organisations__memberships__user=user).distinct()


def area_for(user, slug: str) -> Area:
    """The area of the page, or 404 when the user does not work there (nor does it exist)."""
    return get_object_or_404(areas_of(user), slug=slug)
