from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit trail is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit trail is append-only")


class AuditEvent(models.Model):
    """Who did what to which record, when and from where. Rows are never changed or deleted."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    actor_email = models.CharField(max_length=254, blank=True)  # kept readable if the account is renamed
    action = models.CharField(max_length=80)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            # The audit search page filters by record and by person.
            models.Index(fields=["target_type", "target_id", "at"], name="audit_by_target"),
            models.Index(fields=["actor", "at"], name="audit_by_actor"),
            models.Index(fields=["action", "at"], name="audit_by_action"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_email or 'system'} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit trail is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit trail is append-only")


class RateLimitCounter(models.Model):
    """How often one client did one limited thing in one time window (core.ratelimit).

    A row in the database, so every gunicorn worker (and every server) counts against the same limit.
    `key` is a keyed hash of the action and the client's address: it identifies nobody."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_one_counter_per_window")
        ]
        indexes = [models.Index(fields=["window_start"], name="ratelimit_by_window")]

    def __str__(self) -> str:
        return f"{self.key[:8]} {self.window_start:%Y-%m-%d %H:%M} {self.hits}"
