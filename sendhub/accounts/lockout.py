"""Sign-in lockout (django-axes) keyed on the client's real address, not the proxy's.

Two limits, so a stranger cannot lock a colleague out and one address cannot try every account:

* an email address is locked *from one client address* after `SENDHUB_LOGIN_FAILURE_LIMIT` failures
  (the same person signing in from elsewhere is not affected);
* a client address is locked *for every account* after `SENDHUB_LOGIN_ADDRESS_FAILURE_LIMIT` failures,
  whichever emails it tried.

The client address is `core.clientip.client_address` (`SENDHUB_TRUSTED_PROXY_COUNT`), set as
AXES_CLIENT_IP_CALLABLE in settings.
"""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(ip_address: str | None, request: Any) -> int:
    """Failures from one client address, across every email address, within the cool-off period."""
    if not ip_address:
        return 0
    attempts = AccessAttempt.objects.filter(ip_address=ip_address)
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a second, per-address limit across usernames."""

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        failures = super().get_failures(request, credentials)  # this email from this address
        ip_address = getattr(request, "axes_ip_address", None)
        if address_failures(ip_address, request) >= settings.SENDHUB_LOGIN_ADDRESS_FAILURE_LIMIT:
            # Axes compares one number with AXES_FAILURE_LIMIT: report the address as over it.
            return max(failures, int(settings.AXES_FAILURE_LIMIT))
        return failures
