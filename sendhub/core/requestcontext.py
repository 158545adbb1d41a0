"""One id per request, on every log line and in the response, and the request itself for the audit trail.

`RequestContextMiddleware` runs first. It takes the proxy's `X-Request-ID` when it is a sane token (so
nginx and SEND Hub lines can be matched), otherwise makes one, returns it in the response header, and
writes one access log line per request (logger `sendhub.access`). `RequestIdLogFilter` puts the id on
every log record; `current_request()` lets `core.audit.record_event` name the client address and path
of the request in progress when a service was not handed the request.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

from sendhub.core.clientip import client_address

_request: ContextVar[HttpRequest | None] = ContextVar("sendhub_request", default=None)
_request_id: ContextVar[str] = ContextVar("sendhub_request_id", default="-")
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
QUIET_PATHS = frozenset({"/healthz", "/readyz"})  # probed every few seconds: their access lines are DEBUG

access_log = logging.getLogger("sendhub.access")


def current_request() -> HttpRequest | None:
    return _request.get()


def current_request_id() -> str:
    return _request_id.get()


def request_id_from(request: HttpRequest) -> str:
    offered = request.META.get("HTTP_X_REQUEST_ID", "")
    return offered if _SANE_ID.match(offered) else uuid.uuid4().hex


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        request_token = _request.set(request)
        id_token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            access_log.log(
                logging.DEBUG if request.path_info in QUIET_PATHS else logging.INFO,
                '%s "%s %s" %s %.1fms',
                client_address(request) or "-",
                request.method,
                request.get_full_path()[:500],
                status,
                elapsed_ms,
                extra={
                    "client": client_address(request),
                    "method": request.method,
                    "path": request.path_info[:500],
                    "status": status,
                    "duration_ms": round(elapsed_ms, 1),
                },
            )
            _request_id.reset(id_token)
            _request.reset(request_token)


class RequestIdLogFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request, e.g. in the worker or a command)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True
