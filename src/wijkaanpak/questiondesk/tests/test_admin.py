"""The admin for questions: list and change pages work, and its form keeps the same rules."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory
from wijkaanpak.questiondesk.models import Question

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(dt.datetime(2024, 3, 14, 12, 0), tick=False):
        yield


@pytest.fixture
def superuser(client, login_verified):
    user = UserFactory(is_staff=True, is_superuser=True)
    login_verified(client, user)
    return user


def test_list_filters_and_change_page(client, superuser, westwijk):
    question = QuestionFactory(area=westwijk.area, summary="Vraag over de voedselbank")
    changelist = reverse("admin:questiondesk_question_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist + "?theme__exact=money&outcome__exact=answered").status_code == 200
    assert client.get(changelist + "?q=voedselbank").status_code == 200
    change = reverse("admin:questiondesk_question_change", args=[question.pk])
    assert client.get(change).status_code == 200


def admin_data(area, **changes):
    values = {
        "area": area.pk,
        "asked_on": "2024-03-04",
        "theme": "money",
        "neighbourhood": "",
        "channel": "phone",
        "outcome": "answered",
        "referred_to": "",
        "referral": "",
        "follow_up_on": "",
        "follow_up_done_on": "",
        "summary": "Vraag over toeslagen",
    }
    return {**values, **changes}


def test_adding_in_the_admin_records_who(client, superuser, westwijk):
    response = client.post(reverse("admin:questiondesk_question_add"), admin_data(westwijk.area))
    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.recorded_by, question.asked_on) == (superuser, dt.date(2024, 3, 4))


def test_the_admin_refuses_personal_data_and_other_areas_neighbourhoods(
    client, superuser, westwijk
):
    elsewhere = NeighbourhoodFactory()
    response = client.post(
        reverse("admin:questiondesk_question_add"),
        admin_data(westwijk.area, summary="mail jan@example.nl", neighbourhood=elsewhere.pk),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"summary", "neighbourhood"}
    assert not Question.objects.exists()


def test_an_old_question_can_still_be_corrected_in_the_admin(client, superuser, westwijk):
    old = QuestionFactory(area=westwijk.area, asked_on=dt.date(2019, 5, 6))
    change = reverse("admin:questiondesk_question_change", args=[old.pk])
    response = client.post(change, admin_data(westwijk.area, asked_on="2019-05-06", theme="care"))
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.theme == "care"
    # Typing an old date anew is taken for a typing error in the year.
    response = client.post(change, admin_data(westwijk.area, asked_on="2019-05-07"))
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["asked_on"]
