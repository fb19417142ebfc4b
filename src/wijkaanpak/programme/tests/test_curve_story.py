"""The curve story beside the chart: missing fields stay visible; only staff get the edit link."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wijkaanpak.areas.tests.factories import join_areas
from wijkaanpak.programme.models import CurveStory

pytestmark = pytest.mark.django_db


def page(client, indicator):
    return client.get(reverse("programme:indicator", args=["westwijk", indicator.slug]))


def test_an_empty_story_says_not_filled_in(client, westwijk):
    indicator = westwijk.indicators.filter(kind="outcome").first()
    response = page(client, indicator)
    assert "Het verhaal achter de curve" in response.text
    assert response.text.count("nog niet ingevuld") == 4
    assert "Verhaal achter de curve aanpassen" not in response.text


def test_a_filled_in_field_is_shown_and_the_rest_stays_missing(client, westwijk):
    indicator = westwijk.indicators.filter(kind="outcome").first()
    CurveStory.objects.create(indicator=indicator, what_works="Voorlezen <b>thuis</b>.")
    response = page(client, indicator)
    assert "Voorlezen &lt;b&gt;thuis&lt;/b&gt;." in response.text
    assert response.text.count("nog niet ingevuld") == 3


def test_effort_indicators_have_no_story(client, westwijk):
    indicator = westwijk.indicators.filter(kind="effort").first()
    assert "Het verhaal achter de curve" not in page(client, indicator).text


def test_coordinator_gets_the_edit_link(client, login_verified, westwijk, django_user_model):
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = django_user_model.objects.create_user("coord", is_staff=True)
    user.groups.add(Group.objects.get(name="programme_coordinator"))
    login_verified(client, user)
    indicator = westwijk.indicators.filter(kind="outcome").first()
    assert "Verhaal achter de curve aanpassen" not in page(client, indicator).text
    join_areas(user, westwijk.area)  # the link is there only for staff of the area
    assert "Verhaal achter de curve aanpassen" in page(client, indicator).text
