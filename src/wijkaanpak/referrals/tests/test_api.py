"""Referrals API: scoped list and detail, creating with consent (idempotent), state changes,
counts; bad input is a 400 naming the field, never a 500."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from wijkaanpak import workdays
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.idempotency.models import IdempotencyRecord
from wijkaanpak.referrals.models import Consent, Referral, ReferralEvent

from . import factories as f

pytestmark = pytest.mark.django_db

LIST = reverse("referrals-api:referral-list")
COUNTS = reverse("referrals-api:referral-counts")
PERSONAL = ("J. Jansen", "06 12345678", "Moeder zoekt steun", "mevrouw J.")


def detail(referral):
    return reverse("referrals-api:referral-detail", args=[referral.reference])


def state_url(referral):
    return reverse("referrals-api:referral-state", args=[referral.reference])


def client_for(user, login_verified):
    """A verified session that sends a CSRF token, as a browser session would."""
    api = APIClient(enforce_csrf_checks=True)
    login_verified(api, user)
    token = "k" * 32
    api.cookies["csrftoken"] = token
    api.defaults["HTTP_X_CSRFTOKEN"] = token
    return api


def payload(**overrides):
    body = {
        "area": "westwijk",
        "offer": "buurtgezinnen",
        "person_name": "K. de Vries",
        "contact_route": "06 98765432",
        "reason": "Vader zoekt hulp bij de opvoeding.",
        "consent": {
            "given_by": "K. de Vries",
            "relation": "parent",
            "given_on": "2026-11-02",
            "method": "spoken",
            "data_kinds": ["name", "contact", "reason", "urgency"],
        },
    }
    body.update(overrides)
    return body


@pytest.fixture
def sent(world):
    return f.referral(world.specialist, world.school, world.offer)


def test_list_shows_own_referrals_without_personal_fields(world, sent, login_verified):
    for user in (world.specialist, world.receiver):
        response = client_for(user, login_verified).get(LIST)
        assert response.status_code == 200
        rows = response.json()["results"]
        assert [r["reference"] for r in rows] == [sent.reference]
        assert rows[0]["offer"] == "buurtgezinnen" and rows[0]["state"] == "sent"
        for secret in PERSONAL:
            assert secret not in response.content.decode()
        assert "person_name" not in rows[0]
    assert not ProcessingRecord.objects.filter(action="read").exists()
    other = client_for(world.other_receiver, login_verified)
    assert other.get(LIST).json()["results"] == []
    assert other.get(LIST, {"state": "weg"}).status_code == 400


def test_detail_shows_personal_fields_and_writes_one_processing_record(world, sent, login_verified):
    api = client_for(world.receiver, login_verified)
    response = api.get(detail(sent))
    assert response.status_code == 200
    body = response.json()
    assert body["person_name"] == "J. Jansen"
    assert body["consent"]["given_by"] == "mevrouw J."
    assert [e["to_state"] for e in body["events"]] == ["sent"]
    assert body["next_steps"] == ["received", "not_started"]
    records = ProcessingRecord.objects.filter(action="read")
    assert records.count() == 1
    record = records.get()
    assert (record.activity_code, record.subject_id, record.object_id) == (
        "warm-referral",
        str(sent.subject_id),
        sent.reference,
    )
    assert record.actor_id == str(world.receiver.pk) and record.request_path == detail(sent)


def test_others_get_404_and_no_record(world, sent, login_verified):
    api = client_for(world.other_receiver, login_verified)
    assert api.get(detail(sent)).status_code == 404
    assert api.get(reverse("referrals-api:referral-detail", args=["VW-1900-1"])).status_code == 404
    assert not ProcessingRecord.objects.filter(action="read").exists()


def test_an_unverified_session_is_refused(world, sent):
    api = APIClient()
    api.force_login(world.receiver)
    response = api.get(LIST)
    assert response.status_code == 403
    assert api.get(detail(sent)).status_code == 403


def test_create_with_consent_answers_without_personal_fields(world, login_verified):
    api = client_for(world.specialist, login_verified)
    response = api.post(LIST, payload(), format="json")
    assert response.status_code == 201, response.content
    referral = Referral.objects.get()
    assert response.json()["reference"] == referral.reference
    assert response["Location"] == detail(referral)
    assert "K. de Vries" not in response.content.decode()
    assert referral.person_name == "K. de Vries" and referral.referring_organisation == world.school
    assert referral.consent.given_by == "K. de Vries" and referral.consent.relation == "parent"
    assert ProcessingRecord.objects.filter(action="create", object_id=referral.reference).exists()


def test_idempotency_key_replay_returns_the_same_referral_and_one_row(world, login_verified):
    api = client_for(world.specialist, login_verified)
    first = api.post(LIST, payload(), format="json", HTTP_IDEMPOTENCY_KEY="verwijzing-1")
    again = api.post(LIST, payload(), format="json", HTTP_IDEMPOTENCY_KEY="verwijzing-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["reference"] == again.json()["reference"]
    assert again["Idempotent-Replayed"] == "true"
    assert Referral.objects.count() == 1 and Consent.objects.count() == 1
    # Nothing personal is kept in plain text for the replay.
    assert "K. de Vries" not in IdempotencyRecord.objects.get().response_body
    other_body = api.post(
        LIST, payload(reason="Iets anders."), format="json", HTTP_IDEMPOTENCY_KEY="verwijzing-1"
    )
    assert other_body.status_code == 422
    bad_key = api.post(LIST, payload(), format="json", HTTP_IDEMPOTENCY_KEY="met spatie")
    assert bad_key.status_code == 400
    assert Referral.objects.count() == 1


def test_a_refused_create_can_be_retried_with_the_same_key(world, login_verified):
    api = client_for(world.specialist, login_verified)
    refused = api.post(LIST, payload(reason=""), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert refused.status_code == 400 and "reason" in refused.json()
    accepted = api.post(LIST, payload(), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert accepted.status_code == 201
    assert Referral.objects.count() == 1


def _consent(**overrides):
    return {**payload()["consent"], **overrides}


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (payload(consent=None), ["consent"]),
        ({k: v for k, v in payload().items() if k != "consent"}, ["consent"]),
        (payload(consent=_consent(data_kinds=["name", "contact"])), ["consent", "data_kinds"]),
        (payload(consent=_consent(given_on="2099-01-01")), ["consent", "given_on"]),
        (payload(consent=_consent(given_on="gisteren")), ["consent", "given_on"]),
        (payload(consent=_consent(relation="buurman")), ["consent", "relation"]),
        (payload(consent=_consent(given_by="   ")), ["consent", "given_by"]),
        (payload(age_band="4-12"), ["consent", "data_kinds"]),
        (payload(offer="bestaat-niet"), ["offer"]),
        (payload(area="nergens"), ["area"]),
        (payload(neighbourhood="maanwijk"), ["neighbourhood"]),
        (payload(referring_organisation="minters"), ["referring_organisation"]),
        (payload(referring_organisation="onbekend"), ["referring_organisation"]),
        (payload(person_name=""), ["person_name"]),
        (payload(reason="x" * 1001), ["reason"]),
        (payload(urgency="nu"), ["urgency"]),
        ([1, 2], ["non_field_errors"]),
    ],
)
def test_bad_input_is_a_400_naming_the_field(world, login_verified, body, path):
    api = client_for(world.specialist, login_verified)
    response = api.post(LIST, body, format="json")
    assert response.status_code == 400, response.content
    errors = response.json()
    for key in path:
        errors = errors[key]
    assert errors
    assert not Referral.objects.exists() and not Consent.objects.exists()


def test_malformed_json_and_other_content_types_are_refused_cleanly(world, login_verified):
    api = client_for(world.specialist, login_verified)
    broken = api.post(LIST, '{"area": ', content_type="application/json")
    assert broken.status_code == 400
    form = api.post(LIST, {"area": "westwijk"})
    assert form.status_code == 415
    assert not Referral.objects.exists()


def test_a_referrer_with_two_organisations_must_choose(world, login_verified):
    world.specialist.memberships.create(organisation=world.other)
    api = client_for(world.specialist, login_verified)
    response = api.post(LIST, payload(), format="json")
    assert response.status_code == 400 and "referring_organisation" in response.json()
    chosen = api.post(LIST, payload(referring_organisation="stroomopwaarts"), format="json")
    assert chosen.status_code == 201
    assert Referral.objects.get().referring_organisation == world.other


def test_a_receiver_may_not_create(world, login_verified):
    api = client_for(world.receiver, login_verified)
    assert api.post(LIST, payload(), format="json").status_code == 403
    assert not Referral.objects.exists()


def test_state_changes_by_the_right_side_only(world, sent, login_verified):
    receiver = client_for(world.receiver, login_verified)
    specialist = client_for(world.specialist, login_verified)
    refused = specialist.post(state_url(sent), {"to_state": "received"}, format="json")
    assert refused.status_code == 400 and "to_state" in refused.json()
    response = receiver.post(state_url(sent), {"to_state": "received"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "received"
    assert "J. Jansen" not in response.content.decode()
    no_date = receiver.post(state_url(sent), {"to_state": "intake_planned"}, format="json")
    assert no_date.status_code == 400 and "intake_on" in no_date.json()
    no_note = receiver.post(state_url(sent), {"to_state": "not_started"}, format="json")
    assert no_note.status_code == 400 and "note" in no_note.json()
    unknown = receiver.post(state_url(sent), {"to_state": "klaar"}, format="json")
    assert unknown.status_code == 400 and "to_state" in unknown.json()
    bad_date = receiver.post(
        state_url(sent), {"to_state": "intake_planned", "intake_on": "morgen"}, format="json"
    )
    assert bad_date.status_code == 400 and "intake_on" in bad_date.json()
    planned = receiver.post(
        state_url(sent), {"to_state": "intake_planned", "intake_on": "2026-12-10"}, format="json"
    )
    assert planned.status_code == 200 and planned.json()["intake_on"] == "2026-12-10"
    withdrawn = specialist.post(
        state_url(sent), {"to_state": "withdrawn", "note": "Gezin wil het niet meer."}, "json"
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["closed_at"]
    sent.refresh_from_db()
    assert sent.state == "withdrawn"
    assert [e.to_state for e in ReferralEvent.objects.filter(referral=sent)] == [
        "sent",
        "received",
        "intake_planned",
        "withdrawn",
    ]
    closed = receiver.post(state_url(sent), {"to_state": "started"}, format="json")
    assert closed.status_code == 400


def test_counts_per_offer_and_month_of_own_referrals(world, sent, login_verified):
    f.referral(world.other_referrer, world.other, world.offer)
    api = client_for(world.specialist, login_verified)
    rows = api.get(COUNTS).json()
    month = workdays.local_date(sent.sent_at).replace(day=1).isoformat()
    assert rows == [
        {
            "offer": "buurtgezinnen",
            "offer_name": "Buurtgezinnen",
            "month": month,
            "sent": 1,
            "received": 0,
            "started": 0,
            "completed": 0,
            "not_started": 0,
        }
    ]
    assert api.get(COUNTS, {"year": 2001}).json() == []
    assert api.get(COUNTS, {"year": "dit jaar"}).status_code == 400
    receiver = client_for(world.receiver, login_verified).get(COUNTS).json()
    assert receiver[0]["sent"] == 2
