"""E6: a replay returns the first answer and creates nothing; another body is refused."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import RequestFactory
from django.utils import timezone

from wijkaanpak.areas.models import Area
from wijkaanpak.idempotency import services
from wijkaanpak.idempotency.models import IdempotencyRecord
from wijkaanpak.idempotency.services import (
    InvalidKey,
    KeyReused,
    StillRunning,
    StoredResponse,
    fingerprint,
    key_from_request,
    run_once,
)

pytestmark = pytest.mark.django_db


def creating(status_code=201):
    """A stand-in for a creating view: one Area per call, its id in the answer."""

    def produce():
        area = Area.objects.create(
            name="Wijk", slug=f"wijk-{Area.objects.count()}", municipality="Vlaardingen"
        )
        return StoredResponse(status_code, f'{{"id": {area.pk}}}', "application/json")

    return produce


def test_replay_with_the_same_body_returns_the_first_answer_and_creates_one_row():
    first = run_once(scope="s", key="k1", request_fingerprint="f", produce=creating())
    second = run_once(scope="s", key="k1", request_fingerprint="f", produce=creating())

    assert second.body == first.body
    assert second.status_code == 201
    assert (first.replayed, second.replayed) == (False, True)
    assert Area.objects.count() == 1
    assert IdempotencyRecord.objects.get().response_body == first.body


def test_the_same_key_with_another_body_is_refused_with_422():
    run_once(scope="s", key="k1", request_fingerprint="f1", produce=creating())

    with pytest.raises(KeyReused) as refused:
        run_once(scope="s", key="k1", request_fingerprint="f2", produce=creating())

    assert refused.value.status_code == 422
    assert "Idempotency-Key" in refused.value.message
    assert Area.objects.count() == 1


def test_keys_are_separate_per_scope():
    run_once(scope="client-1", key="k", request_fingerprint="f", produce=creating())
    run_once(scope="client-2", key="k", request_fingerprint="f", produce=creating())

    assert Area.objects.count() == 2


def test_without_a_key_every_request_runs():
    run_once(scope="s", key="", request_fingerprint="f", produce=creating())
    run_once(scope="s", key="", request_fingerprint="f", produce=creating())

    assert Area.objects.count() == 2
    assert not IdempotencyRecord.objects.exists()


def test_an_error_answer_is_not_stored_so_the_client_can_retry_with_the_same_key():
    refused = run_once(scope="s", key="k", request_fingerprint="f", produce=creating(400))
    assert refused.status_code == 400
    # The claim and the work of the refused attempt are rolled back together.
    assert not IdempotencyRecord.objects.exists()
    assert not Area.objects.exists()

    accepted = run_once(scope="s", key="k", request_fingerprint="f", produce=creating())
    assert accepted.status_code == 201
    assert Area.objects.count() == 1


def test_an_exception_in_the_work_leaves_no_claim_behind():
    def failing():
        Area.objects.create(name="Wijk", slug="half", municipality="Vlaardingen")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run_once(scope="s", key="k", request_fingerprint="f", produce=failing)

    assert not IdempotencyRecord.objects.exists()
    assert not Area.objects.exists()


def test_a_concurrent_duplicate_that_loses_the_insert_replays_the_winner():
    """The race: both requests saw no record; the winner committed first.

    The loser's claim hits the unique constraint; it must answer with the winner's id and
    must not run its own work.
    """
    winner = run_once(scope="s", key="k", request_fingerprint="f", produce=creating())
    loser_work = mock.Mock(side_effect=creating())
    nothing_found = IdempotencyRecord.objects.none()
    real_filter = IdempotencyRecord.objects.filter
    calls = {"n": 0}

    def filter_missing_once(*args, **kwargs):
        calls["n"] += 1
        return nothing_found if calls["n"] == 1 else real_filter(*args, **kwargs)

    with mock.patch.object(IdempotencyRecord.objects, "filter", filter_missing_once):
        loser = run_once(scope="s", key="k", request_fingerprint="f", produce=loser_work)

    assert loser.body == winner.body
    assert loser.replayed
    loser_work.assert_not_called()
    assert Area.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


def test_a_record_still_claimed_is_answered_as_still_running():
    IdempotencyRecord.objects.create(
        scope="s",
        key="k",
        request_fingerprint="f",
        status_code=0,
        response_body="",
        content_type="",
    )
    with pytest.raises(StillRunning):
        run_once(scope="s", key="k", request_fingerprint="f", produce=creating())


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, ""),
        ("", ""),
        ("abc-123_XYZ", "abc-123_XYZ"),
        ("7c9e6679-7425-40de-944b-e07fc1f90ae7", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
    ],
)
def test_key_from_request_accepts(header, expected):
    extra = {} if header is None else {"HTTP_IDEMPOTENCY_KEY": header}
    assert key_from_request(RequestFactory().post("/", **extra)) == expected


@pytest.mark.parametrize("header", ["met spatie", "x" * 201, "sleutel\u00e9", "tab\there"])
def test_key_from_request_refuses(header):
    request = RequestFactory().post("/", HTTP_IDEMPOTENCY_KEY=header)
    with pytest.raises(InvalidKey) as refused:
        key_from_request(request)
    assert refused.value.status_code == 400


def test_fingerprint_of_a_mapping_ignores_order_and_sees_every_value():
    assert fingerprint({"a": "1", "b": ["2", "3"]}) == fingerprint({"b": ["3", "2"], "a": "1"})
    assert fingerprint({"a": "1"}) != fingerprint({"a": "2"})
    assert fingerprint(b"body") == fingerprint("body")
    assert len(fingerprint(b"")) == 64


def test_purge_removes_only_old_records():
    old = IdempotencyRecord.objects.create(
        scope="s",
        key="old",
        request_fingerprint="f",
        status_code=201,
        response_body="",
        content_type="application/json",
    )
    IdempotencyRecord.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    IdempotencyRecord.objects.create(
        scope="s",
        key="new",
        request_fingerprint="f",
        status_code=201,
        response_body="",
        content_type="application/json",
    )

    assert services.purge_older_than(30) == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]


def test_the_daily_command_purges_by_the_configured_term(settings):
    from io import StringIO

    from django.core.management import call_command

    settings.IDEMPOTENCY_RETENTION_DAYS = 10
    record = IdempotencyRecord.objects.create(
        scope="s",
        key="eleven-days",
        request_fingerprint="f",
        status_code=201,
        response_body="",
        content_type="application/json",
    )
    IdempotencyRecord.objects.filter(pk=record.pk).update(
        created_at=timezone.now() - timedelta(days=11)
    )
    out = StringIO()
    call_command("purge_idempotency_records", stdout=out)
    call_command("purge_idempotency_records", stdout=out)
    assert not IdempotencyRecord.objects.exists()
    assert "1 stored answers removed" in out.getvalue()
