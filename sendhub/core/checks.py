"""SEND Hub's own deployment checks, run by `sendhub check --deploy` beside Django's.

Errors stop a deployment script (`check --deploy` exits non-zero); warnings are printed and, with
`--fail-level WARNING`, stop it too. Each message says which SENDHUB_* variable to set.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import connections

DEFAULT_SITE_URL = "http://127.0.0.1:8000"
MIN_SECRET_LENGTH = 50
# Backends that keep mail on the server instead of delivering it: fine for tests and the demo only.
UNDELIVERED_MAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "outbox": "sendhub.voice.mail.OutboxBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}  # noqa: S104 (compared, never bound)


@register(Tags.security, deploy=True)
def check_production_settings(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    problems: list[Any] = []
    if settings.DEBUG:
        problems.append(
            Error(
                "DEBUG is on: error pages would show settings and personal data.",
                hint="Set SENDHUB_DEBUG=false (and SENDHUB_DEMO=false).",
                id="sendhub.E001",
            )
        )
    if settings.DEMO:
        problems.append(
            Error(
                "Demo mode is on: a demo banner, demo sign-ins and mail kept in the outbox.",
                hint="Set SENDHUB_DEMO=false.",
                id="sendhub.E002",
            )
        )
    delivery = getattr(settings, "SENDHUB_EMAIL_DELIVERY_BACKEND", "")
    if (
        settings.EMAIL_BACKEND_NAME in UNDELIVERED_MAIL_BACKENDS
        or delivery in UNDELIVERED_MAIL_BACKENDS.values()
    ):
        problems.append(
            Error(
                f"SENDHUB_EMAIL_BACKEND={settings.EMAIL_BACKEND_NAME} sends no mail: families' and staff "
                "emails would be written into the log, kept in the staff Outbox or lost.",
                hint="Set SENDHUB_EMAIL_BACKEND=smtp (with SENDHUB_EMAIL_HOST...) or notify.",
                id="sendhub.E003",
            )
        )
    site = urlsplit(settings.SENDHUB_SITE_URL)
    if settings.SENDHUB_SITE_URL == DEFAULT_SITE_URL or (site.hostname or "") in LOOPBACK_HOSTS:
        problems.append(
            Error(
                f"SENDHUB_SITE_URL is {settings.SENDHUB_SITE_URL}: links in emails (invitations, password "
                "resets, surveys) would point at the recipient's own computer.",
                hint="Set SENDHUB_SITE_URL to the public address, like https://send.example.gov.uk.",
                id="sendhub.E004",
            )
        )
    elif site.scheme != "https":
        problems.append(
            Warning(
                f"SENDHUB_SITE_URL is not https ({settings.SENDHUB_SITE_URL}).",
                hint="Links in emails should use the https address.",
                id="sendhub.W001",
            )
        )
    if not settings.SECRET_KEY_VALUE:
        problems.append(
            Error(
                "SENDHUB_SECRET_KEY is not set: a key was made in SENDHUB_VAR_DIR/secret_key, which other "
                "servers do not share and a rebuilt server loses (every session and emailed link breaks).",
                hint="Set SENDHUB_SECRET_KEY or SENDHUB_SECRET_KEY_FILE (50 or more random characters).",
                id="sendhub.E005",
            )
        )
    elif len(settings.SECRET_KEY_VALUE) < MIN_SECRET_LENGTH or len(set(settings.SECRET_KEY_VALUE)) < 5:
        problems.append(
            Error(
                f"SENDHUB_SECRET_KEY is too short or too plain (needs {MIN_SECRET_LENGTH}+ random characters).",
                hint='Make one with: python3 -c "import secrets; print(secrets.token_urlsafe(64))"',
                id="sendhub.E006",
            )
        )
    if settings.SENDHUB_JOBS_INLINE and connections["default"].vendor == "postgresql":
        problems.append(
            Warning(
                "SENDHUB_JOBS_INLINE is on with PostgreSQL: emails and long jobs run inside web requests and "
                "periodic jobs (reminders, escalations, status refresh) never run.",
                hint="Set SENDHUB_JOBS_INLINE=false and run `sendhub procrastinate worker` (docs/operator-guide.md).",
                id="sendhub.W002",
            )
        )
    if not settings.SENDHUB_REQUIRE_STAFF_OTP:
        problems.append(
            Warning(
                "SENDHUB_REQUIRE_STAFF_OTP is off: council, health and care staff may sign in with a password "
                "alone.",
                hint="Set SENDHUB_REQUIRE_STAFF_OTP=true.",
                id="sendhub.W003",
            )
        )
    return problems
