"""The outbox over a real SMTP connection: sent after commit, retried, never lost (R3, R5)."""

import datetime as dt
import logging

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.notifications import services
from wijkaanpak.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def enqueue(**overrides):
    values = {
        "recipient": "bewoner@example.org",
        "subject": "Wij hebben uw melding ontvangen",
        "body": "Bedankt voor uw melding.",
        "topic_type": "reports.report",
        "topic_id": 7,
        "kind": "report_receipt",
    }
    return services.enqueue(**{**values, **overrides})


@pytest.mark.parametrize(
    ("attempts", "minutes"),
    [(1, 1), (2, 2), (3, 4), (4, 8), (6, 32), (8, 128), (9, 240), (20, 240)],
)
def test_backoff_doubles_and_is_capped_at_four_hours(attempts, minutes):
    assert services.backoff(attempts) == dt.timedelta(minutes=minutes)


def test_a_message_is_sent_right_after_commit(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue()
        # Nothing leaves before the change that causes it is committed.
        assert smtp_server.messages == []

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    [mail] = smtp_server.messages
    assert mail["To"] == "bewoner@example.org"
    assert mail["Subject"] == "Wij hebben uw melding ontvangen"
    assert mail["From"] == "noreply@wijkaanpak.test"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert "Bedankt voor uw melding." in mail.get_content()


def test_a_rolled_back_change_stores_and_sends_nothing(
    smtp_server, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        enqueue()
        raise RuntimeError("the change fails")

    assert OutboxMessage.objects.count() == 0
    assert smtp_server.messages == []


def test_the_same_dedupe_key_stores_one_message(smtp_server):
    first = enqueue(dedupe_key="report:7:receipt")
    second = enqueue(dedupe_key="report:7:receipt", body="anders")

    assert second.pk == first.pk
    assert OutboxMessage.objects.count() == 1
    services.send_pending()
    assert len(smtp_server.messages) == 1


def test_a_failing_mail_server_loses_nothing_and_the_mail_arrives_once(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.stop()
    with time_machine.travel(T0, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            message = enqueue()
        message.refresh_from_db()
        assert message.state == OutboxMessage.State.PENDING
        assert message.attempts == 1
        assert message.last_error.startswith("ConnectionRefusedError")
        assert message.next_attempt_at == T0 + dt.timedelta(minutes=1)

    smtp_server.start()
    with time_machine.travel(T0 + dt.timedelta(seconds=30), tick=False):
        # Not due yet: the backoff is respected.
        assert services.send_pending().sent == 0
    assert smtp_server.messages == []

    with time_machine.travel(T0 + dt.timedelta(minutes=1), tick=False):
        call_command("send_outbox", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("send_outbox", stdout=open("/dev/null", "w"))  # noqa: SIM115

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert message.attempts == 2
    assert message.last_error == ""
    assert len(smtp_server.messages) == 1


def test_after_the_last_attempt_the_message_is_failed(smtp_server, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    smtp_server.stop()
    with time_machine.travel(T0, tick=False):
        message = enqueue()
    moment = T0
    for _attempt in range(5):
        with time_machine.travel(moment, tick=False):
            services.send_pending()
        moment += dt.timedelta(hours=5)

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.FAILED
    assert message.attempts == 3
    assert message.next_attempt_at is None

    # A failed message is never picked up again, even when the server is back.
    smtp_server.start()
    with time_machine.travel(moment, tick=False):
        assert services.send_pending().sent == 0
    assert smtp_server.messages == []


def test_a_refused_mailbox_fails_at_once_without_the_address_in_the_error(smtp_server):
    smtp_server.refused.add("weg@example.org")
    refused = enqueue(recipient="weg@example.org")
    fine = enqueue(recipient="wel@example.org")

    result = services.send_pending()

    refused.refresh_from_db()
    fine.refresh_from_db()
    assert (result.sent, result.failed) == (1, 1)
    assert refused.state == OutboxMessage.State.FAILED
    assert "550" in refused.last_error
    assert "weg@example.org" not in refused.last_error
    assert fine.state == OutboxMessage.State.SENT


def test_a_server_outage_stops_the_run_without_using_up_every_attempt(smtp_server):
    smtp_server.stop()
    messages = [enqueue(dedupe_key=f"k{n}") for n in range(3)]

    result = services.send_pending()

    assert (result.sent, result.retry_later, result.skipped) == (0, 1, 2)
    attempts = sorted(OutboxMessage.objects.values_list("attempts", flat=True))
    assert attempts == [0, 0, 1]
    smtp_server.start()
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2), tick=False):
        assert services.send_pending().sent == 3
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(m.recipient for m in messages)


def test_withdrawn_and_sent_messages_are_not_sent_again(smtp_server):
    sent = enqueue(dedupe_key="a")
    services.send_pending()
    withdrawn = enqueue(dedupe_key="b")
    services.withdraw(OutboxMessage.objects.filter(pk=withdrawn.pk))

    assert services.send_pending().sent == 0
    assert [m["X-Outbox-Id"] for m in smtp_server.messages] == [str(sent.pk)]


def test_retry_makes_a_failed_message_due_again(smtp_server):
    message = enqueue()
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=OutboxMessage.State.FAILED, attempts=10, next_attempt_at=None
    )

    assert services.retry(OutboxMessage.objects.all()) == 1
    assert services.send_pending().sent == 1
    assert len(smtp_server.messages) == 1


def test_the_log_names_the_message_and_the_error_never_the_recipient(smtp_server, caplog):
    """security.md P3: sentinel contact details never reach the application log."""
    sentinel_email = "sentinel.melder.7731@example.org"
    sentinel_phone = "06 9911 7731"
    smtp_server.stop()
    message = enqueue(
        recipient=sentinel_email, body=f"Telefoon {sentinel_phone}", subject="Uw melding"
    )

    with caplog.at_level(logging.DEBUG):
        services.send_now(message.pk)
        services.send_pending(timezone.now() + dt.timedelta(hours=1))
        smtp_server.start()
        smtp_server.refused.add(sentinel_email)
        services.send_pending(timezone.now() + dt.timedelta(hours=2))

    # Everything the application logs (the test SMTP server's own log is not ours).
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''}"
        for r in caplog.records
        if not r.name.startswith("mail.log")
    )
    assert f"outbox message {message.pk}" in logged
    assert "ConnectionRefusedError" in logged
    assert "SMTPRecipientsRefused" in logged
    assert "sentinel" not in logged
    assert sentinel_phone not in logged


def test_failed_messages_are_listed_in_the_admin(client, login_verified):
    failed = enqueue(dedupe_key="failed")
    enqueue(dedupe_key="pending")
    OutboxMessage.objects.filter(pk=failed.pk).update(
        state=OutboxMessage.State.FAILED, last_error="SMTPDataError: 554 rejected"
    )
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    login_verified(client, admin_user)

    response = client.get("/admin/notifications/outboxmessage/", {"state": "failed"})

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [failed]
    assert "554 rejected" in response.content.decode()


def test_the_admin_cannot_add_or_delete_messages(client, login_verified):
    message = enqueue()
    login_verified(client, UserFactory(is_staff=True, is_superuser=True))

    assert client.get("/admin/notifications/outboxmessage/add/").status_code == 403
    url = f"/admin/notifications/outboxmessage/{message.pk}/delete/"
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert OutboxMessage.objects.filter(pk=message.pk).exists()


def test_staff_without_rights_cannot_see_the_outbox(client, login_verified):
    enqueue()
    login_verified(client, UserFactory(is_staff=True))

    response = client.get("/admin/notifications/outboxmessage/")

    assert response.status_code == 403


def test_reading_a_message_in_the_admin_is_in_the_processing_log(client, login_verified):
    from wijkaanpak.audit.models import ProcessingRecord

    message = enqueue()
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    login_verified(client, admin_user)

    response = client.get(f"/admin/notifications/outboxmessage/{message.pk}/change/")

    assert response.status_code == 200
    assert "bewoner@example.org" in response.content.decode()
    [record] = ProcessingRecord.objects.all()
    assert (record.action, record.actor_id) == ("read", str(admin_user.pk))
    assert (record.object_type, record.object_id) == ("report", "7")
    assert record.data_kinds == ["e-mailadres"]
    assert "bewoner@example.org" not in record.subject_id


@pytest.mark.django_db(transaction=True)
def test_a_message_held_by_one_worker_is_skipped_by_another(smtp_server):
    """Two send_outbox runs at once never send one message twice (needs PostgreSQL)."""
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED needs PostgreSQL; SQLite runs one writer at a time")
    message = OutboxMessage.objects.create(
        recipient="bewoner@example.org",
        subject="Onderwerp",
        body="Tekst",
        topic_type="reports.report",
        topic_id="7",
        kind="report_receipt",
        next_attempt_at=timezone.now(),
    )
    holding, release = threading.Event(), threading.Event()

    def other_worker():
        from django.db import connection as own_connection

        try:
            with transaction.atomic():
                OutboxMessage.objects.select_for_update().get(pk=message.pk)
                holding.set()
                release.wait(10)
        finally:
            own_connection.close()

    worker = threading.Thread(target=other_worker)
    worker.start()
    assert holding.wait(10)
    try:
        result = services.send_pending()
    finally:
        release.set()
        worker.join()

    assert (result.sent, result.skipped) == (0, 1)
    assert smtp_server.messages == []
    assert services.send_pending().sent == 1
