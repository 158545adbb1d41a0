"""The home page's panels: each domain app may say what needs the person today in `<app>/home.py`.

An app's home.py defines `home_panels(user, today) -> list[HomePanel]`; core finds them the way it finds
nav.py (no import of any app here). Each figure is counted by the selector behind the list it links to, so
the home page and the list always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING, Protocol

from django.apps import apps

if TYPE_CHECKING:
    from sendhub.accounts.models import User


@dataclass(frozen=True)
class Figure:
    """A count that links to the list it counts; ``text`` shows a figure that is not a count (money)."""

    label: str
    count: int
    url: str
    text: str = ""


@dataclass(frozen=True)
class Upcoming:
    label: str
    url: str
    due: date | None
    detail: str = ""


@dataclass(frozen=True)
class Cell:
    """One cell of a panel's table: a count or a name, linked to the list behind it when ``url`` is set."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class PanelTable:
    """A small table on the home page (a team's caseloads): the first column names each row."""

    caption: str
    head: list[str]
    rows: list[list[Cell]]
    empty: str = "Nothing to show."


@dataclass(frozen=True)
class HomePanel:
    title: str
    order: int
    figures: list[Figure] = field(default_factory=list)
    upcoming_title: str = ""
    upcoming: list[Upcoming] = field(default_factory=list)
    table: PanelTable | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url): where to go next
    note: str = ""


class _PanelSource(Protocol):
    def __call__(self, user: User, today: date) -> list[HomePanel]: ...


@cache
def _sources() -> tuple[_PanelSource, ...]:
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("sendhub.") and find_spec(f"{config.name}.home"):
            found.append(import_module(f"{config.name}.home").home_panels)
    return tuple(found)


def panels_for(user: User, today: date) -> list[HomePanel]:
    panels = [panel for source in _sources() for panel in source(user, today)]
    return sorted(panels, key=lambda panel: panel.order)
