"""P3: no credentials or personal data in application logs.

Sentinel values go through a failed login, a failed second step, a report from the public
form (with its receipt mail attempt), and the staff pages and API that show the report.
Every log record at DEBUG, from every logger, is then searched for them.
"""

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory
from wijkaanpak.reports.models import Report
from wijkaanpak.reports.tests.factories import CategoryFactory, handler

pytestmark = pytest.mark.django_db

SENTINEL_PASSWORD = "Sentinel-Wachtwoord-4711"
SENTINEL_EMAIL = "sentinel.melder.4711@example.org"
SENTINEL_PHONE = "06 47114711"
SENTINEL_CODE = "471147"
SENTINELS = [SENTINEL_PASSWORD, SENTINEL_EMAIL, SENTINEL_PHONE, "0647114711", SENTINEL_CODE]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def debug_sql():
    """Make the database layer log every query, as with DEBUG on."""
    connection.force_debug_cursor = True
    yield
    connection.force_debug_cursor = False


def all_log_text(records) -> str:
    parts = []
    for record in records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        parts.append(repr(getattr(record, "request", "")))
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def test_no_sentinel_reaches_any_log(
    client, caplog, debug_sql, login_verified, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    area = AreaFactory(slug="westwijk", name="Westwijk")
    NeighbourhoodFactory(area=area, slug="wetering", name="Wetering")
    category = CategoryFactory(name="Zwerfafval", slug="zwerfafval")
    staff = handler(category.handling_organisation, username="behandelaar")
    staff.set_password(SENTINEL_PASSWORD)
    staff.save()
    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)

    # A failed login with a mistyped password, then the right one and a wrong code.
    client.post(
        reverse("accounts:login"), {"username": SENTINEL_EMAIL, "password": SENTINEL_PASSWORD}
    )
    client.post(
        reverse("accounts:login"), {"username": "behandelaar", "password": SENTINEL_PASSWORD}
    )
    client.post(reverse("accounts:second-factor"), {"code": SENTINEL_CODE})

    # A resident files a report; the receipt mail is tried at once and fails (no server).
    client.post(reverse("accounts:logout"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports_public:new", args=["westwijk"]),
            {
                "category": "zwerfafval",
                "neighbourhood": "wetering",
                "address": "Van Hogendorplaan 12",
                "description": "Vuilniszakken naast de container.",
                "email": SENTINEL_EMAIL,
                "phone": SENTINEL_PHONE,
                "wants_updates": "on",
                "website": "",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get()

    # Staff open it in the page (which shows the contact data) and in the API.
    login_verified(client, staff)
    page = client.get(reverse("reports_handlers:detail", args=[report.reference]))
    assert page.status_code == 200
    assert SENTINEL_EMAIL in page.content.decode()
    api = client.get(f"/api/v1/reports/{report.reference}/")
    assert api.status_code == 200

    text = all_log_text(caplog.records)
    # The test saw the logs it searches: the failed login and the failed mail attempt.
    assert "login failed" in text.lower()
    assert "outbox message" in text
    leaks = [s for s in SENTINELS if s in text]
    assert leaks == [], [
        r.getMessage() for r in caplog.records if any(s in r.getMessage() for s in leaks)
    ]
