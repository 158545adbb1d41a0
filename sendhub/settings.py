"""The one settings module. Every knob comes from a SENDHUB_* environment variable with a safe default.

`.env.example` lists every variable; docs/operator-guide.md explains them.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from sendhub.lib.envvars import EnvError, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

try:
    DEMO = env_bool("SENDHUB_DEMO", default=False)
    # Never on unless asked for: the demo is served to other people, and Django's debug pages list every
    # URL pattern and setting. Static files come through WhiteNoise either way.
    DEBUG = env_bool("SENDHUB_DEBUG", default=False)
    # The demo and development serve plain HTTP on loopback; production is always behind HTTPS.
    HTTPS = env_bool("SENDHUB_HTTPS", default=not (DEBUG or DEMO))
    VAR_DIR = Path(env_str("SENDHUB_VAR_DIR", str(BASE_DIR / "var")))
    SECRET_KEY_VALUE = env_str("SENDHUB_SECRET_KEY", "")
    ALLOWED_HOSTS = env_list("SENDHUB_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
    CSRF_TRUSTED_ORIGINS = env_list("SENDHUB_CSRF_TRUSTED_ORIGINS", [])
    DATABASE_URL = env_str("SENDHUB_DATABASE_URL", f"sqlite:///{VAR_DIR / 'sendhub.sqlite3'}")
    SENDHUB_LA_CODE = env_str("SENDHUB_LA_CODE", "202")
    SENDHUB_LA_NAME = env_str("SENDHUB_LA_NAME", "Camden")
    SENDHUB_SERVICE_NAME = env_str("SENDHUB_SERVICE_NAME", "SEND Hub")
    # The weekday of the multi-disciplinary SEND panel: the agenda opens at its next meeting.
    SENDHUB_PANEL_WEEKDAY = env_str("SENDHUB_PANEL_WEEKDAY", "thursday").strip().lower()
    if SENDHUB_PANEL_WEEKDAY not in ("monday", "tuesday", "wednesday", "thursday", "friday"):
        raise EnvError(
            f"SENDHUB_PANEL_WEEKDAY must be a weekday name, like thursday (got {SENDHUB_PANEL_WEEKDAY!r})"
        )
    # The public address, for links in emails (survey and booking links are opened from a mail client).
    SENDHUB_SITE_URL = env_str("SENDHUB_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    SENDHUB_REQUIRE_STAFF_OTP = env_bool("SENDHUB_REQUIRE_STAFF_OTP", default=False)
    SENDHUB_USE_OIDC = env_bool("SENDHUB_USE_OIDC", default=False)
    SENDHUB_JOBS_INLINE = env_bool("SENDHUB_JOBS_INLINE", default=True)
    SENDHUB_COLLECTSTATIC = env_bool("SENDHUB_COLLECTSTATIC", default=False)
    EMAIL_BACKEND_NAME = env_str("SENDHUB_EMAIL_BACKEND", "outbox" if DEMO else "console")
    DEFAULT_FROM_EMAIL = env_str("SENDHUB_FROM_EMAIL", "send-hub@example.gov.uk")
    EMAIL_HOST = env_str("SENDHUB_EMAIL_HOST", "localhost")
    EMAIL_PORT = env_int("SENDHUB_EMAIL_PORT", 25)
    EMAIL_HOST_USER = env_str("SENDHUB_EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("SENDHUB_EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("SENDHUB_EMAIL_USE_TLS", default=False)
    NOTIFY_API_KEY = env_str("SENDHUB_NOTIFY_API_KEY", "")
    # One GOV.UK Notify email template with ((subject)) and ((body)) placeholders carries every message.
    NOTIFY_TEMPLATE_ID = env_str("SENDHUB_NOTIFY_TEMPLATE_ID", "")
    LOG_LEVEL = env_str("SENDHUB_LOG_LEVEL", "INFO")
    # "text" (one readable line) or "json" (one object per line); both carry the request id.
    LOG_FORMAT = env_str("SENDHUB_LOG_FORMAT", "text").strip().lower()
    if LOG_FORMAT not in ("text", "json"):
        raise EnvError(f"SENDHUB_LOG_FORMAT must be text or json (got {LOG_FORMAT!r})")
    # How many reverse proxies stand in front of gunicorn (0: clients connect directly). See core.clientip.
    SENDHUB_TRUSTED_PROXY_COUNT = env_int("SENDHUB_TRUSTED_PROXY_COUNT", 0)
    # Documents on a case: the largest upload, and ClamAV's daemon (a socket path or tcp://host:port).
    SENDHUB_MAX_UPLOAD_MB = env_int("SENDHUB_MAX_UPLOAD_MB", 20)
    if SENDHUB_MAX_UPLOAD_MB < 1:
        raise EnvError(f"SENDHUB_MAX_UPLOAD_MB must be 1 or more (got {SENDHUB_MAX_UPLOAD_MB})")
    SENDHUB_CLAMAV_SOCKET = env_str("SENDHUB_CLAMAV_SOCKET", "")
    # Where documents are kept: "filesystem" (MEDIA_ROOT under the var folder) or "s3" (a bucket).
    SENDHUB_STORAGE = env_str("SENDHUB_STORAGE", "filesystem").strip().lower()
    if SENDHUB_STORAGE not in ("filesystem", "s3"):
        raise EnvError(f"SENDHUB_STORAGE must be filesystem or s3 (got {SENDHUB_STORAGE!r})")
    S3_BUCKET = env_str("SENDHUB_S3_BUCKET", "")
    S3_ENDPOINT_URL = env_str("SENDHUB_S3_ENDPOINT_URL", "")
    S3_REGION = env_str("SENDHUB_S3_REGION", "")
    S3_ACCESS_KEY_ID = env_str("SENDHUB_S3_ACCESS_KEY_ID", "")
    S3_SECRET_ACCESS_KEY = env_str("SENDHUB_S3_SECRET_ACCESS_KEY", "")
    # The council's details on every letter (Regs 2014 require the appeal, mediation and IASS details).
    SENDHUB_COUNCIL_ADDRESS = env_str("SENDHUB_COUNCIL_ADDRESS", "SEND Service, Town Hall, London")
    SENDHUB_COUNCIL_PHONE = env_str("SENDHUB_COUNCIL_PHONE", "020 7974 0000")
    SENDHUB_COUNCIL_EMAIL = env_str("SENDHUB_COUNCIL_EMAIL", "send@example.gov.uk")
    SENDHUB_COUNCIL_HOURS = env_str("SENDHUB_COUNCIL_HOURS", "Monday to Friday, 9am to 5pm")
    SENDHUB_COUNCIL_IASS_NAME = env_str(
        "SENDHUB_COUNCIL_IASS_NAME", "SEND Information, Advice and Support Service"
    )
    SENDHUB_COUNCIL_IASS_PHONE = env_str("SENDHUB_COUNCIL_IASS_PHONE", "020 7974 0001")
    SENDHUB_COUNCIL_IASS_WEB = env_str("SENDHUB_COUNCIL_IASS_WEB", "https://iass.example.org.uk")
    SENDHUB_COUNCIL_MEDIATION = env_str(
        "SENDHUB_COUNCIL_MEDIATION",
        "Independent SEND mediation service, 0300 000 0000, mediation@example.org.uk",
    )
    SHARED_DATA = env_str("SENDHUB_SHARED_DATA", str(BASE_DIR.parent / "shared" / "data"))
    # The national DfE/LAIT files the demo and `sendhub benchmarks load` read: the product's own copy
    # unless an operator points at a newer download in the same layout.
    NATIONAL_DATA = env_str("SENDHUB_NATIONAL_DATA", str(BASE_DIR / "sendhub" / "dashboard" / "data"))
    # Bodies of /api/oruk/ responses each worker keeps for the current directory version (0: no cache).
    SENDHUB_ORUK_CACHE_SIZE = env_int("SENDHUB_ORUK_CACHE_SIZE", 512)
    DB_CONN_MAX_AGE = env_int("SENDHUB_DB_CONN_MAX_AGE", 60)
    # Retention schedule in years (sendhub.privacy; docs/security.md gives the legal basis of each).
    SENDHUB_RETENTION_EHC_YEARS = env_int("SENDHUB_RETENTION_EHC_YEARS", 31)
    SENDHUB_RETENTION_LOOKED_AFTER_YEARS = env_int("SENDHUB_RETENTION_LOOKED_AFTER_YEARS", 75)
    SENDHUB_RETENTION_SUPPORT_YEARS = env_int("SENDHUB_RETENTION_SUPPORT_YEARS", 25)
    SENDHUB_RETENTION_CONTACT_YEARS = env_int("SENDHUB_RETENTION_CONTACT_YEARS", 6)
    if SENDHUB_USE_OIDC:
        OIDC_RP_CLIENT_ID = env_str("SENDHUB_OIDC_CLIENT_ID", "")
        OIDC_RP_CLIENT_SECRET = env_str("SENDHUB_OIDC_CLIENT_SECRET", "")
        OIDC_TENANT = env_str("SENDHUB_OIDC_TENANT", "")
    # django-axes: lock an account from an address after 5 failures, for 30 minutes.
    AXES_FAILURE_LIMIT = env_int("SENDHUB_LOGIN_FAILURE_LIMIT", 5)
    LOCKOUT_MINUTES = env_int("SENDHUB_LOCKOUT_MINUTES", 30)
    SENDHUB_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("SENDHUB_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
    EMAIL_LINK_HOURS = env_int("SENDHUB_EMAIL_LINK_HOURS", 72)
    # Rate limits on the public forms that send an email or take something (core.ratelimit), per client
    # address: how many times in the window (an hour; a day for surgery bookings). A council policy.
    _RATE_LIMIT_VARIABLES = {
        "contact": ("SENDHUB_RATE_LIMIT_CONTACT_PER_HOUR", 5),
        "shortlist_email": ("SENDHUB_RATE_LIMIT_SHORTLIST_EMAIL_PER_HOUR", 5),
        "problem_report": ("SENDHUB_RATE_LIMIT_PROBLEM_REPORT_PER_HOUR", 10),
        "surgery_booking": ("SENDHUB_RATE_LIMIT_SURGERY_BOOKING_PER_DAY", 3),
        "password_reset": ("SENDHUB_RATE_LIMIT_PASSWORD_RESET_PER_HOUR", 5),
    }
    SENDHUB_RATE_LIMITS = {}
    for _action, (_name, _default) in _RATE_LIMIT_VARIABLES.items():
        SENDHUB_RATE_LIMITS[_action] = env_int(_name, _default)
        if not 1 <= SENDHUB_RATE_LIMITS[_action] <= 10_000:
            raise EnvError(f"{_name} must be between 1 and 10000 (got {SENDHUB_RATE_LIMITS[_action]})")
    STATIC_ROOT_PATH = Path(env_str("SENDHUB_STATIC_ROOT", str(VAR_DIR / "static")))
    SESSION_COOKIE_AGE = env_int("SENDHUB_SESSION_SECONDS", 8 * 60 * 60)
except EnvError as e:
    raise ImproperlyConfigured(str(e)) from e


def _secret_key() -> str:
    """An explicit key, else one made once per installation and kept in var/ (never committed)."""
    if SECRET_KEY_VALUE:
        return SECRET_KEY_VALUE
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(64), encoding="utf-8")
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
SENDHUB_SHARED_DATA = Path(SHARED_DATA)
SENDHUB_NATIONAL_DATA = Path(NATIONAL_DATA)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.RulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "procrastinate.contrib.django",
    "sendhub.core",
    "sendhub.schools",
    "sendhub.accounts",
    "sendhub.cases",
    "sendhub.sen2",
    "sendhub.dashboard",
    "sendhub.localoffer",
    "sendhub.voice",
    "sendhub.funding",
    "sendhub.strategy",
    "sendhub.portal",
    "sendhub.privacy",
]
if SENDHUB_USE_OIDC:
    INSTALLED_APPS.append("mozilla_django_oidc")

MIDDLEWARE = [
    "sendhub.core.requestcontext.RequestContextMiddleware",  # request id, access log, audit context
    "sendhub.core.health.HealthProbeMiddleware",  # /healthz, /readyz: any Host, plain HTTP (core.health)
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sendhub.core.middleware.PublicApiMiddleware",  # PUBLIC_API_PREFIXES stop here
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "sendhub.core.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sendhub.portal.middleware.FamilyToTheirPagesMiddleware",  # families leave the staff case pages
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "sendhub.localoffer.visits.CountVisitsMiddleware",  # Local Offer page views: path and day only
]

# Public read-only APIs served without sessions, CSRF, auth, messages or CSP (core.middleware).
PUBLIC_API_PREFIXES = ("/api/oruk/",)
# SENDHUB_ORUK_CACHE_SIZE (read above): the /api/oruk/ response bodies each worker keeps (0: no cache).

ROOT_URLCONF = "sendhub.urls"
WSGI_APPLICATION = "sendhub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sendhub.core.context_processors.service",
            ],
        },
    },
]
FORM_RENDERER = "sendhub.core.forms.GovukFormRenderer"

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=DB_CONN_MAX_AGE)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and WAL stop "database is locked" under concurrent writers.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASE_ROUTERS = ["sendhub.core.routers.PostgresOnlyAppsRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
if SENDHUB_USE_OIDC:
    AUTHENTICATION_BACKENDS.append("sendhub.accounts.oidc.EntraIdBackend")
    if not (OIDC_RP_CLIENT_ID and OIDC_RP_CLIENT_SECRET and OIDC_TENANT):
        raise ImproperlyConfigured(
            "SENDHUB_USE_OIDC needs SENDHUB_OIDC_CLIENT_ID, SENDHUB_OIDC_CLIENT_SECRET and SENDHUB_OIDC_TENANT"
        )
    _entra = f"https://login.microsoftonline.com/{OIDC_TENANT}"
    OIDC_RP_SIGN_ALGO = "RS256"
    OIDC_OP_AUTHORIZATION_ENDPOINT = f"{_entra}/oauth2/v2.0/authorize"
    OIDC_OP_TOKEN_ENDPOINT = f"{_entra}/oauth2/v2.0/token"
    OIDC_OP_USER_ENDPOINT = "https://graph.microsoft.com/oidc/userinfo"
    OIDC_OP_JWKS_ENDPOINT = f"{_entra}/discovery/v2.0/keys"
    OIDC_CREATE_USER = False  # staff are provisioned by an administrator, who gives them a role
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Invitation and password reset links work once, for this long (accounts.onboarding).
PASSWORD_RESET_TIMEOUT = EMAIL_LINK_HOURS * 3600

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes (accounts.lockout): an email is locked from one client address after 5 failures, and an
# address for every email after 20, for 30 minutes. The client address is the one behind the proxies.
# (The limits and minutes are read above.)
AXES_COOLOFF_TIME = timedelta(minutes=LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "sendhub.accounts.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "sendhub.core.clientip.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form field (our USERNAME_FIELD is email)
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = f"{SENDHUB_SERVICE_NAME} ({SENDHUB_LA_NAME})"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, g:ia"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "/static/"
# Where `collectstatic` puts the files (the container image collects them at build time, outside the volume).
STATIC_ROOT = STATIC_ROOT_PATH if SENDHUB_COLLECTSTATIC else None
MEDIA_ROOT = VAR_DIR / "media"
if SENDHUB_STORAGE == "s3":
    if not S3_BUCKET:
        raise ImproperlyConfigured("SENDHUB_STORAGE=s3 needs SENDHUB_S3_BUCKET")
    # django-storages; credentials from the settings or, when empty, boto3's own chain (instance role).
    _default_storage: dict[str, object] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            "access_key": S3_ACCESS_KEY_ID or None,
            "secret_key": S3_SECRET_ACCESS_KEY or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if SENDHUB_COLLECTSTATIC
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not SENDHUB_COLLECTSTATIC

SENDHUB_EMAIL_DELIVERY_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "outbox": "sendhub.voice.mail.OutboxBackend",
    "notify": "sendhub.voice.mail.NotifyBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}.get(EMAIL_BACKEND_NAME, "")
if not SENDHUB_EMAIL_DELIVERY_BACKEND:
    raise ImproperlyConfigured("SENDHUB_EMAIL_BACKEND must be one of console, smtp, outbox, notify, locmem")
# Pages queue mail; a job delivers it through the backend above, with retries (core.mail).
EMAIL_BACKEND = "sendhub.core.mail.QueuedEmailBackend"
if EMAIL_BACKEND_NAME == "notify" and not NOTIFY_API_KEY:
    raise ImproperlyConfigured("SENDHUB_EMAIL_BACKEND=notify needs SENDHUB_NOTIFY_API_KEY")
if EMAIL_BACKEND_NAME == "notify" and not NOTIFY_TEMPLATE_ID:
    raise ImproperlyConfigured("SENDHUB_EMAIL_BACKEND=notify needs SENDHUB_NOTIFY_TEMPLATE_ID")

# Security: cookies and HSTS only make sense behind HTTPS, which production always has.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS: list[str] = []

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "sendhub.core.requestcontext.RequestIdLogFilter"},
        "job_arguments": {"()": "sendhub.core.logformat.JobArgumentsLogFilter"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "sendhub.core.logformat.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "job_arguments"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Job starts and ends are INFO (procrastinate.worker, sendhub.jobs); axes' per-attempt chatter is not.
    "loggers": {
        "axes": {"level": "WARNING"},
        "procrastinate": {"level": "INFO"},
        "procrastinate.blueprints": {"level": "WARNING"},  # task registration, on every command
        "procrastinate.periodic": {"level": "WARNING"},
    },
}

# procrastinate runs jobs through PostgreSQL; on SQLite (and when asked) jobs run inline.
PROCRASTINATE_ON_APP_READY = "sendhub.core.jobs.on_app_ready"
