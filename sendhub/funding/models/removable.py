"""Soft removal for what the High Needs Block is built from and was entered in error: the row stays (with
when, who and why) for the audit trail, and `objects` no longer returns it, so it counts nowhere (the
forecast, the pages, the downloads). `with_removed` reads every row, for the history that shows them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class LiveManager(models.Manager[Any]):
    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().filter(removed_at__isnull=True)


class Removable(models.Model):
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    removal_reason = models.CharField(max_length=300, blank=True, editable=False)

    objects = LiveManager()  # the default manager: the first declared
    with_removed: models.Manager[Any] = models.Manager()

    class Meta:
        abstract = True
