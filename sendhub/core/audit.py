"""Explicit audit events, written by services inside their own transaction (never by signals)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser
from django.db import models

from sendhub.core.clientip import client_address
from sendhub.core.models import AuditEvent
from sendhub.core.requestcontext import current_request

if TYPE_CHECKING:
    from django.http import HttpRequest

    from sendhub.accounts.models import User

# The events recorded inside `events_together`, written in one insert when it ends.
_together: ContextVar[list[AuditEvent] | None] = ContextVar("audit_events_together", default=None)


@contextmanager
def events_together() -> Iterator[None]:
    """Write the events recorded inside in one insert at the end (none if it ends with an error).

    For jobs that make many records at once (a batch of letters): use it inside the transaction that
    makes the records, `with transaction.atomic(), events_together():`, so they are kept together.
    """
    events: list[AuditEvent] = []
    token = _together.set(events)
    try:
        yield
    finally:
        _together.reset(token)
    AuditEvent.objects.bulk_create(events)


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
    event = AuditEvent(
        actor=user,
        actor_email=getattr(user, "email", "") if user else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
        ip_address=client_address(request),
        path=request.path[:300] if request is not None else "",
    )
    together = _together.get()
    if together is not None:
        together.append(event)
    else:
        event.save()
    return event


def record_view(request: HttpRequest, target: models.Model) -> AuditEvent:
    """Opening a child's record is itself audited (who looked at whom)."""
    return record_event(
        actor=request.user, action=f"{target._meta.label_lower}.viewed", target=target, request=request
    )
