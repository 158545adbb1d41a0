"""What SEND Hub holds about one person: the records that belong to them and the records linked to them.

Generic over the models, so a record type added later (a documents store, a new register) is exported and
erased with the child without changing this module: a record *belongs* to a child when it points at the
child, or at something that belongs to the child, with CASCADE or PROTECT (it cannot outlive them); it is
only *linked* when it points with SET_NULL (a family's message names the child but has its own life).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.db.models import Q

from sendhub.cases.models import Child, ParentCarer
from sendhub.core.models import AuditEvent
from sendhub.privacy.rules import RetentionPeriods, add_years, child_keep_until, contact_keep_until
from sendhub.voice.models import Contact

OWNING = (models.CASCADE, models.PROTECT)


@dataclass
class Holding:
    """Everything held about one person: `owned` records (root first), `linked` ones, and the audit."""

    root: models.Model
    owned: list[models.Model] = field(default_factory=list)
    linked: list[models.Model] = field(default_factory=list)

    def all_records(self) -> list[models.Model]:
        return [*self.owned, *self.linked]


def _referrers(obj: models.Model) -> Iterator[tuple[models.ForeignObjectRel, models.Model]]:
    for rel in obj._meta.related_objects:
        if not (rel.one_to_many or rel.one_to_one):
            continue
        manager = rel.related_model._base_manager
        for other in manager.filter(**{rel.field.name: obj.pk}).order_by("pk"):
            yield rel, other


def holding_for(root: models.Model) -> Holding:
    holding = Holding(root=root)
    seen: set[tuple[str, object]] = set()
    queue = [root]
    while queue:
        obj = queue.pop(0)
        key = (obj._meta.label_lower, obj.pk)
        if key in seen:
            continue
        seen.add(key)
        holding.owned.append(obj)
        for rel, other in _referrers(obj):
            if rel.on_delete in OWNING:
                queue.append(other)
            elif (other._meta.label_lower, other.pk) not in seen:
                seen.add((other._meta.label_lower, other.pk))
                holding.linked.append(other)
    return holding


def holding_for_parent(parent: ParentCarer) -> Holding:
    """The parent's own record, their account (without its password), and the messages they sent."""
    holding = holding_for(parent)
    if parent.user is not None:
        holding.linked.append(parent.user)
        holding.linked.extend(Contact.objects.filter(sender_account=parent.user).order_by("pk"))
    if parent.email:
        known = {c.pk for c in holding.linked if isinstance(c, Contact)}
        holding.linked.extend(
            c for c in Contact.objects.filter(email__iexact=parent.email).order_by("pk") if c.pk not in known
        )
    return holding


def audit_of(holding: Holding) -> list[AuditEvent]:
    """Every event about any of the records, and everything done by the person's own account."""
    ids: dict[str, set[str]] = {}
    for record in holding.all_records():
        ids.setdefault(record._meta.label_lower, set()).add(str(record.pk))
    about = Q(pk__in=[])
    for label, pks in ids.items():
        about |= Q(target_type=label, target_id__in=sorted(pks))
    user = getattr(holding.root, "user", None)
    if user is not None:
        about |= Q(actor=user)
    return list(AuditEvent.objects.filter(about).order_by("at", "id"))


@dataclass(frozen=True)
class DueForErasure:
    record_type: str
    record: models.Model
    keep_until: date


def had_ehc(child: Child) -> bool:
    return child.requests.exists() or child.plans.exists()


def due_for_erasure(today: date, periods: RetentionPeriods) -> list[DueForErasure]:
    """Records past their retention period today, oldest first. Erased children are gone, so none repeat."""
    due: list[DueForErasure] = []
    # No child can be due before the shortest period has passed since birth: an indexed cut first.
    shortest = min(periods.support_from_birth, periods.ehc_from_birth, periods.looked_after_from_birth)
    for child in Child.objects.filter(birth_date__lte=add_years(today, -shortest)).order_by(
        "birth_date", "pk"
    ):
        kind, until = child_keep_until(
            child.birth_date, had_ehc=had_ehc(child), looked_after=child.looked_after, periods=periods
        )
        if until <= today:
            due.append(DueForErasure(kind, child, until))
    closed_by = add_years(today, -periods.contact_after_close)
    for contact in Contact.objects.filter(closed_at__date__lte=closed_by).order_by("closed_at", "pk"):
        assert contact.closed_at is not None  # filtered above
        until = contact_keep_until(contact.closed_at.date(), periods=periods)
        if until <= today:
            due.append(DueForErasure("voice_contact", contact, until))
    return due
