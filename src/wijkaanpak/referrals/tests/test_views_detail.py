"""One referral's page and its steps: only the two organisations, one log record per view."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from wijkaanpak.accounts import roles
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.referrals.models import Referral

from . import factories as f

pytestmark = pytest.mark.django_db
State = Referral.State


@pytest.fixture
def referral(world):
    return f.referral(world.specialist, world.school, world.offer, age_band="4-12")


def detail(referral, area="westwijk"):
    return reverse("referrals:detail", args=[area, referral.reference])


def step(referral, to_state):
    return reverse("referrals:step", args=["westwijk", referral.reference, to_state])


def reads():
    return ProcessingRecord.objects.filter(action="read")


@pytest.mark.parametrize("who", ["specialist", "receiver"])
def test_both_sides_see_the_data_consent_and_history_with_one_log_record(
    client, login_verified, world, referral, who
):
    user = getattr(world, who)
    login_verified(client, user)
    response = client.get(detail(referral))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    for shown in (
        referral.reference,
        "J. Jansen",
        "06 12345678, liefst na 15.00 uur",
        "Moeder zoekt steun",
        "mevrouw J.",
        "mondeling, in een gesprek",
        "4 tot 12 jaar",
        "IKC De Wereldwijzer",
    ):
        assert shown in page
    record = reads().get()
    assert record.activity_code == "warm-referral"
    assert record.object_id == referral.reference
    assert record.subject_id == str(referral.subject_id)
    assert record.actor_id == str(user.pk)
    assert record.data_kinds == ["age_band", "contact", "name", "reason", "urgency"]
    assert record.request_path == detail(referral)

    client.get(detail(referral))
    assert reads().count() == 2


@pytest.mark.parametrize("who", ["other_receiver", "other_referrer", "coordinator"])
def test_other_organisations_and_roles_get_a_404_and_leave_no_record(
    client, login_verified, world, referral, who
):
    login_verified(client, getattr(world, who))
    assert client.get(detail(referral)).status_code == 404
    assert client.post(step(referral, State.RECEIVED)).status_code == 404
    referral.refresh_from_db()
    assert referral.state == State.SENT
    assert not reads().exists()


@pytest.mark.parametrize("role", [roles.STEERING_GROUP, roles.QUESTION_DESK])
def test_the_steering_group_and_the_question_desk_see_nothing(
    client, login_verified, world, referral, role
):
    login_verified(client, f.staff("iemand", role, world.welfare))
    assert client.get(detail(referral)).status_code == 404
    assert not reads().exists()


def test_anonymous_visitors_are_sent_to_the_login(client, referral):
    for response in (client.get(detail(referral)), client.post(step(referral, "received"))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_referral_is_only_found_in_its_own_area(client, login_verified, world, referral):
    from wijkaanpak.areas.models import Area

    Area.objects.create(name="Oostwijk", slug="oostwijk")
    login_verified(client, world.specialist)
    assert client.get(detail(referral, area="oostwijk")).status_code == 404


def test_the_receiver_gets_the_steps_and_the_referrer_only_withdraws(
    client, login_verified, world, referral
):
    login_verified(client, world.receiver)
    forms = client.get(detail(referral)).context["forms"]
    assert [form.to_state for form in forms] == [State.RECEIVED, State.NOT_STARTED]
    login_verified(client, world.specialist)
    forms = client.get(detail(referral)).context["forms"]
    assert [form.to_state for form in forms] == [State.WITHDRAWN]
    assert "Intrekken" in client.get(detail(referral)).content.decode()


def test_the_receiver_accepts_and_the_referrer_sees_it_and_is_mailed(
    client, login_verified, world, referral
):
    login_verified(client, world.receiver)
    response = client.post(step(referral, State.RECEIVED), {"received-note": "Wij bellen morgen."})
    assert response.status_code == 302 and response["Location"] == detail(referral)
    referral.refresh_from_db()
    assert referral.state == State.RECEIVED and referral.received_at is not None
    mail = OutboxMessage.objects.get(recipient=world.specialist.email, kind="referral_received")
    assert referral.reference in mail.subject and "J. Jansen" not in mail.body

    login_verified(client, world.specialist)
    page = client.get(detail(referral)).content.decode()
    assert "<strong>ontvangen</strong>" in page
    assert "Wij bellen morgen." in page and "Minters" in page


def test_planning_an_intake_needs_a_valid_date(client, login_verified, world, referral):
    login_verified(client, world.receiver)
    client.post(step(referral, State.RECEIVED))
    for value, message in (("", "Vul de datum van de intake in."), ("morgen", "zoals 31-12")):
        response = client.post(
            step(referral, State.INTAKE_PLANNED), {"intake_planned-intake_on": value}
        )
        assert response.status_code == 400
        bound = next(f for f in response.context["forms"] if f.to_state == State.INTAKE_PLANNED)
        assert message in " ".join(bound.errors["intake_on"])
    response = client.post(
        step(referral, State.INTAKE_PLANNED), {"intake_planned-intake_on": "2026-12-03"}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.intake_on == dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("who", "to_state", "data", "message"),
    [
        ("receiver", State.NOT_STARTED, {}, "Schrijf kort op waarom"),
        ("specialist", State.WITHDRAWN, {"withdrawn-note": "  "}, "Schrijf kort op waarom"),
        ("specialist", State.RECEIVED, {}, "Alleen de ontvangende organisatie"),
        ("receiver", State.WITHDRAWN, {"withdrawn-note": "x"}, "Alleen de verwijzer"),
        ("receiver", State.COMPLETED, {}, "kan niet naar"),
        ("receiver", "bestaat-niet", {}, "Deze stap bestaat niet."),
        ("receiver", State.NOT_STARTED, {"not_started-note": "x" * 1001}, "hooguit 1000"),
    ],
)
def test_steps_that_are_not_allowed_are_explained_in_dutch(
    client, login_verified, world, referral, who, to_state, data, message
):
    login_verified(client, getattr(world, who))
    response = client.post(step(referral, to_state), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    referral.refresh_from_db()
    assert referral.state == State.SENT
    # The page shown again is one view: one read record, no update record.
    assert list(ProcessingRecord.objects.exclude(action="create").values_list("action")) == [
        ("read",)
    ]


def test_a_step_page_takes_only_posts(client, login_verified, world, referral):
    login_verified(client, world.receiver)
    assert client.get(step(referral, State.RECEIVED)).status_code == 405


def test_the_referrer_withdraws_with_a_reason(client, login_verified, world, referral):
    login_verified(client, world.specialist)
    response = client.post(step(referral, State.WITHDRAWN), {"withdrawn-note": "Gezin wil niet"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.state == State.WITHDRAWN and referral.closed_at is not None
    told = OutboxMessage.objects.get(kind="referral_withdrawn_receiver")
    assert told.recipient == world.receiver.email
    assert referral.reference in told.subject and "Gezin wil niet" not in told.body
    page = client.get(detail(referral)).content.decode()
    assert "Gezin wil niet" in page and "Deze verwijzing is afgesloten." in page


def test_an_escalation_shows_in_the_history(client, login_verified, world, referral):
    Referral.objects.filter(pk=referral.pk).update(escalated_at=timezone.now())
    login_verified(client, world.receiver)
    page = client.get(detail(referral)).content.decode()
    assert "Opgeschaald: niet op tijd ontvangen" in page


def test_after_erasure_the_page_says_when_and_logs_what_is_left(
    client, login_verified, world, referral
):
    erased_at = dt.datetime(2027, 12, 1, 3, tzinfo=dt.UTC)
    Referral.objects.filter(pk=referral.pk).update(
        person_name="", contact_route="", reason="", erased_at=erased_at
    )
    referral.consent.given_by = ""
    referral.consent.save()
    login_verified(client, world.specialist)
    page = client.get(detail(referral)).content.decode()
    assert "De persoonsgegevens van deze verwijzing zijn gewist op 1 december 2027." in page
    assert "J. Jansen" not in page and "mevrouw J." not in page
    assert reads().get().data_kinds == ["age_band", "urgency"]
