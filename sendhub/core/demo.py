"""Runs every app's demo loader in INSTALLED_APPS order."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.db import transaction


def demo_loaders() -> list[tuple[str, Any]]:
    loaders = []
    for config in apps.get_app_configs():
        if (
            config.name.startswith("sendhub.")
            and config.name != "sendhub.core"
            and find_spec(f"{config.name}.demo")
        ):
            module = import_module(f"{config.name}.demo")
            if hasattr(module, "load"):
                loaders.append((config.label, module.load))
    return loaders


def load_demo_data(*, seed: int, scale: float, stdout: Any) -> None:
    for _label, load in demo_loaders():
        with transaction.atomic():
            load(seed=seed, scale=scale, stdout=stdout)
