from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from sendhub.core.models import AuditEvent


@dataclass(frozen=True)
class AuditFilter:
    actor_email: str = ""
    action: str = ""
    target_type: str = ""
    target_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


def audit_events(criteria: AuditFilter) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.all()
    if criteria.actor_email:
        events = events.filter(actor_email__icontains=criteria.actor_email)
    if criteria.action:
        events = events.filter(action__startswith=criteria.action)
    if criteria.target_type:
        events = events.filter(target_type=criteria.target_type)
    if criteria.target_id:
        events = events.filter(target_id=criteria.target_id)
    if criteria.date_from:
        events = events.filter(at__date__gte=criteria.date_from)
    if criteria.date_to:
        events = events.filter(at__date__lte=criteria.date_to)
    return events.order_by("-at", "-id")


def audit_csv_rows(criteria: AuditFilter) -> Iterator[list[str]]:
    """The audit trail as CSV rows (a header, then one row per event), read in chunks for a streamed download."""
    yield ["when", "who", "action", "record type", "record number", "details", "ip address", "path"]
    for e in audit_events(criteria).iterator(chunk_size=2000):
        yield [
            e.at.isoformat(),
            e.actor_email or "system",
            e.action,
            e.target_type,
            e.target_id,
            str(e.data),
            e.ip_address or "",
            e.path,
        ]
