"""Report creation through the API beside the database's ceiling, with the same connections.

API: Open311 POST requests.json (the creating API), each with its own Idempotency-Key, as
an app would send them; every answer must be 201. Ceiling: the same number of psycopg
connections, each repeating a single-row INSERT + COMMIT into a copy of the report table
(same columns, indexes, unique and foreign key constraints), for the same time.
"""

import statistics
import threading
import time
import uuid
from urllib.parse import urlencode

import psycopg

from . import wrk

CEILING_TABLE = "bench_ceiling"
_INSERT = f"""
INSERT INTO {CEILING_TABLE} (reference, status_token, area_id, neighbourhood_id, category_id,
  organisation_id, address, location_description, description, status, received_at,
  pickup_due_on, resolution_due_on, public_reason, source)
VALUES (%s, %s, %s, %s, %s, %s, 'Kerkstraat 1', '', 'Zwerfafval bij de bank.', 'received',
  now(), current_date + 7, current_date + 14, '', 'open311')
"""


def api_client_key() -> str:
    from wijkaanpak.open311.models import ApiClient

    _client, key = ApiClient.create_with_key(name=f"bench {uuid.uuid4().hex[:8]}")
    return key


def report_body(key: str, area) -> str:
    from wijkaanpak.open311.queries import service_list

    service = next(s for s in service_list() if s.handling_organisation_id)
    neighbourhood = area.neighbourhoods.order_by("slug").first()
    return urlencode(
        {
            "api_key": key,
            "jurisdiction_id": area.slug,
            "service_code": service.slug,
            "neighbourhood": neighbourhood.slug,
            "description": "Vuilniszakken naast de container bij de school.",
            "lat": "51.912345",
            "long": "4.334567",
            "phone": "010 123 45 67",
        }
    )


def api_rate(base_url: str, body: str, connections: int, seconds: int) -> dict:
    script = wrk.post_script(body, f"bench-{uuid.uuid4().hex[:12]}-{connections}")
    result = wrk.run(f"{base_url}/open311/v2/requests.json", connections, seconds, script)
    created = result["requests"] - result["non_2xx"]
    result["created_per_second"] = round(created / seconds, 1)
    return result


def _connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True)


def prepare_ceiling(url: str) -> tuple:
    """The copy of the report table, and the foreign keys of one existing report to reuse."""
    with _connect(url) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {CEILING_TABLE}")
        conn.execute(f"CREATE TABLE {CEILING_TABLE} (LIKE reports_report INCLUDING ALL)")
        rows = conn.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'reports_report'::regclass AND contype = 'f'"
        ).fetchall()
        for name, definition in rows:
            conn.execute(f"ALTER TABLE {CEILING_TABLE} ADD CONSTRAINT {name}_ceiling {definition}")
        return conn.execute(
            "SELECT area_id, neighbourhood_id, category_id, organisation_id "
            "FROM reports_report ORDER BY id DESC LIMIT 1"
        ).fetchone()


def drop_ceiling(url: str) -> None:
    with _connect(url) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {CEILING_TABLE}")


def ceiling(url: str, connections: int, seconds: int) -> dict:
    """Single-row INSERT + COMMIT in a loop on each connection; inserts per second."""
    keys = prepare_ceiling(url)
    conns = [_connect(url) for _ in range(connections)]
    latencies: list[list[float]] = [[] for _ in conns]
    start = threading.Barrier(connections + 1)
    stop_at = [0.0]

    def work(n: int) -> None:
        conn, mine = conns[n], latencies[n]
        start.wait()
        i = 0
        while (begun := time.perf_counter()) < stop_at[0]:
            i += 1
            ref = f"C{n:02d}-{i}"
            conn.execute(_INSERT, (ref, f"{uuid.uuid4().hex}{n:02d}{i}", *keys))
            mine.append(time.perf_counter() - begun)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(connections)]
    for t in threads:
        t.start()
    stop_at[0] = time.perf_counter() + seconds
    start.wait()
    for t in threads:
        t.join()
    for conn in conns:
        conn.close()
    drop_ceiling(url)
    every = sorted(x for mine in latencies for x in mine)
    return {
        "connections": connections,
        "inserts": len(every),
        "per_second": round(len(every) / seconds, 1),
        "p50_ms": round(statistics.median(every) * 1000, 2),
        "p95_ms": round(every[int(len(every) * 0.95)] * 1000, 2),
    }
