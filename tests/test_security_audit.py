"""P1/P2: the processing log is read-only in the admin and append-only in the database.

The database half needs PostgreSQL (the trigger of audit migration 0002):
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/wijkaanpak_security \
    .venv/bin/pytest tests/test_security_audit.py -p no:cacheprovider
"""

import datetime as dt
from contextlib import contextmanager

import pytest
import time_machine
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.audit import log
from wijkaanpak.audit.activities import REPORT_HANDLING
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.audit.retention import purge_expired

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the append-only trigger exists on PostgreSQL only; run with DATABASE_URL set "
    "to a PostgreSQL database (see this module's docstring)",
)


def record(user, subject_id="M-2026-00001", **kwargs):
    return log.record(
        user=user,
        action=kwargs.pop("action", ProcessingRecord.Action.READ),
        activity=REPORT_HANDLING,
        subject_type="melder",
        subject_id=subject_id,
        object_type="melding",
        object_id=subject_id,
        data_kinds=["e-mailadres", "telefoonnummer"],
        **kwargs,
    )


@contextmanager
def purge_off():
    """Undo what the root conftest does for test teardown: this session is no purge."""
    with connection.cursor() as cursor:
        cursor.execute("SET wijkaanpak.audit_purge = 'off'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET wijkaanpak.audit_purge = 'on'")


def refused(sql, params=()):
    """True when the database refuses the statement (it runs in its own savepoint)."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError as exc:
        return "append-only" in str(exc)
    return False


@pytest.fixture
def handler():
    return UserFactory(username="behandelaar", first_name="Bea", last_name="Handel", is_staff=True)


@postgresql_only
def test_update_and_delete_on_the_processing_log_fail(handler):
    row = record(handler)
    with purge_off():
        assert refused(
            "UPDATE audit_processingrecord SET actor_name = %s WHERE id = %s", ["x", row.pk]
        )
        assert refused("DELETE FROM audit_processingrecord WHERE id = %s", [row.pk])
        assert refused("TRUNCATE audit_processingrecord")
        with pytest.raises(DatabaseError), transaction.atomic():
            ProcessingRecord.objects.filter(pk=row.pk).update(actor_name="x")
        with pytest.raises(DatabaseError), transaction.atomic():
            ProcessingRecord.objects.filter(pk=row.pk).delete()
    row.refresh_from_db()
    assert row.actor_name == "Bea Handel"


@postgresql_only
def test_the_purge_switch_does_not_allow_updates(handler):
    row = record(handler)
    # Even the retention job's switch never allows changing a record.
    assert refused("UPDATE audit_processingrecord SET actor_name = %s WHERE id = %s", ["x", row.pk])


@postgresql_only
def test_the_retention_job_may_delete_and_switches_the_purge_off_again(handler):
    with time_machine.travel(dt.datetime(2023, 1, 1, tzinfo=dt.UTC), tick=False):
        old = record(handler)
    recent = record(handler)
    with purge_off():
        assert purge_expired() == 1
        assert refused("DELETE FROM audit_processingrecord WHERE id = %s", [recent.pk])
    assert list(ProcessingRecord.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk != recent.pk


@override_settings(AUDIT_RETENTION_DAYS=730)
def test_purge_removes_only_records_past_the_retention(handler):
    now = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)
    with time_machine.travel(now - dt.timedelta(days=731), tick=False):
        record(handler, subject_id="OUD")
    with time_machine.travel(now - dt.timedelta(days=729), tick=False):
        record(handler, subject_id="NIEUW")

    with time_machine.travel(now, tick=False):
        assert purge_expired() == 1
        assert purge_expired() == 0  # a second run changes nothing
        call_command("purge_processing_log", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(ProcessingRecord.objects.values_list("subject_id", flat=True)) == ["NIEUW"]


# The admin (P1): read-only for everyone, filterable by subject, actor, activity and date.


@pytest.fixture
def superuser_client(client, login_verified):
    login_verified(client, UserFactory(username="fg", is_staff=True, is_superuser=True))
    return client


def test_the_admin_has_no_add_change_or_delete_even_for_a_superuser(superuser_client, handler):
    row = record(handler)
    change = reverse("admin:audit_processingrecord_change", args=[row.pk])
    delete = reverse("admin:audit_processingrecord_delete", args=[row.pk])
    changelist = reverse("admin:audit_processingrecord_changelist")

    assert superuser_client.get(reverse("admin:audit_processingrecord_add")).status_code == 403
    assert superuser_client.get(delete).status_code == 403
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    page = superuser_client.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert superuser_client.post(change, {"actor_name": "x"}).status_code == 403
    bulk = superuser_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [row.pk]}
    )
    assert bulk.status_code in (200, 302)
    row.refresh_from_db()
    assert row.actor_name == "Bea Handel"
    assert ProcessingRecord.objects.count() == 1


def test_a_staff_member_without_the_view_right_cannot_open_the_log(client, login_verified):
    login_verified(client, UserFactory(username="iemand", is_staff=True))
    url = reverse("admin:audit_processingrecord_changelist")
    assert client.get(url).status_code == 403


def listed(client, query) -> set[str]:
    response = client.get(reverse("admin:audit_processingrecord_changelist"), query)
    assert response.status_code == 200
    return {r.subject_id for r in response.context["cl"].result_list}


def test_the_admin_filters_by_subject_actor_activity_and_date(superuser_client, handler):
    other = UserFactory(username="ander", is_staff=True)
    with time_machine.travel(dt.datetime(2026, 1, 10, 10, tzinfo=dt.UTC), tick=False):
        record(handler, subject_id="M-1")
    with time_machine.travel(dt.datetime(2026, 2, 10, 10, tzinfo=dt.UTC), tick=False):
        record(other, subject_id="M-2", action=ProcessingRecord.Action.UPDATE)

    assert listed(superuser_client, {"subject_id": "M-1"}) == {"M-1"}
    assert listed(superuser_client, {"q": "M-2"}) == {"M-2"}
    assert listed(superuser_client, {"actor_id": str(other.pk)}) == {"M-2"}
    assert listed(superuser_client, {"q": "Bea Handel"}) == {"M-1"}
    assert listed(superuser_client, {"activity_code": "report-handling"}) == {"M-1", "M-2"}
    assert listed(superuser_client, {"activity_code": "iets-anders"}) == set()
    assert listed(superuser_client, {"action": "update"}) == {"M-2"}
    assert listed(
        superuser_client,
        {
            "occurred_at__gte": "2026-02-01 00:00:00+01:00",
            "occurred_at__lt": "2026-03-01 00:00:00+01:00",
        },
    ) == {"M-2"}
    assert listed(superuser_client, {"occurred_at__year": "2026", "occurred_at__month": "1"}) == {
        "M-1"
    }
