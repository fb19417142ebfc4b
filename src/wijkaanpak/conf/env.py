"""The one place that reads the environment. Every variable is documented in .env.example."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parents[3]

env = environ.Env()
_env_file = BASE_DIR / ".env"
if _env_file.exists():
    environ.Env.read_env(str(_env_file))


def required(name: str) -> str:
    """A variable that has no safe default: missing means the process must not start."""
    value = env.str(name, default="")
    if not value:
        raise environ.ImproperlyConfigured(f"Set the environment variable {name}.")
    return value
