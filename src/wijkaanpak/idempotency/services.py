"""Idempotent creation (security.md E6): a client that retries a creating request with the
same `Idempotency-Key` gets the first answer back, and nothing is created twice.

`run_once` claims the key with an INSERT inside a savepoint before any work is done. The
unique constraint on (scope, key) makes a concurrent duplicate wait for the first
transaction (PostgreSQL blocks on the index entry) and then fail with an IntegrityError,
after which it reads and replays the stored answer. The claim, the work and the stored
answer commit together, so another request never sees a half-finished record.
"""

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import IdempotencyRecord

HEADER = "HTTP_IDEMPOTENCY_KEY"
MAX_KEY_LENGTH = 200
# Visible ASCII only: the key ends up in logs and the admin, and must compare byte for byte.
_KEY_PATTERN = re.compile(r"^[\x21-\x7e]+$")
# A claimed record gets this status until the answer is known; it is never committed.
_CLAIMED = 0


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    body: str
    content_type: str
    replayed: bool = False


class IdempotencyError(Exception):
    """A request the helper refuses; `status_code` and `message` tell the client why."""

    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidKey(IdempotencyError):
    status_code = 400


class KeyReused(IdempotencyError):
    """The same key came with a different request body."""

    status_code = 422


class StillRunning(IdempotencyError):
    """Only seen where a caller runs without a transaction around the work."""

    status_code = 409


class _NotStored(Exception):
    """Rolls back the claim when the answer is an error: the client may fix and retry."""

    def __init__(self, response: StoredResponse):
        self.response = response


def fingerprint(data: bytes | str | Mapping) -> str:
    """A stable SHA-256 of a request body; a mapping is hashed independent of its order."""
    if isinstance(data, Mapping):
        items = {
            str(key): (
                sorted(str(v) for v in value) if isinstance(value, list | tuple) else str(value)
            )
            for key, value in data.items()
        }
        data = json.dumps(items, sort_keys=True, ensure_ascii=False)
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def key_from_request(request) -> str:
    """The header's value, checked; empty when the client sent none."""
    key = request.META.get(HEADER, "")
    if key == "":
        return ""
    if len(key) > MAX_KEY_LENGTH or not _KEY_PATTERN.match(key):
        raise InvalidKey(
            _(
                "De header Idempotency-Key moet 1 tot %(max)d zichtbare ASCII-tekens "
                "bevatten, zonder spaties."
            )
            % {"max": MAX_KEY_LENGTH}
        )
    return key


def _replay(record: IdempotencyRecord, request_fingerprint: str) -> StoredResponse:
    if record.request_fingerprint != request_fingerprint:
        raise KeyReused(
            _(
                "Deze Idempotency-Key is al gebruikt voor een andere aanvraag. Gebruik een "
                "nieuwe sleutel voor een nieuwe melding."
            )
        )
    if record.status_code == _CLAIMED:
        raise StillRunning(_("Een aanvraag met deze Idempotency-Key is nog bezig."))
    return StoredResponse(
        status_code=record.status_code,
        body=record.response_body,
        content_type=record.content_type,
        replayed=True,
    )


def run_once(
    *,
    scope: str,
    key: str,
    request_fingerprint: str,
    produce: Callable[[], StoredResponse],
) -> StoredResponse:
    """Run `produce` once per (scope, key); replays get the stored answer.

    Only a successful (2xx) answer is stored: after a refusal the claim is rolled back, so
    the client can correct the request and send it again with the same key. Without a key
    `produce` simply runs.
    """
    if not key:
        return produce()
    existing = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
    if existing is not None:
        return _replay(existing, request_fingerprint)
    try:
        with transaction.atomic():
            record = IdempotencyRecord.objects.create(
                scope=scope,
                key=key,
                request_fingerprint=request_fingerprint,
                status_code=_CLAIMED,
                response_body="",
                content_type="",
            )
            response = produce()
            if not 200 <= response.status_code < 300:
                raise _NotStored(response)
            record.status_code = response.status_code
            record.response_body = response.body
            record.content_type = response.content_type
            record.save(update_fields=["status_code", "response_body", "content_type"])
            return response
    except _NotStored as refused:
        return refused.response
    except IntegrityError:
        # A concurrent request with the same key committed first; answer as it did.
        existing = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if existing is None:
            raise
        return _replay(existing, request_fingerprint)


def purge_older_than(days: int) -> int:
    """Stored answers are only needed for retries; remove them after `days` days."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _per_model = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
