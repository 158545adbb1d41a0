"""Every save and deletion made in Django's admin site writes an audit event, like any other change.

The admin site writes its own LogEntry rows, but those sit outside the audit trail (and bulk deletions
skip model signals). At start-up `audit_every_admin` gives every registered ModelAdmin (ours and
third-party ones such as the authenticator devices) the AuditedAdmin behaviour, so a role or superuser
flag cannot change unrecorded. The event keeps ids and the names of the changed fields, never values.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from sendhub.core.audit import record_event


def _changed_fields(message: Any) -> list[str]:
    fields: list[str] = []
    for entry in message if isinstance(message, list) else []:
        for detail in entry.values() if isinstance(entry, dict) else []:
            if isinstance(detail, dict):
                fields += [str(f) for f in detail.get("fields", [])]
    return fields


class AuditedAdmin(admin.ModelAdmin):
    def log_addition(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        record_event(actor=request.user, action="admin.added", target=obj, request=request)
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        record_event(
            actor=request.user,
            action="admin.changed",
            target=obj,
            request=request,
            data={"fields": _changed_fields(message)},
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for obj in queryset:
            record_event(actor=request.user, action="admin.deleted", target=obj, request=request)
        return super().log_deletions(request, queryset)


def audit_every_admin(site: admin.AdminSite = admin.site) -> None:
    """Re-register each ModelAdmin that is not yet audited as a subclass that is (called from ready())."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, AuditedAdmin):
            continue
        audited = type(f"Audited{type(model_admin).__name__}", (AuditedAdmin, type(model_admin)), {})
        site.unregister(model)
        site.register(model, audited)
