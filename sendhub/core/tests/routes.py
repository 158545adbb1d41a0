"""Every URL pattern of the project, by name, with sample arguments so tests can request each one."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

SKIP_NAMESPACES = {"admin"}  # the Django admin enforces its own staff check


def walk(
    patterns: list[Any], ns: str = "", prefix: str = ""
) -> Iterator[tuple[str, Callable[..., Any], Any]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace in SKIP_NAMESPACES:
                continue
            sub_ns = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from walk(p.url_patterns, sub_ns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}{p.name}", p.callback, p


def all_routes() -> dict[str, Callable[..., Any]]:
    return {name: callback for name, callback, _ in walk(get_resolver().url_patterns)}


def is_public(callback: Callable[..., Any]) -> bool:
    return getattr(callback, "login_required", True) is False


def sample_kwargs(pattern: URLPattern) -> dict[str, Any]:
    """Arguments that fit the route's converters, for requests that only test access rules."""
    kwargs: dict[str, Any] = {}
    for name, converter in pattern.pattern.converters.items():
        kind = type(converter).__name__
        kwargs[name] = {"IntConverter": 999999, "UUIDConverter": uuid.UUID(int=1)}.get(kind, "sample")
    return kwargs


def route_patterns() -> dict[str, URLPattern]:
    return {name: pattern for name, _, pattern in walk(get_resolver().url_patterns)}
