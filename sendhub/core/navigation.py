"""The header's navigation: each domain app lists its items in `<app>/nav.py` as NAV_ITEMS.

Items are grouped into areas by what the person does (Casework, Families, Local Offer, ...). The header shows
one link per area the person may use: straight to the item when the area holds one item they may see, else
to the area's page, which lists its items; inside an area, its items are the sub-navigation. An item names
its area (`NavItem(..., area="casework")`); an item that names none falls in the area its nav.py names as
AREA, else the area named after its app (so a new app's items group together without touching core). An
area key not in AREAS is shown under its app's verbose name, after the known areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.urls import reverse

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from sendhub.accounts.models import User

# At most about seven top-level items for any role (GOV.UK service navigation fits one row at desktop width).
MAX_TOP_LEVEL = 7


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    order: int
    description: str = ""


AREAS: dict[str, Area] = {
    area.key: area
    for area in (
        # A family's own pages (sendhub.portal): first in their header.
        Area(
            "family", "Your children", 5, "Where your children's support stands, letters, plans and messages."
        ),
        Area("casework", "Casework", 10, "Requests, children and young people, plans, panel and reviews."),
        Area(
            "families", "Families", 20, "The duty line, complaints, surveys, surgeries and what families say."
        ),
        Area("localoffer", "Local Offer", 30, "Services and pages in the Local Offer, and their moderation."),
        Area("performance", "Performance", 40, "The dashboard and the SEN2 return."),
        Area(
            "strategy",
            "Strategy",
            50,
            "The implementation plan, partner measures, the board and self-evaluation.",
        ),
        Area("funding", "Funding", 60, "Top-up funding, budgets and payments."),
        Area("admin", "Admin", 90, "Schools, users, the audit trail and the outbox."),
    )
}
UNKNOWN_AREA_ORDER = 80


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str
    order: int = 50
    area: str = ""


@dataclass(frozen=True)
class PlacedItem:
    """A NavItem with the area it was placed in."""

    item: NavItem
    area: Area


@cache
def all_nav_items() -> tuple[PlacedItem, ...]:
    placed: list[PlacedItem] = []
    for config in apps.get_app_configs():
        if not (config.name.startswith("sendhub.") and find_spec(f"{config.name}.nav")):
            continue
        module = import_module(f"{config.name}.nav")
        placed.extend(
            place(module.NAV_ITEMS, getattr(module, "AREA", config.label), str(config.verbose_name))
        )
    return tuple(sorted(placed, key=lambda p: (p.area.order, p.item.order, p.item.label)))


def place(items: list[NavItem], default_key: str, app_name: str) -> list[PlacedItem]:
    """One app's items in their areas: the item's own area, else the app's default; an unknown key is an
    area named after the app."""
    placed = []
    for item in items:
        key = item.area or default_key
        placed.append(PlacedItem(item, AREAS.get(key) or Area(key, app_name, UNKNOWN_AREA_ORDER)))
    return placed


def area_by_key(key: str) -> Area | None:
    for placed in all_nav_items():
        if placed.area.key == key:
            return placed.area
    return None


def _is_current(url: str, current_path: str) -> bool:
    return current_path == url or (url != "/" and current_path.startswith(url))


def items_for(user: User | AnonymousUser | None, current_path: str = "") -> list[dict[str, Any]]:
    """Every item the person may use, in area order, each with its area."""
    if user is None or not user.is_authenticated:
        return []
    links = []
    for placed in all_nav_items():
        if user.has_perm(placed.item.permission):
            url = reverse(placed.item.url_name)
            links.append(
                {
                    "label": placed.item.label,
                    "url": url,
                    "area": placed.area,
                    "active": _is_current(url, current_path),
                }
            )
    return links


def areas_for(user: User | AnonymousUser | None, current_path: str) -> list[dict[str, Any]]:
    """The header's top-level items: one per area the person may use, each with its items (the sub-navigation)."""
    grouped: dict[str, dict[str, Any]] = {}
    for link in items_for(user, current_path):
        area: Area = link["area"]
        entry = grouped.setdefault(
            area.key,
            {"key": area.key, "label": area.label, "description": area.description, "items": []},
        )
        entry["items"].append(link)
    result = []
    for entry in grouped.values():
        items = entry["items"]
        area_url = reverse("core:area", args=[entry["key"]])
        if len(items) == 1:
            entry["label"], entry["url"] = items[0]["label"], items[0]["url"]
        else:
            entry["url"] = area_url
        entry["active"] = current_path == area_url or any(item["active"] for item in items)
        result.append(entry)
    return result


def nav_for(user: User | AnonymousUser | None, current_path: str) -> list[dict[str, Any]]:
    """The header's links (label, url, active): one per area."""
    return [
        {"label": a["label"], "url": a["url"], "active": a["active"]} for a in areas_for(user, current_path)
    ]
