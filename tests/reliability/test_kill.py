"""Nothing acknowledged is lost when an app process is killed mid-load (security.md R1, R2, E6).

Two gunicorn instances (production settings, two workers each) serve one scratch
PostgreSQL database on loopback. Eight client threads create reports through Open311, each
with its own Idempotency-Key; after a connection error, a timeout or a 5xx a client retries
the same request with the same key on the other instance. Mid-run, one instance is killed
with SIGKILL (master and workers at once, as a crashed machine). Afterwards every create
that got a 2xx answer exists exactly once, under the id it was given, and no key made two
reports.
"""

import http.client
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field

from bench import scratch
from bench.servers import kill, start_gunicorn, stop, wait_ready

from wijkaanpak.idempotency.models import IdempotencyRecord
from wijkaanpak.open311.models import Submission
from wijkaanpak.reports.models import Report

from .conftest import needs_postgres

pytestmark = needs_postgres

CREATES = 400
THREADS = 8
KILL_AFTER = 120  # acknowledged creates before the SIGKILL: well inside the run
MAX_ATTEMPTS = 8
TIMEOUT = 10  # seconds per request
MARK = "Betrouwbaarheidstest"


@dataclass
class Create:
    key: str
    reference: str = ""
    attempts: int = 0
    errors: list[str] = field(default_factory=list)
    refused: str = ""  # a 4xx answer: the client must not retry, the test fails


class Retry(Exception):
    """Worth sending again with the same key, to the other instance."""


