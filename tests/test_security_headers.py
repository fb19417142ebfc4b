"""A8: secure, HttpOnly, SameSite cookies; CSP; HSTS; nosniff; no framing.

`tests/test_deploy_settings.py` runs `manage.py check --deploy` with the production settings.
"""

import json

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.test_deploy_settings import PRODUCTION_ENV, manage
from wijkaanpak.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-testwachtwoord"
PRODUCTION_VALUES = [
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
    "OTP_REQUIRED",
    "SESSION_COOKIE_AGE",
    "SESSION_ABSOLUTE_AGE",
    "DEBUG",
]


def assert_page_headers(response):
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self';" in csp  # no inline or foreign script
    assert "frame-ancestors 'none'" in csp
    assert "form-action 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.fixture
def staff():
    return UserFactory(username="medewerker", is_staff=True)


def test_public_and_login_pages_carry_the_headers(client):
    for url in [reverse("programme:home"), reverse("accounts:login")]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_page_headers(response)


def test_second_step_pages_carry_the_headers_and_are_never_cached(client, staff):
    client.post(reverse("accounts:login"), {"username": "medewerker", "password": PASSWORD})
    for url in [reverse("accounts:enrol")]:
        response = client.get(url)
        assert response.status_code == 200
        assert_page_headers(response)
        # The enrolment page shows the secret key: no cache may keep it.
        assert "no-store" in response["Cache-Control"]


def test_staff_pages_carry_the_headers(client, staff, login_verified, westwijk):
    login_verified(client, UserFactory(username="coordinator", is_superuser=True, is_staff=True))
    response = client.get(reverse("programme:measurement-add", args=["westwijk"]))
    assert response.status_code == 200
    assert_page_headers(response)
    admin_page = client.get(reverse("admin:index"))
    assert admin_page["X-Frame-Options"] == "DENY"
    assert admin_page["X-Content-Type-Options"] == "nosniff"


def test_session_and_csrf_cookies_are_httponly_and_samesite(client, staff):
    client.get(reverse("accounts:login"))
    response = client.post(
        reverse("accounts:login"), {"username": "medewerker", "password": PASSWORD}
    )
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"


@override_settings(
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    SECURE_HSTS_SECONDS=31_536_000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)
def test_over_https_cookies_are_secure_and_hsts_is_sent(client, staff):
    """The production values (checked below) applied to a request over HTTPS."""
    client.get(reverse("accounts:login"), secure=True)
    response = client.post(
        reverse("accounts:login"),
        {"username": "medewerker", "password": PASSWORD},
        secure=True,
    )
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["secure"] is True
    assert client.cookies[settings.CSRF_COOKIE_NAME]["secure"] is True


def test_production_settings_hold_the_secure_values():
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {PRODUCTION_VALUES!r}}}))"
    )
    result = manage("shell", "-c", script, env=PRODUCTION_ENV)
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY",
        "OTP_REQUIRED": True,
        "SESSION_COOKIE_AGE": 1800,
        "SESSION_ABSOLUTE_AGE": 36000,
        "DEBUG": False,
    }


def test_an_expired_form_gets_a_dutch_page_not_a_technical_one(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/westwijk/meldingen/nieuw/", {"description": "x"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()


def test_an_unknown_page_gets_a_dutch_404(client, db, settings):
    settings.DEBUG = False
    response = client.get("/bestaat/niet/echt/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()
