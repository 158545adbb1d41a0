"""Rate limits on the public forms that send an email or take something (one mechanism for them all).

A fixed window per action and client address, counted in the database (`RateLimitCounter`) with an
atomic UPDATE ... SET hits = hits + 1, so the limit holds across gunicorn workers and servers. The client
address comes from core.clientip (the one behind the trusted proxies). Over the limit, the person sees
the service's own "too many requests" page (429) saying when to try again.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sendhub.core.clientip import client_address
from sendhub.core.models import RateLimitCounter


@dataclass(frozen=True)
class Limit:
    times: int
    per: timedelta
    what: str  # in "You have <what> too many times", plain English


# The windows and words; how many times is a council policy, not a statute, read from settings
# (SENDHUB_RATE_LIMITS, from SENDHUB_RATE_LIMIT_* variables): far more than any family needs, far less
# than a script wants. DEFAULT_TIMES holds when a setting is missing.
WINDOWS = {
    "contact": (timedelta(hours=1), "sent a message"),
    "shortlist_email": (timedelta(hours=1), "emailed a shortlist"),
    "problem_report": (timedelta(hours=1), "reported a problem"),
    "surgery_booking": (timedelta(days=1), "booked a SEN surgery appointment"),
    "password_reset": (timedelta(hours=1), "asked for a password reset link"),
}
DEFAULT_TIMES = {
    "contact": 5,
    "shortlist_email": 5,
    "problem_report": 10,
    "surgery_booking": 3,
    "password_reset": 5,
}


def limit_for(action: str) -> Limit:
    """The limit on `action` as configured now (a KeyError for an action nobody declared)."""
    per, what = WINDOWS[action]
    configured = getattr(settings, "SENDHUB_RATE_LIMITS", {}) or {}
    return Limit(int(configured.get(action, DEFAULT_TIMES[action])), per, what)


KEEP = timedelta(days=2)  # longer than the longest window


def _window_start(now: datetime, per: timedelta) -> datetime:
    seconds = int(per.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=now.tzinfo or timezone.get_current_timezone())


def _key(action: str, address: str | None) -> str:
    raw = f"{settings.SECRET_KEY}:ratelimit:{action}:{address or 'unknown'}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _count(key: str, start: datetime) -> int:
    """One more hit in the window; returns the hits so far, this one included (atomic across workers)."""
    with transaction.atomic():
        if not RateLimitCounter.objects.filter(key=key, window_start=start).update(hits=F("hits") + 1):
            try:
                with transaction.atomic():
                    RateLimitCounter.objects.create(key=key, window_start=start, hits=1)
                # Housekeeping as we go: windows long over are no use to anyone.
                RateLimitCounter.objects.filter(window_start__lt=start - KEEP).delete()
                return 1
            except IntegrityError:  # another worker made this window's counter first: count on it
                RateLimitCounter.objects.filter(key=key, window_start=start).update(hits=F("hits") + 1)
        return RateLimitCounter.objects.get(key=key, window_start=start).hits


def check(request: HttpRequest, action: str, now: datetime | None = None) -> int | None:
    """Count one attempt at `action` from this client. None if allowed; else seconds until the window
    ends (when it may try again)."""
    limit = limit_for(action)
    now = now or timezone.now()
    start = _window_start(now, limit.per)
    if _count(_key(action, client_address(request)), start) <= limit.times:
        return None
    return max(1, math.ceil((start + limit.per - now).total_seconds()))


def too_many_requests(request: HttpRequest, action: str, retry_after: int) -> HttpResponse:
    """The 429 page: what happened and when to try again, in plain English."""
    minutes = max(1, math.ceil(retry_after / 60))
    wait = f"{minutes} minute{'s' if minutes != 1 else ''}"
    if minutes > 90:
        hours = math.ceil(minutes / 60)
        wait = f"{hours} hour{'s' if hours != 1 else ''}"
    response = render(request, "429.html", {"limit": limit_for(action), "wait": wait}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def refuse(request: HttpRequest, action: str) -> HttpResponse | None:
    """The 429 response if this client has done `action` too often, else None (the attempt is counted)."""
    retry_after = check(request, action)
    return None if retry_after is None else too_many_requests(request, action, retry_after)
