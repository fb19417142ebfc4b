"""Production settings pass Django's deployment checks and refuse to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "wijkaanpak.conf.production",
    "SECRET_KEY": "k3y-for-the-deploy-check-only-" + "abcdefghijklmnopqrstuvwxyz0123456789",
    "ALLOWED_HOSTS": "wijkaanpak.example.nl",
    "DATABASE_URL": "sqlite:////tmp/never-opened.sqlite3",
    "SITE_URL": "https://wijkaanpak.example.nl",
    "FIELD_ENCRYPTION_KEYS": "ZGVwbG95LWNoZWNrLWtleS1ub3QtZm9yLXVzZSEhISE=",
}


def manage(*args, env):
    # The browser tests allow sync ORM calls in an event loop; production never does.
    skip = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in skip}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_field_encryption_keys():
    env = {**PRODUCTION_ENV, "FIELD_ENCRYPTION_KEYS": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
