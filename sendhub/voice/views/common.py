from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.views.decorators.http import require_POST

from sendhub.core.access import requires


def post_only(permission: str) -> Callable[[Any], Any]:
    """@requires(permission) around a POST-only view, marked so the crawl does not look for a GET page."""

    def decorator(view: Any) -> Any:
        wrapped = requires(permission)(require_POST(view))
        wrapped.allowed_methods = ("POST",)
        return wrapped

    return decorator
