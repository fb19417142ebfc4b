"""Production: nothing permissive by default; missing configuration stops the process."""

from .base import *  # noqa: F403
from .env import env, required

SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Mail settings (EMAIL_*, DEFAULT_FROM_EMAIL, OUTBOX_MAX_ATTEMPTS) are read in base.py.
# Links in mails must point at the real site: no default.
SITE_URL = required("SITE_URL").rstrip("/")
# Staff always log in with a second factor (security.md A5); never switched off here.
OTP_REQUIRED = True

FIELD_ENCRYPTION_KEYS = [
    k.strip() for k in required("FIELD_ENCRYPTION_KEYS").split(",") if k.strip()
]
