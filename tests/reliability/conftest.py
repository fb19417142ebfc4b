"""Scratch PostgreSQL databases for the reliability tests (security.md R1, R2, R4, E7).

These tests do not use pytest-django's test database: gunicorn processes, pg_dump and a
second database must see committed data. A template is migrated and loaded once per
session (bench/scratch.py); each test clones it under its own name and drops its clones
afterwards, also when it fails.
"""

import os

import pytest
from bench import scratch


def server_url() -> str:
    """DATABASE_URL when it names a PostgreSQL server, else empty."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


needs_postgres = pytest.mark.skipif(
    not server_url(),
    reason="needs PostgreSQL (DATABASE_URL=postgres://...): gunicorn processes, pg_dump and "
    "the append-only trigger need a real database server",
)


@pytest.fixture(scope="session")
def template_url():
    """Migrated, with roles, the Westwijk programme and report categories; no connections."""
    url = scratch.prepared_template(server_url(), "wijkaanpak_reliability")
    yield url
    scratch.drop(url)


@pytest.fixture
def scratch_database(template_url):
    """`scratch_database(prefix)` -> URL of a fresh copy of the template; dropped afterwards."""
    made: list[str] = []

    def make(prefix: str) -> str:
        url = scratch.clone(template_url, prefix)
        made.append(url)
        return url

    yield make
    for url in made:
        scratch.drop(url)


@pytest.fixture
def empty_database():
    """`empty_database(prefix)` -> URL of a new, empty database; dropped afterwards."""
    made: list[str] = []

    def make(prefix: str) -> str:
        url = scratch.create(scratch.with_name(server_url(), scratch.unique_name(prefix)))
        made.append(url)
        return url

    yield make
    for url in made:
        scratch.drop(url)
