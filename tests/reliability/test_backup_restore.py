"""A backup can be restored (security.md R4): pg_dump -Fc, pg_restore into an empty database,
and the copy has every row, its sequences, its append-only trigger, and referrals that read
back with the field keys (which are not in the dump: docs/operations.md).
"""

import subprocess

import psycopg
import pytest
from bench import scratch
from bench.fuzz import seed_data

from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.referrals.models import Referral
from wijkaanpak.reports.models import Report

from .conftest import needs_postgres

pytestmark = needs_postgres

TABLES = """
    SELECT quote_ident(table_name) FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1
"""
SEQUENCES = "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"


def _counts(url: str) -> dict[str, int]:
    with scratch.connect(url) as connection:
        tables = [name for (name,) in connection.execute(TABLES)]
        return {
            name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in tables
        }


def _sequences(url: str) -> dict[str, int | None]:
    with scratch.connect(url) as connection:
        return dict(connection.execute(SEQUENCES).fetchall())


def _first_person_name(url: str) -> str:
    """Read through Django, which decrypts with FIELD_ENCRYPTION_KEYS."""
    return scratch.manage(
        url,
        "shell",
        "-c",
        "from wijkaanpak.referrals.models import Referral; "
        "print(Referral.objects.order_by('pk').first().person_name)",
    ).splitlines()[-1]


def test_dump_and_restore_keep_every_row_and_the_append_only_log(
    scratch_database, empty_database, tmp_path
):
    original = scratch_database("wijkaanpak_backup")
    seed_data(original)  # reports with history, referrals with consent, processing log
    dump = tmp_path / "wijkaanpak.dump"
    subprocess.run(["pg_dump", "-Fc", f"--file={dump}", original], check=True)
    restored = empty_database("wijkaanpak_restore")
    subprocess.run(
        ["pg_restore", "--exit-on-error", "--no-owner", f"--dbname={restored}", str(dump)],
        check=True,
    )

    counts = _counts(original)
    assert _counts(restored) == counts
    for model in (Report, Referral, ProcessingRecord):
        assert counts[model._meta.db_table] > 0, model
    sequences = _sequences(original)
    assert sequences
    assert _sequences(restored) == sequences

    with scratch.connect(restored) as connection:
        table = ProcessingRecord._meta.db_table
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            connection.execute(f"UPDATE {table} SET action = action")
        connection.rollback()
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            connection.execute(f"DELETE FROM {table}")
        connection.rollback()
        raw_name = connection.execute(
            f"SELECT person_name FROM {Referral._meta.db_table} ORDER BY id LIMIT 1"
        ).fetchone()[0]
    assert "Gezin" not in raw_name  # ciphertext in the dump and the copy
    assert _first_person_name(restored) == "Gezin 0"
