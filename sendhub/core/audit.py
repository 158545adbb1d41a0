"""Explicit audit events, written by services inside their own transaction (never by signals)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser
from django.db import models

from sendhub.core.clientip import client_address
from sendhub.core.models import AuditEvent
from sendhub.core.requestcontext import current_request

if TYPE_CHECKING:
    from django.http import HttpRequest

    from sendhub.accounts.models import User


def record_event(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Append one event. `actor=None` means a scheduled job; `data` holds ids and codes, not names.

    Without `request`, the request in progress (if any) gives the client address and path.
    """
    if request is None:
        request = current_request()
    user = None if actor is None or isinstance(actor, AnonymousUser) or not actor.is_authenticated else actor
    return AuditEvent.objects.create(
        actor=user,
        actor_email=getattr(user, "email", "") if user else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
        ip_address=client_address(request),
        path=request.path[:300] if request is not None else "",
    )


def record_view(request: HttpRequest, target: models.Model) -> AuditEvent:
    """Opening a child's record is itself audited (who looked at whom)."""
    return record_event(
        actor=request.user, action=f"{target._meta.label_lower}.viewed", target=target, request=request
    )
