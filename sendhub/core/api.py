"""django-ninja helpers: one place to build an API, map domain errors and mark a public API public."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError

from sendhub.core.exceptions import CaseStateError, ImportRejected, SendHubError


class ApiError(Schema):
    """What every refusal carries: a sentence saying what was wrong (documented as each 400 and 404)."""

    detail: str


# The refusals to document on each operation: a parameter the API cannot use, or an id it does not hold.
REFUSED = {400: ApiError}
NOT_FOUND = {404: ApiError}


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors:
        where = ".".join(str(p) for p in error.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {error.get('msg', 'not valid')}")
    return "; ".join(parts) or "The request is not valid"


def make_api(**kwargs: Any) -> NinjaAPI:
    api = NinjaAPI(**kwargs)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        # A parameter of the wrong type is a 400 like any other refusal (ninja's default is an undocumented 422).
        return api.create_response(request, {"detail": _validation_message(exc)}, status=400)

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
