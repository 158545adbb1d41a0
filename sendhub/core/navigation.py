"""The header's navigation: each domain app lists its items in `<app>/nav.py` as NAV_ITEMS."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str
    order: int = 50


@cache
def all_nav_items() -> tuple[NavItem, ...]:
    items: list[NavItem] = []
    for config in apps.get_app_configs():
        if config.name.startswith("sendhub.") and find_spec(f"{config.name}.nav"):
            items.extend(import_module(f"{config.name}.nav").NAV_ITEMS)
    return tuple(sorted(items, key=lambda item: item.order))


def nav_for(user: Any, current_path: str) -> list[dict[str, Any]]:
    if not getattr(user, "is_authenticated", False):
        return []
    links = []
    for item in all_nav_items():
        if user.has_perm(item.permission):
            url = reverse(item.url_name)
            active = current_path == url or (url != "/" and current_path.startswith(url))
            links.append({"label": item.label, "url": url, "active": active})
    return links