def _post(base_url: str, body: bytes, key: str) -> str:
    request = urllib.request.Request(
        f"{base_url}/open311/v2/requests.json", data=body, headers={"Idempotency-Key": key}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return json.loads(response.read())[0]["service_request_id"]
    except urllib.error.HTTPError as error:
        # 409: the same key is still running elsewhere (only without a transaction).
        if error.code >= 500 or error.code == 409:
            raise Retry(f"HTTP {error.code}") from error
        raise
    # Refused, reset, timed out, or cut off halfway through the answer.
    except (OSError, urllib.error.URLError, http.client.HTTPException) as error:
        raise Retry(type(error).__name__) from error


class LoadRun:
    def __init__(self, urls: list[str], form: dict[str, str]):
        self.urls = urls
        self.form = form
        self.creates = [Create(uuid.uuid4().hex) for _ in range(CREATES)]
        self._next = iter(self.creates)
        self._lock = threading.Lock()
        self.acknowledged = 0
        self.kill_due = threading.Event()
        self.acknowledged_at_kill = 0

    def _take(self) -> Create | None:
        with self._lock:
            return next(self._next, None)

    def _send(self, create: Create, target: int) -> int:
        body = urllib.parse.urlencode(
            {**self.form, "description": f"{MARK} {create.key}: lantaarnpaal kapot."}
        ).encode()
        while create.attempts < MAX_ATTEMPTS:
            create.attempts += 1
            try:
                create.reference = _post(self.urls[target], body, create.key)
            except Retry as retry:
                create.errors.append(f"{self.urls[target]}: {retry}")
                target = 1 - target  # the other instance, same key
                time.sleep(0.05 * create.attempts)
                continue
            except urllib.error.HTTPError as error:
                create.refused = f"HTTP {error.code}: {error.read()[:300]!r}"
                return target
            with self._lock:
                self.acknowledged += 1
                if self.acknowledged >= KILL_AFTER:
                    self.kill_due.set()
            return target
        return target

    def client(self, number: int) -> None:
        target = number % 2
        while (create := self._take()) is not None:
            target = self._send(create, target)


def _form(base_url: str, api_key: str) -> dict[str, str]:
    """A valid POST: the first service and a neighbourhood from its definition."""
    with urllib.request.urlopen(f"{base_url}/open311/v2/services.json", timeout=TIMEOUT) as r:
        code = json.loads(r.read())[0]["service_code"]
    with urllib.request.urlopen(
        f"{base_url}/open311/v2/services/{code}.json", timeout=TIMEOUT
    ) as r:
        definition = json.loads(r.read())
    neighbourhood = definition["attributes"][0]["values"][0]["key"]
    return {
        "api_key": api_key,
        "service_code": code,
        "neighbourhood": neighbourhood,
        "address_string": "Korfmakerstraat",
    }


def _stored(url: str) -> tuple[dict[str, list[str]], dict[str, str], int]:
    """Reports per key (from the description), stored answers per key, and submissions."""
    with scratch.connect(url) as connection:
        reports = connection.execute(
            f"SELECT reference, description FROM {Report._meta.db_table}"
        ).fetchall()
        answers = connection.execute(
            f"SELECT key, status_code, response_body FROM {IdempotencyRecord._meta.db_table}"
        ).fetchall()
        submissions = connection.execute(
            f"SELECT count(*) FROM {Submission._meta.db_table}"
        ).fetchone()[0]
    by_key: dict[str, list[str]] = {}
    for reference, description in reports:
        key = description.removeprefix(f"{MARK} ").split(":", 1)[0]
        by_key.setdefault(key, []).append(reference)
    stored = {
        key: json.loads(body)[0]["service_request_id"]
        for key, status, body in answers
        if status == 201
    }
    return by_key, stored, submissions


def test_sigkill_of_one_instance_loses_no_acknowledged_report(scratch_database):
    started = time.monotonic()
    url = scratch_database("wijkaanpak_kill")
    api_key = scratch.open311_key(url, "betrouwbaarheidstest")
    doomed = start_gunicorn(url, workers=2, ready_within=None)
    survivor = start_gunicorn(url, workers=2, ready_within=None)
    try:
        wait_ready(doomed, 30)
        wait_ready(survivor, 30)
        run = LoadRun([doomed.url, survivor.url], _form(survivor.url, api_key))
        load_started = time.monotonic()
        clients = [threading.Thread(target=run.client, args=(n,)) for n in range(THREADS)]
        for thread in clients:
            thread.start()
        assert run.kill_due.wait(timeout=60), "the run did not get going"
        kill(doomed)
        run.acknowledged_at_kill = run.acknowledged
        for thread in clients:
            thread.join(timeout=120)
        load_seconds = time.monotonic() - load_started
    finally:
        stop(doomed)
        stop(survivor)

    acknowledged = {c.key: c.reference for c in run.creates if c.reference}
    by_key, stored, submissions = _stored(url)
    lost = [key for key in acknowledged if key not in by_key]
    duplicates = {key: refs for key, refs in by_key.items() if len(refs) > 1}
    wrong_id = [key for key, ref in acknowledged.items() if by_key.get(key, [ref]) != [ref]]
    retried = [c for c in run.creates if c.attempts > 1]
    print(
        f"\nkill test: {len(run.creates)} creates by {THREADS} clients, "
        f"{len(acknowledged)} acknowledged ({run.acknowledged_at_kill} before the SIGKILL), "
        f"{len(retried)} retried with the same key "
        f"({sum(len(c.errors) for c in run.creates)} failed attempts), "
        f"lost {len(lost)}, duplicates {len(duplicates)}, rows {sum(map(len, by_key.values()))}; "
        f"load {load_seconds:.1f} s, with setup {time.monotonic() - started:.1f} s"
    )

    assert not doomed.alive()
    assert [c for c in run.creates if c.refused] == []
    assert retried, "the SIGKILL should have cut requests off"
    assert run.acknowledged_at_kill < len(run.creates), "the kill came after the run"
    assert len(acknowledged) == len(run.creates), [c for c in run.creates if not c.reference]
    assert lost == []
    assert duplicates == {}
    assert wrong_id == []
    # Every report belongs to a create of this run, and has its one stored answer.
    assert set(by_key) == set(acknowledged)
    assert stored == acknowledged
    assert submissions == len(acknowledged)
