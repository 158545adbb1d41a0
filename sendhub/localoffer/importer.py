"""Load validated ORUK services into the directory. Each record is loaded whole or not at all."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.localoffer.indexing import reindex_services
from sendhub.localoffer.models import (
    AccessibilityFeature,
    Area,
    Contact,
    CostKind,
    CostOption,
    Language,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    Taxonomy,
    TaxonomyKind,
    TaxonomyTerm,
)
from sendhub.localoffer.oruk import models as oruk
from sendhub.localoffer.oruk.feed import FeedResult, RecordProblem


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    problems: list[RecordProblem] = field(default_factory=list)


def _time(value: str | None, default: dt.time) -> dt.time:
    if not value:
        return default
    try:
        return dt.time.fromisoformat(value[:8])
    except ValueError:
        return default


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _term(term: oruk.TaxonomyTerm) -> TaxonomyTerm:
    name = term.taxonomy or "Imported terms"
    taxonomy = Taxonomy.objects.filter(pk=term.taxonomy_id).first() if term.taxonomy_id else None
    if taxonomy is None:
        taxonomy, _ = Taxonomy.objects.get_or_create(
            name=name[:100],
            defaults={
                "id": term.taxonomy_id or uuid.uuid4(),
                "kind": TaxonomyKind.LOCAL,
                "description": f"Terms imported from another directory ({name}).",
            },
        )
    obj, _ = TaxonomyTerm.objects.update_or_create(
        id=term.id,
        defaults={
            "taxonomy": taxonomy,
            "code": (term.term or str(term.id))[:60],
            "name": term.name[:120],
            "description": term.description,
        },
    )
    return obj


def _organisation(service: oruk.Service) -> Organisation:
    org = service.organization
    if org is None:
        org_id = service.organization_id or service.id
        found = Organisation.objects.filter(pk=org_id).first()
        return found or Organisation.objects.create(id=org_id, name="Unknown organisation", description="")
    obj, _ = Organisation.objects.update_or_create(
        id=org.id,
        defaults={
            "name": org.name[:200],
            "description": org.description,
            "email": org.email or "",
            "website": org.website or "",
        },
    )
    return obj


def _load_one(record: oruk.Service, today: dt.date) -> tuple[Service, bool]:
    org = _organisation(record)
    cost = CostKind.PAID if any((c.amount or 0) > 0 for c in record.cost_options or []) else CostKind.FREE
    existing = Service.objects.filter(pk=record.id).first()
    service = existing or Service(id=record.id, approved_version=0)
    values: dict[str, Any] = {
        "organisation": org,
        "name": record.name[:200],
        "description": record.description or "",
        "url": record.url or "",
        "email": record.email or "",
        "status": record.status,
        "cost_kind": cost,
        "fees": record.fees or "",
        "accreditations": record.accreditations or "",
        "alert": record.alert or "",
        "minimum_age": int(record.minimum_age) if record.minimum_age is not None else None,
        "maximum_age": int(record.maximum_age) if record.maximum_age is not None else None,
        "area": Area.BOROUGH,
        "last_reviewed": _date(record.assured_date) or today,
        "last_modified": timezone.now(),
    }
    for name, value in values.items():
        setattr(service, name, value)
    service.approved_version += 1
    service.full_clean()
    service.save()
    for related in (
        service.schedules,
        service.contacts,
        service.cost_options,
        service.languages,
        service.service_terms,
        service.service_at_locations,
    ):
        related.all().delete()
    for attr in record.attributes or []:
        if attr.taxonomy_term is not None:
            ServiceTerm.objects.create(id=attr.id, service=service, term=_term(attr.taxonomy_term))
    for s in record.schedules or []:
        schedule = Schedule(
            id=s.id,
            service=service,
            byday=(s.byday or "MO,TU,WE,TH,FR")[:20],
            opens_at=_time(s.opens_at, dt.time(9)),
            closes_at=_time(s.closes_at, dt.time(17)),
            valid_from=_date(s.valid_from),
            valid_to=_date(s.valid_to),
            description=(s.description or "")[:300],
        )
        schedule.full_clean(exclude=["service"])
        schedule.save()
    for c in record.contacts or []:
        phone = c.phones[0] if c.phones else None
        Contact.objects.create(
            id=c.id,
            service=service,
            name=(c.name or "")[:120],
            title=(c.title or "")[:120],
            email=c.email or "",
            phone=phone.number[:30] if phone else "",
        )
    for option in record.cost_options or []:
        amount = Decimal(str(option.amount)) if option.amount is not None else None
        CostOption.objects.create(
            id=option.id,
            service=service,
            option=(option.option or "Cost")[:200],
            amount=amount,
            amount_description=(option.amount_description or "")[:200],
        )
    for lang in record.languages or []:
        Language.objects.create(
            id=lang.id,
            service=service,
            name=(lang.name or lang.code or "Unknown")[:60],
            code=(lang.code or "")[:10],
        )
    for sal in record.service_at_locations or []:
        if sal.location is None:
            continue
        loc = sal.location
        address = loc.addresses[0] if loc.addresses else None
        location, _ = Location.objects.update_or_create(
            id=loc.id,
            defaults={
                "location_type": loc.location_type,
                "name": (loc.name or "Location")[:200],
                "description": loc.description or "",
                "latitude": loc.latitude,
                "longitude": loc.longitude,
                "address_1": address.address_1[:200] if address else "",
                "city": address.city[:100] if address else "",
                "postcode": address.postal_code[:10] if address else "",
            },
        )
        for a in loc.accessibility or []:
            AccessibilityFeature.objects.update_or_create(
                id=a.id,
                defaults={
                    "location": location,
                    "description": (a.description or "Accessibility")[:200],
                    "details": a.details or "",
                },
            )
        ServiceAtLocation.objects.create(id=sal.id, service=service, location=location)
    return service, existing is None


def import_feed(
    *, feed: FeedResult, today: dt.date, by: User | None = None, dry_run: bool = False
) -> ImportSummary:
    """Load every valid record; a record the database refuses is reported and rolled back on its own."""
    summary = ImportSummary(problems=list(feed.problems))
    loaded: list[Service] = []
    with transaction.atomic():
        for index, record in enumerate(feed.services):
            try:
                with transaction.atomic():
                    service, created = _load_one(record, today)
            except (ValidationError, IntegrityError) as e:
                reasons = [f"{k}: {'; '.join(v)}" for k, v in getattr(e, "message_dict", {}).items()] or [
                    str(e)
                ]
                summary.problems.append(RecordProblem(index, str(record.id), record.name[:80], reasons))
                continue
            loaded.append(service)
            summary.created += created
            summary.updated += not created
        reindex_services(
            Service.objects.filter(pk__in=[s.pk for s in loaded])
            .select_related("organisation")
            .prefetch_related("terms")
        )
        record_event(
            actor=by,
            action="localoffer.oruk.imported",
            data={"created": summary.created, "updated": summary.updated, "rejected": len(summary.problems)},
        )
        if dry_run:
            transaction.set_rollback(True)
    return summary
