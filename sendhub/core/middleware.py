"""Production can make a second factor mandatory for council, health and care staff; public APIs skip
the browser-oriented middleware."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

EXEMPT_URL_NAMES = {"accounts:otp_setup", "accounts:otp_verify", "accounts:logout"}


class StaffSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not (settings.SENDHUB_REQUIRE_STAFF_OTP and user.is_authenticated):
            return None
        if not getattr(user, "is_council_staff", False) or getattr(user, "is_verified", lambda: False)():
            return None
        if getattr(view_func, "login_required", True) is False:
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT_URL_NAMES:
            return None
        return redirect("accounts:otp_verify")


# Resolving walks every app's URL patterns; an API client asks for the same few paths again and again.
_resolve = functools.lru_cache(maxsize=2048)(resolve)  # keyed by (path, urlconf)


class PublicApiMiddleware:
    """Serve public, read-only API paths (settings.PUBLIC_API_PREFIXES) without the rest of the stack.

    Those views need no session, user, CSRF token, messages, CSP or lockout checks, and running that
    middleware costs more CPU than the view itself on a cached response. Only views marked
    `login_not_required` are called this way; anything else (or an unknown path) takes the normal route.
    Placed after SecurityMiddleware, so security headers are still set.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefixes = tuple(getattr(settings, "PUBLIC_API_PREFIXES", ()))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.prefixes and request.path_info.startswith(self.prefixes):
            try:
                match = _resolve(request.path_info, settings.ROOT_URLCONF)
            except Resolver404:
                return self.get_response(request)
            if getattr(match.func, "login_required", True) is False:
                request.get_host()  # ALLOWED_HOSTS, as CommonMiddleware would check: DisallowedHost is a 400
                request.resolver_match = match
                response: HttpResponse = match.func(request, *match.args, **match.kwargs)
                if not (
                    response.streaming or response.status_code == 304 or response.has_header("Content-Length")
                ):
                    response["Content-Length"] = str(len(response.content))  # as CommonMiddleware does
                return response
        return self.get_response(request)
