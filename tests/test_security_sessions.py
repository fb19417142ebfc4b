"""A7: a new session id at login, an idle and an absolute limit, deactivated accounts end."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.urls import reverse

from wijkaanpak.accounts.sessions import LOGIN_AT_KEY
from wijkaanpak.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
PASSWORD = "een-lang-testwachtwoord"


@pytest.fixture
def staff():
    return UserFactory(username="medewerker", is_staff=True)


def is_logged_in(client) -> bool:
    response = client.get(reverse("programme:home"))
    return response.wsgi_request.user.is_authenticated


def test_the_limits_are_as_documented():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_ABSOLUTE_AGE == 10 * 60 * 60


def test_login_gives_a_new_session_id(client, staff):
    session = client.session
    session["bezocht"] = True
    session.save()
    before = session.session_key

    client.post(reverse("accounts:login"), {"username": "medewerker", "password": PASSWORD})

    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    assert client.session[SESSION_KEY] == str(staff.pk)


def test_an_idle_session_ends_after_30_minutes(client, staff, login_verified):
    with time_machine.travel(START, tick=False) as clock:
        login_verified(client, staff)
        clock.shift(dt.timedelta(minutes=29))
        assert is_logged_in(client)
        clock.shift(dt.timedelta(minutes=29))  # each request starts the 30 minutes again
        assert is_logged_in(client)
        clock.shift(dt.timedelta(minutes=31))
        assert not is_logged_in(client)
        response = client.get(reverse("exports:json", args=["westwijk"]))
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_busy_session_still_ends_10_hours_after_login(client, staff, login_verified):
    with time_machine.travel(START, tick=False) as clock:
        login_verified(client, staff)
        for _ in range(int(10 * 60 / 20)):
            clock.shift(dt.timedelta(minutes=20))
            assert is_logged_in(client)
        clock.shift(dt.timedelta(minutes=1))
        response = client.get(reverse("programme:home"), follow=True)
        assert not response.wsgi_request.user.is_authenticated
        assert "U was te lang ingelogd. Log opnieuw in." in response.content.decode()


def test_a_session_without_a_login_time_is_ended(client, staff, login_verified):
    login_verified(client, staff)
    session = client.session
    del session[LOGIN_AT_KEY]
    session.save()
    assert not is_logged_in(client)


def test_deactivating_an_account_ends_its_sessions(client, staff, login_verified):
    login_verified(client, staff)
    assert is_logged_in(client)
    old_key = client.session.session_key

    staff.is_active = False
    staff.save()

    response = client.get(reverse("exports:json", args=["westwijk"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Session.objects.filter(session_key=old_key).exists()
    assert SESSION_KEY not in client.session


def test_a_deactivated_account_cannot_log_in(client, staff):
    staff.is_active = False
    staff.save()
    response = client.post(
        reverse("accounts:login"), {"username": "medewerker", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_logout_ends_the_session_on_the_server(client, staff, login_verified):
    login_verified(client, staff)
    key = client.session.session_key
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
