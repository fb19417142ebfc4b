"""A5: staff accounts pass a second factor (a TOTP code) before they reach anything.

The URL list is collected from the resolver, so a staff page added later is covered
without touching this test.
"""

import re
from base64 import b32decode
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.test import override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-testwachtwoord"
SECOND_STEP_PAGES = {
    "accounts:login",
    "accounts:second-factor",
    "accounts:enrol",
    "accounts:logout",
}
# Sample values for URL parameters; the check runs before the view looks them up.
SAMPLES = {
    "area": "westwijk",
    "reference": "M-2026-00001",
    "action": "oppakken",
    "format": "json",
    "fmt": "json",
}
STAFF_PREFIXES = {
    "admin": r"^/admin/",
    "report handling": r"^/behandelen/",
    "measurements": r"^/westwijk/metingen/",
    "exports": r"^/westwijk/export\.",
    "report API": r"^/api/v1/reports/",
}
STAFF_OTHER = [r"/wijkschouw/beheer/"]


def _parameters(pattern) -> list[tuple[str, str]]:
    if hasattr(pattern.pattern, "converters"):
        return [(name, type(c).__name__) for name, c in pattern.pattern.converters.items()]
    return [(name, "regex") for name in pattern.pattern.regex.groupindex]


def _sample(name: str, kind: str) -> str:
    if name in SAMPLES:
        return SAMPLES[name]
    return "1" if kind in ("IntConverter", "regex") else "x"


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", _parameters(pattern)


def all_urls() -> list[str]:
    """One concrete path per named route, plus the admin pages of every registered model."""
    urls = set()
    for name, parameters in _walk(get_resolver().url_patterns):
        if name in SECOND_STEP_PAGES or name.startswith("admin:"):
            continue
        kwargs = {p: _sample(p, kind) for p, kind in parameters}
        if "format" in kwargs and not name.startswith("open311:"):
            continue  # DRF's ".json" twin of a route already listed
        try:
            urls.add(reverse(name, kwargs=kwargs))
        except NoReverseMatch:
            continue
    urls.add(reverse("admin:index"))
    for model in admin.site._registry:
        meta = model._meta
        urls.add(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        urls.add(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[1]))
    return sorted(urls)


def is_staff_url(url: str) -> bool:
    return any(re.search(p, url) for p in [*STAFF_PREFIXES.values(), *STAFF_OTHER])


def staff_urls() -> list[str]:
    return [url for url in all_urls() if is_staff_url(url)]


def password_login(client, user, next_url="/"):
    """Step one only, through the real login page."""
    return client.post(
        f"{reverse('accounts:login')}?next={next_url}",
        {"username": user.username, "password": PASSWORD, "next": next_url},
    )


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def staff():
    user = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


@pytest.fixture
def westwijk_loaded(westwijk):
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return westwijk


def test_the_collected_list_holds_every_kind_of_staff_url():
    urls = staff_urls()
    for kind, prefix in STAFF_PREFIXES.items():
        assert any(re.search(prefix, url) for url in urls), f"no {kind} URL collected"


def test_every_url_refuses_a_session_without_the_second_factor(client, staff, westwijk_loaded):
    password_login(client, staff)
    assert client.session[SESSION_KEY] == str(staff.pk)
    assert DEVICE_ID_SESSION_KEY not in client.session

    refused = []
    for url in all_urls():
        response = client.get(url)
        if url.startswith("/api/"):
            ok = response.status_code == 403 and "tweede stap" in response.json()["detail"]
        elif url.startswith("/open311/"):
            # Open311 authenticates by API key only; the half-finished session plays no part.
            ok = response.status_code != 302
        else:
            location = response.headers.get("Location", "")
            ok = response.status_code == 302 and location.startswith(
                reverse("accounts:second-factor")
            )
            ok = ok and parse_qs(urlsplit(location).query)["next"] == [url]
        if not ok:
            refused.append((url, response.status_code))
    assert refused == []


def test_staff_writes_are_refused_without_the_second_factor(client, staff, westwijk_loaded):
    password_login(client, staff)
    for url in staff_urls():
        response = client.post(url, {"reason": "x"})
        expected = 403 if url.startswith("/api/") else 302
        assert response.status_code == expected, url
        if expected == 302:
            assert response["Location"] == reverse("accounts:second-factor"), url


def test_every_staff_url_lets_a_verified_session_in(client, staff, westwijk_loaded, login_verified):
    login_verified(client, staff)
    second_step = reverse("accounts:second-factor")
    for url in staff_urls():
        response = client.get(url)
        assert not response.headers.get("Location", "").startswith(second_step), url
        if url.startswith("/api/"):
            assert response.status_code != 403, url
    # The pages that surely exist really open.
    for url in [
        reverse("admin:index"),
        reverse("admin:audit_processingrecord_changelist"),
        reverse("programme:measurement-add", args=["westwijk"]),
        reverse("exports:json", args=["westwijk"]),
    ]:
        assert client.get(url).status_code == 200, url


