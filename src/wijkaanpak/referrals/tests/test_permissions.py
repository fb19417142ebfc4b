"""A1, A3: the permission matrix of warm referrals.

Every referral URL (staff pages, API, the privacy officer's pages) x every role x a referral
of the user's own organisation and one of two other organisations: lists leave others out,
details of others are 403/404, changes are refused and leave the database as it was.

Two referrals: "own" (the school refers to Buurtgezinnen, run by Minters) and "third"
(Stroomopwaarts refers to Vitamine G, run by a fourth organisation). Staff of the school and
Minters hold the roles without referral rights too, so membership alone grants nothing.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from wijkaanpak.accounts import roles
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.idempotency.models import IdempotencyRecord
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.referrals.models import Consent, ErasureRecord, Referral, ReferralEvent

from . import factories as f

pytestmark = pytest.mark.django_db

ROLES = [
    "referrer",
    "receiver",
    "third_referrer",
    "third_receiver",
    "coordinator",
    "steering",
    "question_desk",
    "report_handler",
    "privacy_officer",
    "anonymous",
]
# Written out by hand from the rule "only the referrer's and the receiver's organisations".
VISIBLE = {
    "referrer": {"own"},
    "receiver": {"own"},
    "third_referrer": {"third"},
    "third_receiver": {"third"},
}
MAY_REFER = {"referrer", "third_referrer"}
# (role, referral, step) that the workflow allows; every other combination is refused.
ALLOWED_STEPS = {
    ("receiver", "own", "received"),
    ("referrer", "own", "withdrawn"),
    ("third_referrer", "third", "withdrawn"),
}
STEPS = ("received", "withdrawn")


@pytest.fixture
def matrix(world):
    fourth = f.organisation("vitamine-g", "Vitamine G", world.area)
    vitamine = f.offer(world.area, fourth, slug="vitamine-g")
    users = {
        "referrer": world.specialist,
        "receiver": world.receiver,
        "third_referrer": world.other_referrer,
        "third_receiver": world.other_receiver,
        "coordinator": world.coordinator,
        "steering": f.staff("stuurgroep", roles.STEERING_GROUP, world.welfare),
        "question_desk": f.staff("huiskamer", roles.QUESTION_DESK, world.school),
        "report_handler": f.staff("meldingen", roles.REPORT_HANDLER, world.welfare),
        "privacy_officer": f.staff("privacy", roles.PRIVACY_OFFICER, world.school),
        "anonymous": None,
    }
    referrals = {
        "own": f.referral(world.specialist, world.school, world.offer),
        "third": f.referral(world.other_referrer, world.other, vitamine),
    }
    return world, users, referrals


def client_for(user, login_verified, api=False):
    client = APIClient() if api else Client()
    if user is not None:
        login_verified(client, user)
    return client


def snapshot():
    """Everything a refused change could touch (reads are checked per user)."""
    return (
        list(
            Referral.objects.order_by("pk").values_list(
                "pk", "state", "received_at", "intake_on", "closed_at", "erased_at"
            )
        ),
        ReferralEvent.objects.count(),
        Consent.objects.count(),
        ErasureRecord.objects.count(),
        OutboxMessage.objects.count(),
        IdempotencyRecord.objects.count(),
        ProcessingRecord.objects.exclude(action="read").count(),
    )


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse(settings.LOGIN_URL)
    )


def assert_refused(response, role, what):
    if role == "anonymous" and not what.startswith("api"):
        assert is_login_redirect(response), (role, what, response.status_code)
    else:
        assert response.status_code in (403, 404), (role, what, response.status_code)


def reads_by(user, referral) -> int:
    if user is None:
        return 0
    return ProcessingRecord.objects.filter(
        actor_id=str(user.pk), object_id=referral.reference, action="read"
    ).count()


def check_refused_steps(role, user, referrals, step_url, post, surface):
    for name, referral in referrals.items():
        for step in STEPS:
            if (role, name, step) in ALLOWED_STEPS:
                continue
            before = snapshot()
            response = post(step_url(referral, step), step)
            if role != "anonymous" and name in VISIBLE.get(role, set()):
                # Visible, but not this user's step: the workflow refuses it at the field.
                assert response.status_code == 400, (role, name, step, response.status_code)
            else:
                assert_refused(response, role, f"{surface} step {name} {step}")
            assert snapshot() == before, (role, name, step)


def check_allowed_steps(role, referrals, step_url, post, ok_status):
    for name, referral in referrals.items():
        for step in STEPS:
            if (role, name, step) in ALLOWED_STEPS:
                response = post(step_url(referral, step), step)
                assert response.status_code == ok_status, (role, name, step, response.content)
                referral.refresh_from_db()
                assert referral.state == step


@pytest.mark.parametrize("role", ROLES)
def test_staff_pages(matrix, role, login_verified):
    world, users, referrals = matrix
    user = users[role]
    client = client_for(user, login_verified)
    area = world.area.slug
    visible = VISIBLE.get(role, set())

    response = client.get(reverse("referrals:list", args=[area]))
    if visible:
        assert response.status_code == 200
        for name, referral in referrals.items():
            assert (referral.reference in response.content.decode()) == (name in visible), name
    else:
        assert_refused(response, role, "list")

    new_url = reverse("referrals:new", args=[area])
    if role in MAY_REFER:
        assert client.get(new_url).status_code == 200
    else:
        assert_refused(client.get(new_url), role, "new")
        before = snapshot()
        assert_refused(client.post(new_url, {"offer": "buurtgezinnen"}), role, "new POST")
        assert snapshot() == before

    for name, referral in referrals.items():
        response = client.get(reverse("referrals:detail", args=[area, referral.reference]))
        if name in visible:
            assert response.status_code == 200
            assert "J. Jansen" in response.content.decode()
            assert reads_by(user, referral) == 1
        else:
            assert_refused(response, role, f"detail {name}")
            assert "J. Jansen" not in response.content.decode()
            assert reads_by(user, referral) == 0

    def step_url(referral, step):
        return reverse("referrals:step", args=[area, referral.reference, step])

    def post(url, step):
        return client.post(url, {f"{step}-note": "Gezin wil het anders."})

    check_refused_steps(role, user, referrals, step_url, post, "page")
    check_allowed_steps(role, referrals, step_url, post, ok_status=302)


def api_payload(world):
    return {
        "area": world.area.slug,
        "offer": "buurtgezinnen",
        "person_name": "K. de Vries",
        "contact_route": "06 98765432",
        "reason": "Vader zoekt hulp.",
        "consent": {
            "given_by": "K. de Vries",
            "relation": "parent",
            "given_on": "2026-11-02",
            "method": "spoken",
            "data_kinds": ["name", "contact", "reason", "urgency"],
        },
    }


@pytest.mark.parametrize("role", ROLES)
def test_api(matrix, role, login_verified):
    world, users, referrals = matrix
    user = users[role]
    client = client_for(user, login_verified, api=True)
    visible = VISIBLE.get(role, set())

    for url in (reverse("referrals-api:referral-list"), reverse("referrals-api:referral-counts")):
        response = client.get(url)
        if visible:
            assert response.status_code == 200
            text = response.content.decode()
            for name, referral in referrals.items():
                shown = referral.reference in text or referral.offer.slug in text
                assert shown == (name in visible), (url, name)
            assert "J. Jansen" not in text
        else:
            assert_refused(response, role, "api list")

    for name, referral in referrals.items():
        response = client.get(reverse("referrals-api:referral-detail", args=[referral.reference]))
        if name in visible:
            assert response.status_code == 200 and response.json()["person_name"] == "J. Jansen"
            assert reads_by(user, referral) == 1
        else:
            assert_refused(response, role, f"api detail {name}")
            assert reads_by(user, referral) == 0

    if role not in MAY_REFER:
        before = snapshot()
        response = client.post(
            reverse("referrals-api:referral-list"),
            api_payload(world),
            format="json",
            HTTP_IDEMPOTENCY_KEY=f"matrix-{role}",
        )
        assert_refused(response, role, "api create")
        assert snapshot() == before

    def step_url(referral, step):
        return reverse("referrals-api:referral-state", args=[referral.reference])

    def post(url, step):
        return client.post(url, {"to_state": step, "note": "Gezin wil het anders."}, format="json")

    check_refused_steps(role, user, referrals, step_url, post, "api")
    check_allowed_steps(role, referrals, step_url, post, ok_status=200)


@pytest.mark.parametrize("role", ROLES)
def test_subject_request_pages(matrix, role, login_verified):
    world, users, referrals = matrix
    user = users[role]
    client = client_for(user, login_verified)
    area = world.area.slug
    query = "&".join(f"kenmerk={r.reference}" for r in referrals.values())
    pages = {
        "search": reverse("referrals_subject:search", args=[area]),
        "person": reverse("referrals_subject:person", args=[area]) + f"?{query}",
        "export": reverse("referrals_subject:export", args=[area]) + f"?{query}",
    }
    search_form = {"name": "J. Jansen", "contact_route": "06 12345678"}
    if role == "privacy_officer":
        for url in pages.values():
            assert client.get(url).status_code == 200
        assert client.post(pages["search"], search_form).status_code == 200
        return
    for what, url in pages.items():
        response = client.get(url)
        assert_refused(response, role, what)
        assert "J. Jansen" not in response.content.decode()
    before = snapshot()
    assert_refused(client.post(pages["search"], search_form), role, "search POST")
    erase = reverse("referrals_subject:erase", args=[area])
    kenmerken = [r.reference for r in referrals.values()]
    assert_refused(client.post(erase, {"kenmerk": kenmerken, "confirm": "on"}), role, "erase")
    assert snapshot() == before
    assert not ProcessingRecord.objects.filter(activity_code="subject-request").exists()
