"""Helpers for the services that change a record from a form."""

from __future__ import annotations

from typing import Any

from django.db import models


def set_fields(record: models.Model, values: dict[str, Any]) -> list[str]:
    """Set `values` on `record` (not saved) and return the names whose value changed, sorted, as the
    services' audit events list them."""
    changed = sorted(name for name, value in values.items() if getattr(record, name) != value)
    for name, value in values.items():
        setattr(record, name, value)
    return changed
