"""django-ninja helpers: one place to build an API, map domain errors and mark a public API public."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver
from ninja import NinjaAPI

from sendhub.core.exceptions import CaseStateError, ImportRejected, SendHubError


def make_api(**kwargs: Any) -> NinjaAPI:
    api = NinjaAPI(**kwargs)

    @api.exception_handler(CaseStateError)
    def conflict(request: HttpRequest, exc: CaseStateError) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc)}, status=409)

    @api.exception_handler(ImportRejected)
    def rejected(request: HttpRequest, exc: ImportRejected) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc), "errors": exc.errors}, status=400)

    @api.exception_handler(SendHubError)
    def refused(request: HttpRequest, exc: SendHubError) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc)}, status=400)

    return api


def _mark_public(patterns: list[Any]) -> None:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _mark_public(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = login_not_required(pattern.callback)


def public_urls(api: NinjaAPI) -> tuple[list[Any], str, str]:
    """The API's URL patterns, each marked public (an API for other systems, with its own auth if any)."""
    urls = api.urls
    _mark_public(urls[0])
    return urls
