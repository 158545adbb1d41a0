"""Deny by default: every view is private (LoginRequiredMiddleware) and declares the permission it needs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_POST

if TYPE_CHECKING:
    from sendhub.accounts.models import User

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


class AuthenticatedHttpRequest(HttpRequest):
    """The request type of a private view: `request.user` is a signed-in `User`."""

    user: User


def requires(permission: str) -> Callable[[View], View]:
    """Allow the view only to users holding `permission` (a `rules` permission); 403 otherwise."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.required_permission = permission  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


def post_only(permission: str) -> Callable[[View], View]:
    """@requires(permission) around a view that only accepts POST (a button's action, not a page).

    Marked with `allowed_methods` so the accessibility crawl does not look for a GET page.
    """

    def decorator(view: View) -> View:
        wrapped = requires(permission)(require_POST(view))
        wrapped.allowed_methods = ("POST",)  # type: ignore[attr-defined]
        return wrapped

    return decorator
