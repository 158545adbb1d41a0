"""Two-step sign-in is enforced for every account that has set it up and, when production requires it
(SENDHUB_REQUIRE_STAFF_OTP), for every professional account; public APIs skip the browser-oriented
middleware."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django_otp import user_has_device

if TYPE_CHECKING:
    from sendhub.accounts.models import User

EXEMPT_URL_NAMES = {"accounts:otp_setup", "accounts:otp_verify", "accounts:logout"}


def second_factor_required(user: User) -> bool:
    """Whether this signed-in person must give a security code before anything else: always once they
    have a confirmed authenticator (a password alone must never be enough to use an account that has
    two steps), and for every role but parents and carers when the operator requires it."""
    if getattr(settings, "SENDHUB_REQUIRE_STAFF_OTP", False) and getattr(user, "is_professional", False):
        return True
    return user_has_device(user, confirmed=True)


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or getattr(user, "is_verified", lambda: False)():
            return None
        match = request.resolver_match
        # Django's admin marks its views login_not_required (it checks for itself): it is not public.
        in_admin = match is not None and match.namespace == "admin"
        if getattr(view_func, "login_required", True) is False and not in_admin:
            return None
        if match is not None and match.view_name in EXEMPT_URL_NAMES:
            return None
        if not second_factor_required(user):
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
