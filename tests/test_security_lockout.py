"""A6: brute-force login is locked out (django-axes), per username and IP address together."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-testwachtwoord"
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def staff():
    return UserFactory(username="medewerker", is_staff=True)


def attempt(client, password, *, username="medewerker", ip="192.0.2.10", url=None):
    return client.post(
        url or reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def logged_in(client) -> bool:
    return SESSION_KEY in client.session


def fail(client, times, **kwargs):
    for _ in range(times):
        response = attempt(client, "verkeerd-wachtwoord", **kwargs)
        assert response.status_code in (200, 429)
    return response


def test_the_attempt_after_the_limit_is_refused_even_with_the_right_password(client, staff):
    fail(client, 5)

    response = attempt(client, PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Inloggen is tijdelijk geblokkeerd" in html
    assert "U heeft 5 keer een verkeerd wachtwoord ingevuld." in html
    assert "60 minuten niet inloggen, ook niet met het goede wachtwoord" in html
    assert not logged_in(client)


def test_the_fifth_failure_already_shows_the_lockout_page(client, staff):
    assert fail(client, 4).status_code == 200
    assert fail(client, 1).status_code == 429


def test_below_the_limit_the_right_password_works_and_resets_the_count(client, staff):
    fail(client, 4)
    assert attempt(client, PASSWORD).status_code == 302
    assert logged_in(client)
    client.logout()

    fail(client, 4)  # counting starts again after a success
    assert attempt(client, PASSWORD).status_code == 302


def test_the_lock_holds_one_username_from_one_address_only(client, staff):
    UserFactory(username="collega", is_staff=True)
    fail(client, 5)

    assert attempt(client, PASSWORD, ip="198.51.100.7").status_code == 302  # another address
    client.logout()
    assert attempt(client, PASSWORD, username="collega").status_code == 302  # another user


def test_the_lock_ends_after_an_hour(client, staff):
    with time_machine.travel(START, tick=False) as clock:
        fail(client, 5)
        clock.shift(dt.timedelta(minutes=59))
        assert attempt(client, PASSWORD).status_code == 429
        # A try during the lock starts the hour again.
        clock.shift(dt.timedelta(minutes=61))
        assert attempt(client, PASSWORD).status_code == 302
        assert logged_in(client)


def test_the_admin_login_is_locked_out_too(client, staff):
    fail(client, 5, url=reverse("admin:login"))
    assert attempt(client, PASSWORD).status_code == 429


def test_the_test_client_login_works_and_respects_the_lock(client, staff):
    assert client.login(username="medewerker", password=PASSWORD)
    client.logout()
    fail(client, 5, ip="127.0.0.1")
    assert not client.login(username="medewerker", password=PASSWORD)


def test_the_stored_attempt_holds_no_password(client, staff):
    from axes.models import AccessAttempt

    attempt(client, "sentinel-Wachtwoord-8731")
    stored = AccessAttempt.objects.get()
    assert "sentinel-Wachtwoord-8731" not in f"{stored.post_data} {stored.get_data}"
