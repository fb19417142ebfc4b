"""The bench databases: generated once per seed, size and day, and reused after that.

The parameters of a generated database are kept in its COMMENT, so a second `make bench`
on the same day skips the minutes of generation; --regenerate forces it.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]


def _admin(url: str) -> psycopg.Connection:
    base = url.rsplit("/", 1)[0].replace("postgres://", "postgresql://", 1)
    return psycopg.connect(f"{base}/postgres", autocommit=True)


def marker(url: str) -> dict | None:
    name = url.rsplit("/", 1)[1]
    with _admin(url) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (name,),
        ).fetchone()
    if row is None or not row[0]:
        return None
    try:
        return json.loads(row[0])
    except ValueError:
        return None


def ensure(url: str, *, regenerate: bool = False, **params) -> float | None:
    """Generate the database unless it exists with these parameters; seconds taken or None."""
    wanted = {k: str(v) for k, v in params.items()}
    if not regenerate and marker(url) == wanted:
        return None
    command = [sys.executable, str(ROOT / "bench" / "generate.py"), f"--url={url}"]
    command += [f"--{k}={v}" for k, v in params.items() if k != "today"]
    command += [f"--today={params['today']}"]
    print(f"Generating {url.rsplit('/', 1)[1]}: {' '.join(command[2:])}", flush=True)
    begun = time.perf_counter()
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - begun
    with _admin(url) as conn:
        conn.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(url.rsplit("/", 1)[1]), sql.Literal(json.dumps(wanted))
            )
        )
    return seconds
