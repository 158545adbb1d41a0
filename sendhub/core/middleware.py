"""Production can make a second factor mandatory for council, health and care staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

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
