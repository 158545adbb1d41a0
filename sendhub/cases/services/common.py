"""Helpers shared by the casework services: optimistic locking, field updates and timeline entries."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models

from sendhub.accounts.models import User
from sendhub.cases.models import Child, TimelineEntry
from sendhub.core.exceptions import SendHubError, StaleObjectError
from sendhub.core.records import set_fields


def check_and_bump_version(obj: models.Model, expected: int | None) -> None:
    """Optimistic locking: refuse the write if someone saved the row since the form was opened.

    The UPDATE ... WHERE version = expected is atomic, so two concurrent saves cannot both win.
    ``expected=None`` (a service called by a job, not a form) skips the check but still bumps.
    """
    model = type(obj)
    qs = model._default_manager.filter(pk=obj.pk)
    if expected is not None:
        qs = qs.filter(version=expected)
    updated = qs.update(version=models.F("version") + 1)
    if not updated:
        raise StaleObjectError()
    obj.version = (expected if expected is not None else obj.version) + 1  # type: ignore[attr-defined]


def add_timeline(child: Child, *, on: date, kind: str, summary: str, by: User | None) -> TimelineEntry:
    entry = TimelineEntry(
        child=child,
        occurred_on=on,
        kind=kind,
        summary=summary[:300],
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    # The child and the user are loaded objects: validating each key again would cost a query apiece.
    entry.full_clean(exclude=["child", "created_by"])
    entry.save()
    return entry


def apply_fields(record: models.Model, allowed: list[str], fields: dict[str, Any]) -> list[str]:
    """Set `fields` (names from `allowed` only), validate and save them; returns the names that changed."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise SendHubError(f"Unknown fields: {', '.join(sorted(unknown))}")
    changed = set_fields(record, fields)
    record.full_clean()
    record.save(update_fields=list(fields))
    return changed
