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
# Links in mails point at the test client's host, so a test can follow them.
SITE_URL = "http://testserver"
# Never a real mail server from a test: nothing listens on port 1. A test that mails uses the
# `smtp_server` fixture (root conftest.py), which starts a local server and points SMTP at it.
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = 1
EMAIL_TIMEOUT = 5
DEFAULT_FROM_EMAIL = "noreply@wijkaanpak.test"
# Staff need the second factor in tests too: use the `login_verified` fixture (conftest.py).
OTP_REQUIRED = True
# Lockout stays on; the test client's login() passes no request, so it gets a stand-in one.
AUTHENTICATION_BACKENDS = [
    "wijkaanpak.accounts.testing.TestClientLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# base64 of "test-only-key-not-for-production" (32 bytes): fixed so fixtures read back.
FIELD_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24="]
