"""Local development and the first run: DEBUG on, a throwaway key, loopback only."""

from .base import *  # noqa: F403
from .env import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Development only: no second login step, so the demo login (create_demo_user) works without
# an authenticator app. Production and the test suite keep OTP_REQUIRED on (security.md A5).
OTP_REQUIRED = False
# Mail to residents is printed in the terminal unless a real server is configured.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS",
    # base64 of "dev-only-key-not-for-production!": the first run needs no setup.
    default=["ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE="],
)