def test_password_login_goes_on_to_the_code_page_with_next_kept(client, staff):
    response = password_login(client, staff, next_url="/westwijk/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:second-factor')}?next=%2Fwestwijk%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Vul de code uit de app in" in page.content.decode()


def test_the_right_code_verifies_the_session_under_a_new_id(client, staff):
    password_login(client, staff, next_url="/westwijk/")
    before = client.session.session_key
    device = staff.totpdevice_set.get()

    response = client.post(
        reverse("accounts:second-factor"), {"code": current_code(device), "next": "/westwijk/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/westwijk/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.session.session_key != before


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("000000", "Deze code klopt niet. Vul de code in die nu in de app staat."),
        ("12345", "Een code bestaat uit 6 cijfers."),
        ("abcdef", "Een code bestaat uit 6 cijfers."),
        ("", "Vul de code uit de app in."),
    ],
)
def test_a_wrong_code_is_refused_with_a_dutch_message(client, staff, code, message):
    password_login(client, staff)
    device = staff.totpdevice_set.get()
    if code == "000000" and current_code(device) == code:
        code = "000001"

    response = client.post(reverse("accounts:second-factor"), {"code": code})

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get(reverse("exports:json", args=["westwijk"])).status_code == 302


def test_after_a_wrong_code_even_the_right_one_waits(client, staff):
    password_login(client, staff)
    device = staff.totpdevice_set.get()
    with time_machine.travel("2026-03-02 10:00:05 +01:00", tick=False):
        client.post(reverse("accounts:second-factor"), {"code": "999999"})
        response = client.post(reverse("accounts:second-factor"), {"code": current_code(device)})
    assert "U heeft te vaak een verkeerde code ingevuld" in response.content.decode()
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_a_used_code_cannot_be_used_again(client, staff):
    device = staff.totpdevice_set.get()
    with time_machine.travel("2026-03-02 10:00:05 +01:00", tick=False):
        code = current_code(device)
        password_login(client, staff)
        assert client.post(reverse("accounts:second-factor"), {"code": code}).status_code == 302
        client.post(reverse("accounts:logout"))
        password_login(client, staff)
        response = client.post(reverse("accounts:second-factor"), {"code": code})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()


def test_next_to_another_site_is_ignored(client, staff):
    password_login(client, staff)
    device = staff.totpdevice_set.get()
    response = client.post(
        reverse("accounts:second-factor"),
        {"code": current_code(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("programme:home")


def test_without_an_app_the_user_enrols_one_with_a_qr_code(client):
    user = UserFactory(username="nieuw", is_staff=True)
    password_login(client, user, next_url="/westwijk/")

    response = client.get(f"{reverse('accounts:second-factor')}?next=/westwijk/", follow=True)

    assert response.redirect_chain[-1][0] == f"{reverse('accounts:enrol')}?next=%2Fwestwijk%2F"
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed is False
    assert '<svg role="img" aria-label="QR-code om uw app te koppelen"' in html
    assert "<script" not in html
    secret = re.search(r'<code class="second-factor__secret" id="secret">([A-Z2-7 ]+)</code>', html)
    assert b32decode(secret.group(1).replace(" ", "")) == device.bin_key
    # A reload shows the same secret: the app the user just scanned keeps working.
    assert secret.group(1) in client.get(reverse("accounts:enrol")).content.decode()


def test_enrolment_refuses_a_wrong_code_and_confirms_with_the_right_one(client):
    user = UserFactory(username="nieuw", is_staff=True)
    password_login(client, user)
    client.get(reverse("accounts:enrol"))
    device = TOTPDevice.objects.get(user=user)
    wrong = "000000" if current_code(device) != "000000" else "000001"

    refused = client.post(reverse("accounts:enrol"), {"code": wrong})
    assert "Deze code klopt niet" in refused.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False

    device.throttle_reset()
    response = client.post(
        reverse("accounts:enrol"), {"code": current_code(device), "next": "/westwijk/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/westwijk/"
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(reverse("programme:home")).status_code == 200


def test_enrolment_is_closed_once_an_app_is_linked(client, staff):
    password_login(client, staff)
    response = client.get(reverse("accounts:enrol"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:second-factor"))
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_second_step_pages_send_an_anonymous_visitor_to_the_login(client):
    for name in ("accounts:second-factor", "accounts:enrol"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_staff_member_without_is_staff_needs_the_second_factor_too(client):
    # A partner's handler has no admin rights but sees reporter contact data.
    user = UserFactory(username="partner", is_staff=False)
    password_login(client, user)
    response = client.get(reverse("programme:home"))
    assert response["Location"].startswith(reverse("accounts:second-factor"))


@override_settings(OTP_REQUIRED=False)
def test_with_the_second_factor_switched_off_the_password_is_enough(client, staff):
    response = password_login(client, staff, next_url="/westwijk/")
    assert response["Location"] == "/westwijk/"
    assert client.get(reverse("programme:home")).status_code == 200


def test_only_the_development_settings_switch_the_second_factor_off(settings):
    from tests.test_deploy_settings import PRODUCTION_ENV, manage
    from wijkaanpak.conf import base, dev

    assert base.OTP_REQUIRED is True
    assert dev.OTP_REQUIRED is False
    assert settings.OTP_REQUIRED is True  # the test settings
    shown = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.OTP_REQUIRED)",
        env=PRODUCTION_ENV,
    )
    assert shown.stdout.strip().splitlines()[-1] == "True", shown.stderr


def test_the_demo_login_says_the_second_factor_is_off_in_development(db):
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    out = StringIO()
    with override_settings(DEBUG=True, OTP_REQUIRED=False):
        call_command("create_demo_user", stdout=out)
    assert "tweede stap:    UIT" in out.getvalue()
