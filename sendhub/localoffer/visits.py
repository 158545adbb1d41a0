"""Local Offer use: page views counted by SEND Hub itself, with no cookie, no third party, no personal data.

`CountVisitsMiddleware` adds one to the day's row for the page's path after a public Local Offer page is
served (a GET answered 200). It keeps no IP address, user agent, session or query string (a search may
hold a name): only the path and the day. Staff pages (`/local-offer/manage/`, `/local-offer/provider/`),
signed-in staff and robots (by user agent) are not counted. One statement a view: an UPSERT
(`INSERT ... ON CONFLICT ... DO UPDATE`), which SQLite and PostgreSQL both run.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from sendhub.core.predicates import is_staff_member

logger = logging.getLogger(__name__)

COUNTED_PREFIX = "/local-offer/"
STAFF_PREFIXES = ("/local-offer/manage/", "/local-offer/provider/")
# Crawlers, link previewers, monitors and scripted clients; a blank user agent is not a person's browser.
ROBOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|pingdom|uptime|"
    r"headless|phantom|lighthouse|curl|wget|python-|httpx|java/|go-http|okhttp|libwww|scrapy",
    re.IGNORECASE,
)
MAX_PATH = 200


def is_counted(*, path: str, method: str, status: int, user_agent: str, signed_in_staff: bool) -> bool:
    """Whether a request is a person's view of a public Local Offer page."""
    if method != "GET" or status != 200 or signed_in_staff:
        return False
    if not path.startswith(COUNTED_PREFIX) or path.startswith(STAFF_PREFIXES):
        return False
    return bool(user_agent.strip()) and not ROBOT.search(user_agent)


def record_view(path: str, day: date) -> None:
    """One UPSERT: the day's row for the path is made at 1 or has 1 added."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO localoffer_pageviewcount (path, day, views) VALUES (%s, %s, 1) "
            "ON CONFLICT (path, day) DO UPDATE SET views = localoffer_pageviewcount.views + 1",
            [path[:MAX_PATH], day],
        )


class CountVisitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        staff = bool(user is not None and user.is_authenticated and is_staff_member(user))
        if is_counted(
            path=request.path,
            method=request.method or "",
            status=response.status_code,
            user_agent=request.headers.get("user-agent", ""),
            signed_in_staff=staff,
        ):
            try:
                record_view(request.path, timezone.localdate())
            except DatabaseError:  # a count is never worth a visitor's page
                logger.warning("Local Offer page view not counted", exc_info=True)
        return response
