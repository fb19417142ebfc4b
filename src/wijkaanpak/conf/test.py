"""The test suite: PostgreSQL when DATABASE_URL points at one, SQLite otherwise."""

from .base import *  # noqa: F403
from .env import env

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
DATABASES = {"default": env.db_url("DATABASE_URL", default="sqlite:///:memory:")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
