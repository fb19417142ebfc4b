"""Scratch PostgreSQL databases for load runs, fuzzing and the reliability tests.

A scratch database gets its own name (never `wijkaanpak` or `test_wijkaanpak`, which the
test suite uses) and is dropped afterwards. `prepared_template` migrates and loads once;
`clone` then makes a ready database in well under a second (CREATE DATABASE ... TEMPLATE).

    url = create("wijkaanpak_bench")        # empty database
    manage(url, "migrate")                  # manage.py with the loopback production settings
    drop(url)
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK_SETTINGS = "bench.server_settings"
# A valid Fernet key used only on loopback: the same as the test settings', so data made by
# either reads back in the other. Never a production key.
FIELD_KEY = "dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24="
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres"
# One per parent process: a session made by one child (manage) must be valid in another
# (gunicorn), and Django signs sessions with SECRET_KEY.
SECRET_KEY = secrets.token_urlsafe(40)


def with_name(database_url: str, name: str) -> str:
    """The same server and login, another database."""
    parts = urlsplit(database_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def name_of(database_url: str) -> str:
    return urlsplit(database_url).path.lstrip("/")


def unique_name(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{secrets.token_hex(3)}"


def _admin(database_url: str) -> psycopg.Connection:
    """A connection to the server's maintenance database; CREATE/DROP DATABASE need autocommit."""
    url = with_name(database_url, "postgres").replace("postgres://", "postgresql://", 1)
    return psycopg.connect(url, autocommit=True)


def create(database_url: str, *, template: str | None = None) -> str:
    """Create the database the URL names (optionally as a copy of `template`); returns the URL."""
    query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name_of(database_url)))
    if template:
        query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with _admin(database_url) as admin:
        admin.execute(query)
    return database_url


def clone(template_url: str, prefix: str) -> str:
    """A new database with everything `template_url` holds (which must have no connections)."""
    return create(with_name(template_url, unique_name(prefix)), template=name_of(template_url))


def drop(database_url: str) -> None:
    """Drop the database, ending connections a killed process may have left behind."""
    with _admin(database_url) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name_of(database_url))
            )
        )


def connect(database_url: str) -> psycopg.Connection:
    return psycopg.connect(database_url.replace("postgres://", "postgresql://", 1))


def loopback_env(database_url: str, **overrides: str) -> dict[str, str]:
    """The environment production settings need, for a process on loopback.

    No mail leaves a loopback run: the SMTP port is 1, where nothing listens, so a mail
    attempt fails at once and the message waits in the outbox.
    """
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": LOOPBACK_SETTINGS,
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        "FIELD_ENCRYPTION_KEYS": FIELD_KEY,
        "SECURE_SSL_REDIRECT": "off",
        "TRUSTED_PROXY_COUNT": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "1",
        "EMAIL_TIMEOUT": "1",
        "LOG_LEVEL": "WARNING",
    }
    env.update(overrides)
    return env


def manage(database_url: str, *args: str, **env_overrides: str) -> str:
    """Run `manage.py <args>` against the database with loopback production settings.

    Returns its standard output; raises CalledProcessError (with stderr) when it fails.
    """
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=loopback_env(database_url, **env_overrides),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, args, done.stdout, done.stderr)
    return done.stdout


def prepared_template(database_url: str, prefix: str = "wijkaanpak_tmpl") -> str:
    """A migrated database with the Westwijk programme, roles and report categories.

    One process does all steps (each manage.py start costs seconds). Drop it when done.
    """
    url = create(with_name(database_url, unique_name(prefix)))
    try:
        manage(
            url,
            "shell",
            "-c",
            "from django.core.management import call_command as c; "
            "c('migrate', verbosity=0); c('sync_roles', verbosity=0); "
            "c('load_programme', verbosity=0); c('load_report_categories', verbosity=0)",
        )
    except BaseException:
        drop(url)
        raise
    return url


def open311_key(database_url: str, name: str = "loopback") -> str:
    """Create an Open311 client with the real command and return its key (printed last)."""
    return manage(database_url, "create_open311_client", name).strip().splitlines()[-1]
