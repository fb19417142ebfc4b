"""Permission matrix: every question-desk URL x every role, in the own area and another.

The question desk logs and views; the coordinator views; every other role is refused (403),
an anonymous visitor goes to the login page, and staff of another area get 404.
"""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from wijkaanpak.accounts import roles
from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Organisation
from wijkaanpak.areas.tests.factories import AreaFactory, OrganisationFactory
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.questiondesk.permissions import areas_of

from .factories import QuestionFactory, staff, sync_roles

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2024, 3, 14, 12, 0)

OK, LOGIN, FORBIDDEN, NOT_FOUND = 200, "login", 403, 404
DONE = 302  # a successful POST redirects

# URL name -> (method, expected for: desk, coordinator, steering, handler, referrer, other desk)
MATRIX = {
    "list": ("get", [OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND]),
    "new": ("get", [OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND]),
    "new-post": ("post", [DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND]),
    "follow-ups": ("get", [OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND]),
    "follow-up-done": ("post", [DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND]),
    "overview": ("get", [OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND]),
    "overview-csv": ("get", [OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND]),
}
ROLES = [
    ("desk", roles.QUESTION_DESK, True),
    ("coordinator", roles.COORDINATOR, True),
    ("steering", roles.STEERING_GROUP, True),
    ("handler", roles.REPORT_HANDLER, True),
    ("referrer", roles.REFERRER, True),
    ("other-desk", roles.QUESTION_DESK, False),
]
NEW_QUESTION = {
    "asked_on": "2024-03-14",
    "theme": "money",
    "channel": "phone",
    "outcome": "answered",
}


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def question(westwijk):
    return QuestionFactory(
        area=westwijk.area,
        asked_on=dt.date(2024, 3, 1),
        outcome=Question.Outcome.FOLLOW_UP,
        follow_up_on=dt.date(2024, 3, 8),
    )


def request(client, name, question):
    method, _expected = MATRIX[name]
    area = question.area.slug
    if name == "new-post":
        return client.post(reverse("questiondesk:new", args=[area]), NEW_QUESTION)
    if name == "follow-up-done":
        return client.post(reverse("questiondesk:follow-up-done", args=[area, question.pk]))
    return getattr(client, method)(reverse(f"questiondesk:{name}", args=[area]))


def check(response, expected, label):
    if expected == LOGIN:
        assert response.status_code == 302, label
        assert response["Location"].startswith(reverse("accounts:login")), label
    else:
        assert response.status_code == expected, label


@pytest.mark.parametrize("name", list(MATRIX))
@pytest.mark.parametrize("role_index", range(len(ROLES)))
def test_matrix(client, login_verified, question, name, role_index):
    sync_roles()
    label, role, in_area = ROLES[role_index]
    if in_area:
        organisation = Organisation.objects.get(slug="gemeente-vlaardingen")
    else:
        organisation = OrganisationFactory(slug="elders")
        organisation.areas.add(AreaFactory(slug="oostwijk"))
    login_verified(client, staff(role, organisation=organisation))
    questions_before = Question.objects.count()
    check(request(client, name, question), MATRIX[name][1][role_index], (name, label))
    if MATRIX[name][1][role_index] != DONE:  # a refusal changes nothing
        question.refresh_from_db()
        assert question.follow_up_done_on is None
        assert Question.objects.count() == questions_before


@pytest.mark.parametrize("name", list(MATRIX))
def test_anonymous_goes_to_login(client, question, name):
    check(request(client, name, question), LOGIN, name)
    assert Question.objects.count() == 1


def test_desk_staff_without_an_organisation_get_404(client, login_verified, question):
    sync_roles()
    login_verified(client, staff(roles.QUESTION_DESK))
    assert client.get(reverse("questiondesk:list", args=["westwijk"])).status_code == 404


def test_an_unknown_area_is_404(client, login_verified, question):
    sync_roles()
    organisation = Organisation.objects.get(slug="gemeente-vlaardingen")
    login_verified(client, staff(roles.QUESTION_DESK, organisation=organisation))
    assert client.get(reverse("questiondesk:list", args=["bestaat-niet"])).status_code == 404


def test_a_question_of_another_area_cannot_be_marked_done(client, login_verified, question):
    sync_roles()
    other = AreaFactory(slug="oostwijk")
    organisation = OrganisationFactory(slug="overal")
    organisation.areas.add(question.area, other)
    login_verified(client, staff(roles.QUESTION_DESK, organisation=organisation))
    url = reverse("questiondesk:follow-up-done", args=["oostwijk", question.pk])
    assert client.post(url).status_code == 404
    question.refresh_from_db()
    assert question.follow_up_done_on is None


def test_staff_without_the_second_factor_are_sent_to_it(client, question):
    sync_roles()
    organisation = Organisation.objects.get(slug="gemeente-vlaardingen")
    client.force_login(staff(roles.QUESTION_DESK, organisation=organisation))
    response = client.get(reverse("questiondesk:list", args=["westwijk"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:second-factor"))


def test_a_superuser_sees_every_area_and_an_inactive_member_none(client, login_verified, question):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert set(areas_of(superuser)) == {question.area}
    login_verified(client, superuser)
    assert client.get(reverse("questiondesk:list", args=["westwijk"])).status_code == 200
    sync_roles()
    organisation = Organisation.objects.get(slug="gemeente-vlaardingen")
    member = staff(roles.QUESTION_DESK, organisation=organisation, is_active=False)
    assert not areas_of(member).exists()
