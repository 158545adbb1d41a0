"""Soft removal: an update, a partner's value or a board item removed by staff stays in the table (with
`removed_at`) for the audit trail, and the default manager leaves it out of every page, pack and report."""

from __future__ import annotations

from typing import Any

from django.db import models


class LiveManager(models.Manager[Any]):
    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().filter(removed_at__isnull=True)


class AllRowsManager(models.Manager[Any]):
    """Every row, removed ones too: the base manager (related lookups, the audit) and the service's locks."""
