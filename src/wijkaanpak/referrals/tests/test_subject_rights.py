"""P7: the privacy officer finds a person's referrals, shows and downloads everything held
about them, and erases closed referrals on request; every step is in the processing log."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from wijkaanpak.accounts import roles
from wijkaanpak.areas.models import Area
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.crypto import encrypted_fields
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.referrals.models import ErasureRecord, Referral
from wijkaanpak.referrals.services import subject_rights
from wijkaanpak.referrals.services.progress import change_state
from wijkaanpak.referrals.services.referring import refer
from wijkaanpak.referrals.services.retention import erase

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(world):
    return f.staff("privacy", roles.PRIVACY_OFFICER, world.school)


@pytest.fixture
def person(world):
    """J. Jansen was referred twice (one closed, one running); someone else once."""
    closed = f.referral(world.specialist, world.school, world.offer)
    change_state(closed, user=world.receiver, to_state="not_started", note="Gezin wil niet.")
    running = f.referral(
        world.specialist, world.school, world.offer, contact_route="0612345678 (mail mag ook)"
    )
    someone_else = refer(
        user=world.specialist,
        referring_organisation=world.school,
        offer=world.offer,
        consent=f.consent(given_by="P. Pietersen"),
        data=f.data(person_name="P. Pietersen"),
    )
    return Referral.objects.get(pk=closed.pk), running, someone_else


def url(name, world, *referrals):
    query = "&".join(f"kenmerk={r.reference}" for r in referrals)
    return reverse(f"referrals_subject:{name}", args=[world.area.slug]) + (
        f"?{query}" if query else ""
    )


@pytest.mark.parametrize(
    ("name", "contact", "found"),
    [
        ("J. Jansen", "06-12 34 56 78", {"closed", "running"}),
        ("j jansen", "0612345678", {"closed", "running"}),
        ("Mevrouw J", "06 12345678", {"closed", "running"}),  # who gave consent
        ("J. Jansen", "mail mag", {"running"}),
        ("J. Jansen", "06 99999999", set()),
        ("P. Jansen", "06 12345678", set()),
        ("", "06 12345678", set()),
    ],
)
def test_find_by_name_and_contact_route(world, person, name, contact, found):
    closed, running, _other = person
    names = {closed.pk: "closed", running.pk: "running"}
    result = subject_rights.find(world.area, name=name, contact_route=contact)
    assert {names.get(r.pk, "other") for r in result.referrals} == found
    assert result.searched == 3 and not result.capped


def test_find_by_kenmerk_needs_the_name_unless_erased(world, person):
    closed, _running, _other = person
    assert subject_rights.find(world.area, name="J. Jansen", reference=closed.reference.lower())
    assert not subject_rights.find(
        world.area, name="P. Pietersen", reference=closed.reference
    ).referrals
    erase(closed, ground="request")
    found = subject_rights.find(world.area, name="P. Pietersen", reference=closed.reference)
    assert [r.pk for r in found.referrals] == [closed.pk]


def test_the_search_has_a_hard_cap_and_says_so(world, person, monkeypatch):
    monkeypatch.setattr(subject_rights, "SEARCH_CAP", 1)
    result = subject_rights.find(world.area, name="J. Jansen", contact_route="06 12345678")
    assert result.capped and result.searched == 1


def test_search_page_posts_and_logs_each_referral_found(
    world, person, officer, client, login_verified
):
    closed, running, _other = person
    login_verified(client, officer)
    page = url("search", world)
    assert client.get(page).status_code == 200
    missing = client.post(page, {"name": "J. Jansen"})
    assert missing.status_code == 400
    assert "contactroute of het kenmerk" in missing.content.decode()
    response = client.post(page, {"name": "J. Jansen", "contact_route": "06 12345678"})
    assert response.status_code == 200
    text = response.content.decode()
    assert closed.reference in text and running.reference in text
    assert "no-store" in response["Cache-Control"]
    records = ProcessingRecord.objects.filter(action="read", activity_code="subject-request")
    assert sorted(r.object_id for r in records) == sorted([closed.reference, running.reference])


def test_person_page_shows_everything_and_logs_one_read_per_referral(
    world, person, officer, client, login_verified
):
    closed, running, _other = person
    login_verified(client, officer)
    response = client.get(url("person", world, closed, running))
    assert response.status_code == 200
    text = response.content.decode()
    for expected in ("J. Jansen", "mevrouw J.", "Gezin wil niet.", "Moeder zoekt steun"):
        assert expected in text
    assert "gezinsspecialist" not in text  # staff are shown by organisation, not by name
    assert (
        ProcessingRecord.objects.filter(action="read", activity_code="subject-request").count() == 2
    )
    assert client.get(url("person", world)).status_code == 404
    assert client.get(url("person", world) + "?kenmerk=VW-1900-00001").status_code == 404


def test_a_kenmerk_of_another_area_is_not_found(world, person, officer, client, login_verified):
    elsewhere = Area.objects.create(name="Oostwijk", slug="oostwijk", municipality="Utrecht")
    login_verified(client, officer)
    page = reverse("referrals_subject:person", args=[elsewhere.slug])
    assert client.get(f"{page}?kenmerk={person[0].reference}").status_code == 404


def test_the_json_download_covers_everything(world, person, officer, client, login_verified):
    closed, _running, _other = person
    Question.objects.create(
        area=world.area,
        asked_on=dt.date(2026, 11, 3),
        theme="upbringing",
        channel="walk_in",
        outcome="referred",
        referral=closed,
    )
    login_verified(client, officer)
    response = client.get(url("export", world, closed))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    body = json.loads(response.content)
    [exported] = body["referrals"]
    assert exported["referral"]["person_name"] == "J. Jansen"
    assert exported["referral"]["subject_id"] == str(closed.subject_id)
    assert exported["consent"]["given_by"] == "mevrouw J."
    assert [e["to_state"] for e in exported["events"]] == ["sent", "not_started"]
    assert exported["questions"][0]["theme"] == "upbringing"
    assert {r["action"] for r in exported["processing_log"]} >= {"create", "update"}
    assert exported["messages"] and "recipient" not in exported["messages"][0]
    assert "gezinsspecialist" not in response.content.decode()
    assert ProcessingRecord.objects.filter(action="read", object_id=closed.reference).count() == 1


def test_the_export_covers_every_model_that_points_at_a_referral(world, person):
    """Walks Referral's relations: a new model pointing at a referral must join the export."""
    closed, _running, _other = person
    Question.objects.create(
        area=world.area,
        asked_on=dt.date(2026, 11, 3),
        theme="care",
        channel="phone",
        outcome="referred",
        referral=closed,
    )
    erase(closed, ground="request")
    exported = subject_rights.export_referral(closed).as_json()
    relations = list(Referral._meta.related_objects)
    assert {r.get_accessor_name() for r in relations} == set(subject_rights.SECTIONS)
    for relation in relations:
        accessor = relation.get_accessor_name()
        rows = exported[accessor]
        assert len(rows) == getattr(closed, accessor).count() >= 1, accessor
        withheld = subject_rights.WITHHELD[relation.related_model._meta.label]
        for model_field in relation.related_model._meta.concrete_fields:
            assert model_field.name in rows[0] or model_field.name in withheld, (
                f"{relation.related_model._meta.label}.{model_field.name} is neither exported "
                "nor listed as withheld"
            )
    # Forward: a related model holding encrypted personal data gets its own block.
    forward = [
        field.name
        for field in Referral._meta.concrete_fields
        if field.is_relation and encrypted_fields(field.related_model)
    ]
    assert forward == ["consent"]
    for model_field in type(closed.consent)._meta.concrete_fields:
        assert (
            model_field.name in exported["consent"]
            or model_field.name in (subject_rights.WITHHELD["referrals.Consent"])
        )
    for model_field in Referral._meta.concrete_fields:
        assert (
            model_field.name in exported["referral"]
            or model_field.name in (subject_rights.WITHHELD["referrals.Referral"])
        )


