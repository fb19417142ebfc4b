"""Settings shared by every environment. Environment-specific modules stay thin."""

from datetime import timedelta

import environ
from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR, env

SRC_DIR = BASE_DIR / "src" / "wijkaanpak"

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = False
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "wijkaanpak.accounts",
    "wijkaanpak.areas",
    "wijkaanpak.programme",
    "wijkaanpak.interventions",
    "wijkaanpak.audit",
    "wijkaanpak.notifications",
    "wijkaanpak.idempotency",
    "wijkaanpak.loader",
    "wijkaanpak.exports",
    "wijkaanpak.reports",
    "wijkaanpak.inspections",
    "wijkaanpak.open311",
    "wijkaanpak.socialmap",
    "wijkaanpak.referrals",
    "wijkaanpak.questiondesk",
    "wijkaanpak.cbs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wijkaanpak.accounts.middleware.SessionPolicyMiddleware",
    "wijkaanpak.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wijkaanpak.conf.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "wijkaanpak.urls"
WSGI_APPLICATION = "wijkaanpak.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkaanpak.conf.context_processors.site",
            ],
        },
    },
]

# SQLite is the embedded default for a first run; production and CI set DATABASE_URL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
CSRF_FAILURE_VIEW = "wijkaanpak.conf.views.csrf_failure"
LOGIN_REDIRECT_URL = "programme:home"
LOGOUT_REDIRECT_URL = "programme:home"

LANGUAGE_CODE = "nl"
# Only languages with a complete translation; a browser asking for another gets Dutch.
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [SRC_DIR / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads (measurement imports) are small spreadsheets.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=10_000)
# Public report form: photo limits (bytes; width x height) and anonymous POSTs per client IP.
REPORT_PHOTO_MAX_BYTES = env.int("REPORT_PHOTO_MAX_BYTES", default=10 * 1024 * 1024)
REPORT_PHOTO_MAX_PIXELS = env.int("REPORT_PHOTO_MAX_PIXELS", default=50_000_000)
REPORT_FORM_RATE = env.str("REPORT_FORM_RATE", default="20/hour")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions (security.md A7): ended after 30 idle minutes (every request renews the expiry)
# and 10 hours after login however busy (accounts.middleware.SessionPolicyMiddleware).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_AGE = env.int("SESSION_ABSOLUTE_AGE", default=10 * 60 * 60)

# Second factor (security.md A5). Not read from the environment: only the development
# settings module may switch it off, for the demo login.
OTP_REQUIRED = True
OTP_TOTP_ISSUER = env.str("SITE_NAME", default="Wij de Westwijk")

# Login lockout (security.md A6): 5 failed attempts for one username from one IP address
# lock that combination for an hour. Not per IP alone: a town hall shares one address, and
# one colleague's typos must not lock out the rest. Not per username alone: anyone who knows
# a username could then keep that colleague locked out. Guessing from many addresses still
# gets no further than the password: the second factor stops it.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "wijkaanpak.accounts.views.locked_out"
# Lockouts are logged; the version banner on every command is noise.
AXES_VERBOSE = False
# Behind a reverse proxy, the client address is the one the proxy puts in X-Forwarded-For;
# set TRUSTED_PROXY_COUNT to the number of proxies in front of the application.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Pages use no inline script; charts are inline SVG styled by our own stylesheet.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
)

REST_FRAMEWORK = {
    # DRF's throttles read the client address like reports.ratelimit does: None would trust
    # the whole X-Forwarded-For header, which a client writes itself.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env.str("API_ANON_RATE", default="600/hour")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "wijkaanpak API",
    "DESCRIPTION": "Read access to neighbourhood programmes: lines, goals, indicators with "
    "their progress, interventions and data-quality findings.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a "status"; name the report's states so each enum is one component.
    "ENUM_NAME_OVERRIDES": {
        "ReportStatusEnum": "wijkaanpak.reports.models.Status",
        "CoverageCellStateEnum": "wijkaanpak.interventions.services.coverage.CellState",
        "CoverageScopeEnum": "wijkaanpak.interventions.services.coverage.Scope",
        "FigureScopeEnum": "wijkaanpak.programme.models.Scope",
        "ThemeEnum": "wijkaanpak.interventions.models.Theme",
        "ReferralStateEnum": "wijkaanpak.referrals.models.Referral.State",
    },
}

# A municipality plugs in its own NL Design System tokens: a stylesheet URL and a theme class.
DESIGN_TOKENS_CSS = env.str("DESIGN_TOKENS_CSS", default="vendor/nlds/voorbeeld-theme.css")
DESIGN_THEME_CLASS = env.str("DESIGN_THEME_CLASS", default="voorbeeld-theme")
SITE_NAME = env.str("SITE_NAME", default="Wij de Westwijk")

# Absolute base of links in mails (the private status link); no trailing slash.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Mail always goes over SMTP, also in tests (a local aiosmtpd server): reporters must
# really be informed, and the outbox must see real connection errors (security.md R5).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
# A hanging mail server must not hang a request: the first attempt runs right after commit.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# After this many failed attempts an outbox message is marked failed and shown in the admin.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=10)

# Retention (security.md P6). Reporter contact details and photos are removed this many
# days after a report is closed (Signalen uses a year too). The processing log is kept
# longer, so a resident who asks later can still learn who saw their data.
# Rate limits and other counters live in the cache. With more than one process it must be
# shared: CACHE_URL=redis://127.0.0.1:6379/1. Without it each process counts on its own.
_CACHE_URL = env.str("CACHE_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}
        if _CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
if _CACHE_URL and CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    raise environ.ImproperlyConfigured("CACHE_URL must start with redis://, rediss:// or unix://")
# Seconds a public programme page may be served from the cache to visitors who are not
# logged in (overview, line, indicator); 0 = off. Staff always get it fresh.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=0)
# Days an Idempotency-Key's stored answer is kept (purge_idempotency_records).
IDEMPOTENCY_RETENTION_DAYS = env.int("IDEMPOTENCY_RETENTION_DAYS", default=30)
REPORT_CONTACT_RETENTION_DAYS = env.int("REPORT_CONTACT_RETENTION_DAYS", default=365)
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=2 * 365)
# Days after a referral is closed before its personal fields are erased (P6).
REFERRAL_RETENTION_DAYS = env.int("REFERRAL_RETENTION_DAYS", default=365)
# Working days the receiving partner has to confirm receipt before the referral escalates.
REFERRAL_RECEIVE_WORKING_DAYS = env.int("REFERRAL_RECEIVE_WORKING_DAYS", default=5)
# Fernet keys for encrypted fields (P4), newest first; see wijkaanpak/crypto.py.
FIELD_ENCRYPTION_KEYS: list[str] = env.list("FIELD_ENCRYPTION_KEYS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # No personal data or credentials in logs (security.md P3): SQL with its parameters
    # (e-mail addresses, password hashes) is never logged, whatever LOG_LEVEL says.
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
