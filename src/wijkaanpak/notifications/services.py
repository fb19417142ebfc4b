"""The outbox: store a message with the change that causes it, send it after commit, retry.

- `enqueue` stores a message in the caller's transaction (so a rolled-back change sends
  nothing) and asks for one attempt right after commit.
- `send_pending` is what `manage.py send_outbox` runs every minute: it sends what is due,
  with exponential backoff between attempts, and gives up after OUTBOX_MAX_ATTEMPTS (the
  message is then FAILED and listed in the admin).
- A row is claimed with SELECT ... FOR UPDATE SKIP LOCKED, so two runs (or a run and the
  after-commit attempt) never send the same message twice.

Delivery is at least once: a process killed after the mail server accepted a message but
before the row was marked sent will send it again. A dedupe key keeps a cause (an event)
from creating a second message.

Logs name the message id, its kind and the error class, never the recipient (security.md P3).
"""

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

BACKOFF_BASE = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(hours=4)
DEFAULT_BATCH = 200


def _is_unreachable(exc: Exception) -> bool:
    """The mail server cannot be reached: the next message would fail the same way.

    smtplib's errors are OSErrors too; only a socket-level error or a lost connection counts.
    """
    if isinstance(exc, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return True
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def backoff(attempts: int) -> dt.timedelta:
    """Wait after the `attempts`-th failure: 1, 2, 4, 8 ... minutes, at most 4 hours."""
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def enqueue(
    *,
    recipient: str,
    subject: str,
    body: str,
    topic_type: str,
    topic_id,
    kind: str,
    dedupe_key: str | None = None,
) -> OutboxMessage:
    """Store a message; with a known dedupe_key, return the stored one and add nothing."""
    if dedupe_key:
        existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    try:
        # A savepoint: a concurrent insert of the same key must not break the caller's
        # transaction on PostgreSQL.
        with transaction.atomic():
            message = OutboxMessage.objects.create(
                recipient=recipient,
                subject=" ".join(subject.split())[:200],
                body=body,
                topic_type=topic_type,
                topic_id=str(topic_id),
                kind=kind,
                dedupe_key=dedupe_key or None,
                next_attempt_at=timezone.now(),
            )
    except IntegrityError:
        if not dedupe_key:
            raise
        return OutboxMessage.objects.get(dedupe_key=dedupe_key)
    pk = message.pk
    transaction.on_commit(lambda: send_now(pk))
    return message


def send_now(pk: int) -> None:
    """The after-commit attempt: never raises, so the change that caused it stands."""
    try:
        _claim_and_send(pk, now=timezone.now())
    except Exception as exc:  # the outbox run retries; the request must not fail for mail
        logger.warning(
            "outbox message %s: after-commit attempt failed (%s)", pk, type(exc).__name__
        )


@dataclass
class RunResult:
    sent: int = 0
    retry_later: int = 0
    failed: int = 0
    skipped: int = 0

    def __str__(self):
        return (
            f"verzonden: {self.sent}, later opnieuw: {self.retry_later}, "
            f"mislukt: {self.failed}, overgeslagen: {self.skipped}"
        )


def due(now=None):
    now = now or timezone.now()
    return OutboxMessage.objects.filter(state=OutboxMessage.State.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def send_pending(now=None, *, limit: int = DEFAULT_BATCH) -> RunResult:
    """Send every due message once; safe to run from several processes at the same time."""
    now = now or timezone.now()
    result = RunResult()
    ids = list(due(now).order_by("next_attempt_at", "id").values_list("id", flat=True)[:limit])
    if not ids:
        return result
    for index, pk in enumerate(ids):
        outcome = _claim_and_send(pk, now=now)
        if outcome == "sent":
            result.sent += 1
        elif outcome == "retry":
            result.retry_later += 1
        elif outcome == "failed":
            result.failed += 1
        elif outcome == "unreachable":
            # The server is down: the rest would fail the same way and use up their
            # attempts for nothing. They stay due for the next run.
            result.retry_later += 1
            result.skipped += len(ids) - index - 1
            break
        else:
            result.skipped += 1
    return result


def _claim_and_send(pk: int, *, now) -> str:
    with transaction.atomic():
        message = due(now).select_for_update(skip_locked=True).filter(pk=pk).first()
        if message is None:
            return "skipped"  # sent, withdrawn, not yet due, or another worker holds it
        try:
            EmailMessage(
                subject=message.subject,
                body=message.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[message.recipient],
                headers={"Auto-Submitted": "auto-generated", "X-Outbox-Id": str(message.pk)},
            ).send(fail_silently=False)
        except Exception as exc:
            return _record_failure(message, exc, now=now)
        message.attempts += 1
        message.state = OutboxMessage.State.SENT
        message.sent_at = timezone.now()
        message.next_attempt_at = None
        message.last_error = ""
        message.save(
            update_fields=["attempts", "state", "sent_at", "next_attempt_at", "last_error"]
        )
        logger.info("outbox message %s (%s) sent", message.pk, message.kind)
        return "sent"


def _record_failure(message: OutboxMessage, exc: Exception, *, now) -> str:
    message.attempts += 1
    message.last_error = describe_error(exc)[:1000]
    permanent = _is_permanent(exc)
    if permanent or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        message.state = OutboxMessage.State.FAILED
        message.next_attempt_at = None
        outcome = "failed"
    else:
        message.next_attempt_at = now + backoff(message.attempts)
        outcome = "unreachable" if _is_unreachable(exc) else "retry"
    message.save(update_fields=["attempts", "last_error", "state", "next_attempt_at"])
    logger.warning(
        "outbox message %s (%s): attempt %s failed with %s%s",
        message.pk,
        message.kind,
        message.attempts,
        type(exc).__name__,
        "; given up" if outcome == "failed" else "",
    )
    return outcome


def _is_permanent(exc: Exception) -> bool:
    """Every recipient refused with a 5xx code: retrying will not help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused) and exc.recipients:
        return all(code >= 500 for code, _msg in exc.recipients.values())
    return False


def describe_error(exc: Exception) -> str:
    """The error for the admin, without the recipient's address that smtplib puts in it."""
    name = type(exc).__name__
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = ", ".join(f"{code} {_text(msg)}" for code, msg in exc.recipients.values())
        return f"{name}: {codes}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{name}: {exc.smtp_code} {_text(exc.smtp_error)}"
    return f"{name}: {exc}"


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def retry(queryset) -> int:
    """Admin action: send failed or waiting messages again at the next run."""
    return queryset.filter(
        state__in=[OutboxMessage.State.PENDING, OutboxMessage.State.FAILED]
    ).update(
        state=OutboxMessage.State.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
    )


def withdraw(queryset) -> int:
    """Admin action: a message that must not go out any more (wrong content, left person)."""
    return queryset.filter(
        state__in=[OutboxMessage.State.PENDING, OutboxMessage.State.FAILED]
    ).update(state=OutboxMessage.State.WITHDRAWN, next_attempt_at=None)
