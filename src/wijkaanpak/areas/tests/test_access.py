"""Which areas a staff member works in: memberships decide, superusers everywhere, the
inactive and the public nowhere; a staff page of another area is a 404."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.access import area_for, area_staff_only, areas_of, works_in
from wijkaanpak.areas.models import Membership

from .factories import AreaFactory, OrganisationFactory, join_areas

pytestmark = pytest.mark.django_db


@pytest.fixture
def westwijk():
    return AreaFactory(slug="westwijk", name="Westwijk", municipality="Vlaardingen")


@pytest.fixture
def nieuwland():
    return AreaFactory(
        slug="nieuwland-oost",
        name="Nieuwland-Oost",
        municipality="Schiedam",
        municipality_cbs_code="GM0606",
    )


def user_of(*areas, **kwargs):
    return join_areas(UserFactory(**kwargs), *areas) if areas else UserFactory(**kwargs)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("westwijk_staff", {"westwijk"}),
        ("nieuwland_staff", {"nieuwland-oost"}),
        ("both", {"westwijk", "nieuwland-oost"}),
        ("no_membership", set()),
        ("organisation_without_area", set()),
        ("inactive", set()),
        ("superuser", {"westwijk", "nieuwland-oost"}),
        ("anonymous", set()),
    ],
)
def test_areas_of(who, expected, westwijk, nieuwland):
    users = {
        "westwijk_staff": lambda: user_of(westwijk),
        "nieuwland_staff": lambda: user_of(nieuwland),
        "both": lambda: user_of(westwijk, nieuwland),
        "no_membership": user_of,
        "organisation_without_area": user_of,
        "inactive": lambda: user_of(westwijk, is_active=False),
        "superuser": lambda: user_of(is_superuser=True),
        "anonymous": AnonymousUser,
    }
    user = users[who]()
    if who == "organisation_without_area":
        Membership.objects.create(user=user, organisation=OrganisationFactory())
    assert {a.slug for a in areas_of(user)} == expected
    for area in (westwijk, nieuwland):
        assert works_in(user, area) is (area.slug in expected)
        assert works_in(user, area.slug) is (area.slug in expected)


def test_two_organisations_in_one_area_give_the_area_once(westwijk):
    user = join_areas(join_areas(UserFactory(), westwijk), westwijk)
    assert list(areas_of(user)) == [westwijk]


def test_area_for_is_404_for_another_or_unknown_area(westwijk, nieuwland):
    user = user_of(westwijk)
    assert area_for(user, "westwijk") == westwijk
    for slug in ("nieuwland-oost", "nergens"):
        with pytest.raises(Http404):
            area_for(user, slug)


def test_the_public_costs_no_query(django_assert_num_queries, westwijk):
    with django_assert_num_queries(0):
        assert works_in(AnonymousUser(), "westwijk") is False
        assert list(areas_of(AnonymousUser())) == []


def test_leaving_the_organisation_ends_the_access(westwijk):
    user = user_of(westwijk)
    assert works_in(user, westwijk)
    Membership.objects.filter(user=user).delete()
    assert not works_in(user, westwijk)


def test_the_decorator_lets_staff_of_the_area_through_and_404s_the_rest(westwijk, nieuwland):
    @area_staff_only
    def view(request, area):
        return HttpResponse("binnen")

    request = RequestFactory().get("/")
    request.user = user_of(westwijk)
    assert view(request, area="westwijk").content == b"binnen"
    with pytest.raises(Http404):
        view(request, area="nieuwland-oost")
