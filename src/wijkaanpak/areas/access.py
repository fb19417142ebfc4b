"""Which areas a staff member works in: the one rule every staff page of an area asks (A1).

A staff member works in the areas of the organisations they are a member of
(Membership -> Organisation.areas). A superuser works everywhere; an inactive or anonymous
user nowhere. Staff pages of an area answer 404 to staff of another area, as if the page
did not exist: the permission check (403) comes first, the area check after it.

Pages that are public but show more to staff (a draft edition, an edit link) ask
`works_in` before they show the extra.
"""

from functools import wraps

from django.shortcuts import get_object_or_404

from .models import Area


def areas_of(user):
    """The areas a staff member works in, as a queryset (lazy: usable as a subquery)."""
    if not user.is_authenticated or not user.is_active:
        return Area.objects.none()
    if user.is_superuser:
        return Area.objects.all()
    return Area.objects.filter(organisations__memberships__user=user).distinct()


def works_in(user, area) -> bool:
    """True when the user works in `area` (an Area or its slug). No query for the public."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    lookup = {"slug": area} if isinstance(area, str) else {"pk": area.pk}
    return areas_of(user).filter(**lookup).exists()


def area_for(user, slug: str) -> Area:
    """The area of the page, or 404 when the user does not work there (nor does it exist)."""
    return get_object_or_404(areas_of(user), slug=slug)


def area_staff_only(view):
    """A staff view of the area in the URL (kwarg `area`): 404 unless the user works there.

    Put it below login_required and permission_required, so the public is sent to the login
    page and staff without the right get 403 before the area is looked at.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        area_for(request.user, kwargs["area"])
        return view(request, *args, **kwargs)

    return wrapped