def test_erasure_on_request_erases_closed_and_explains_open(
    world, person, officer, client, login_verified
):
    closed, running, _other = person
    login_verified(client, officer)
    form = {"kenmerk": [closed.reference, running.reference]}
    unconfirmed = client.post(url("erase", world), form)
    assert unconfirmed.status_code == 400 and not ErasureRecord.objects.exists()
    assert client.get(url("erase", world, closed)).status_code == 405

    response = client.post(url("erase", world), {**form, "confirm": "on"}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Vraag de verwijzer om de verwijzing in te trekken" in text
    closed.refresh_from_db()
    running.refresh_from_db()
    assert closed.person_name == "" and closed.consent.given_by == ""
    assert running.person_name == "J. Jansen" and running.erased_at is None
    record = ErasureRecord.objects.get()
    assert (record.referral, record.ground, record.erased_by) == (closed, "request", officer)
    deleted = ProcessingRecord.objects.get(action="delete")
    assert (deleted.object_id, deleted.activity_code) == (closed.reference, "subject-request")
    assert deleted.actor_id == str(officer.pk)

    again = client.post(url("erase", world), {**form, "confirm": "on"}, follow=True)
    assert "Al eerder gewist" in again.content.decode()
    assert ErasureRecord.objects.count() == 1


@pytest.mark.parametrize("role", ["specialist", "receiver", "coordinator", "other_receiver"])
def test_only_the_privacy_officer_gets_in(world, person, client, login_verified, role):
    closed = person[0]
    login_verified(client, getattr(world, role))
    assert client.get(url("search", world)).status_code == 403
    assert client.get(url("person", world, closed)).status_code == 403
    assert client.get(url("export", world, closed)).status_code == 403
    response = client.post(url("erase", world), {"kenmerk": [closed.reference], "confirm": "on"})
    assert response.status_code == 403
    assert not ErasureRecord.objects.exists()
    assert not ProcessingRecord.objects.filter(activity_code="subject-request").exists()
