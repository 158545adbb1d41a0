"""Tables other apps add to the dashboard's pages, found the way core finds home panels.

The dashboard sits in the top layer beside the apps that hold other measures (strategy's partner measures:
health, social care, the Parent Carer Forum...). So that it depends on none of them, an app that has
figures for the dashboard defines `<app>/dashboard_tables.py` with
`dashboard_tables(*, public: bool, today: date) -> list[ProvidedTable]`, and the dashboard imports it by
name at run time. `public=True` asks for the public page's table: its provider applies the small-number
rules of `rules/suppression.py` before it answers (the dashboard shows what it is given)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Protocol

from django.apps import apps


@dataclass(frozen=True)
class ProvidedTable:
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""
    empty: str = "No figures yet."


class _TableSource(Protocol):
    def __call__(self, *, public: bool, today: date) -> list[ProvidedTable]: ...


@cache
def _sources() -> tuple[_TableSource, ...]:
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("sendhub.") and find_spec(f"{config.name}.dashboard_tables"):
            found.append(import_module(f"{config.name}.dashboard_tables").dashboard_tables)
    return tuple(found)


def provided_tables(*, public: bool, today: date) -> list[ProvidedTable]:
    return [table for source in _sources() for table in source(public=public, today=today)]
