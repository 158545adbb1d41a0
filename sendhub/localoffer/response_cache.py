"""HTTP caching for the public ORUK API: CORS, ETag/Last-Modified, 304s and a small per-process cache.

Every response of the API depends only on the URL and the published directory, whose version
(`documents.current_version`) is bumped in the same transaction as any change. So the version is a
strong validator: the ETag is the version (its number and time), and a worker's cached body for (version, URL) can be sent
again until the version moves. Reading the version costs one primary-key lookup per request; a change
made in any process is seen by every worker on its next request.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date

from sendhub.localoffer import documents

# Clients may keep a copy but must revalidate it (a 304 is cheap), so a change is visible at once.
CACHE_CONTROL = "public, no-cache"


class ResponseCache:
    """A bounded least-recently-used map of (version, full path) -> (content type, body)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[str, str], tuple[str, bytes]] = OrderedDict()

    def get(self, key: tuple[str, str]) -> tuple[str, bytes] | None:
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
        return hit

    def put(self, key: tuple[str, str], value: tuple[str, bytes]) -> None:
        if key[0] != next(iter(self.entries), key)[0]:  # the directory changed: older bodies are useless
            self.entries.clear()
        self.entries[key] = value
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


CACHE = ResponseCache(settings.SENDHUB_ORUK_CACHE_SIZE)


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _headers(response: HttpResponse, etag: str, changed_at: Any) -> HttpResponse:
    _cors(response)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    if changed_at is not None:
        response["Last-Modified"] = http_date(changed_at.timestamp())
    return response


def public_read(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open Referral UK feeds are public and read-only: every response carries
    Access-Control-Allow-Origin: *; successful GETs carry an ETag and are cached per process."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return _cors(view(request, *args, **kwargs))
        number, changed_at = documents.current_version()
        if changed_at is None:  # nothing published through the writers yet: no validator to offer
            return _cors(view(request, *args, **kwargs))
        # The time as well as the number: a database restored from a backup may reuse a number.
        version = f"{number}.{changed_at.timestamp():.6f}"
        etag = f'"oruk-{version}"'
        if etag in request.headers.get("If-None-Match", ""):
            return _headers(HttpResponseNotModified(), etag, changed_at)
        key = (version, request.get_full_path())
        hit = CACHE.get(key) if CACHE.size else None
        if hit is not None:
            return _headers(HttpResponse(hit[1], content_type=hit[0]), etag, changed_at)
        response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return _cors(response)
        if CACHE.size and not response.streaming:
            CACHE.put(key, (response["Content-Type"], response.content))
        return _headers(response, etag, changed_at)

    return wrapper
