"""KPI tiles on the dashboard's front page from other apps: each app may give tiles in
`<app>/dashboard_tiles.py` as `dashboard_tiles(user, today) -> list[KpiTile]`.

Found by module name, the way core finds each app's home.py, so the dashboard imports no app above it:
funding reads the dashboard's forecast (place sufficiency), and a direct import back from the dashboard
would tie the two apps in a cycle. Each tile's figures come from the selectors behind the page it links to,
so the tile and the page agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING, Protocol

from django.apps import apps

if TYPE_CHECKING:
    from sendhub.accounts.models import User


@dataclass(frozen=True)
class KpiTile:
    key: str  # the tile's id on the page
    title: str
    figure: str
    detail: str
    on_track: bool | None  # None: no target to judge against
    url: str  # "" when the viewer may not open the page behind it
    order: int = 0


class _TileSource(Protocol):
    def __call__(self, user: User, today: date) -> list[KpiTile]: ...


@cache
def _sources() -> tuple[_TileSource, ...]:
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("sendhub.") and find_spec(f"{config.name}.dashboard_tiles"):
            found.append(import_module(f"{config.name}.dashboard_tiles").dashboard_tiles)
    return tuple(found)


def tiles_for(user: User, today: date) -> list[KpiTile]:
    return sorted((tile for source in _sources() for tile in source(user, today)), key=lambda t: t.order)
