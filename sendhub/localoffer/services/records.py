"""Reading a service's sub-records into a revision snapshot and writing an approved snapshot back.

Split from services.py (which calls these inside its transactions) to keep modules short.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from sendhub.core.exceptions import SendHubError
from sendhub.localoffer.models import (
    Contact,
    CostOption,
    Language,
    Location,
    LocationType,
    Schedule,
    Service,
    ServiceAtLocation,
)
from sendhub.localoffer.records import KINDS, Item, item_from

MODELS: dict[str, type[models.Model]] = {
    "schedules": Schedule,
    "contacts": Contact,
    "costs": CostOption,
    "languages": Language,
}
ORDER = {
    "schedules": ("kind", "opens_at", "id"),
    "contacts": ("name", "title", "id"),
    "costs": ("option", "id"),
    "languages": ("name", "id"),
}


def snapshot_records(service: Service) -> dict[str, list[Item]]:
    """Every sub-record of the service as plain dicts, in a stable order (so equal services compare equal)."""
    data: dict[str, list[Item]] = {}
    for slug, model in MODELS.items():
        rows = model._default_manager.filter(service=service).order_by(*ORDER[slug])
        data[slug] = [item_from(vars(row), KINDS[slug], str(row.pk)) for row in rows]
    places = (
        ServiceAtLocation.objects.filter(service=service)
        .select_related("location")
        .order_by("location__name", "id")
    )
    data["places"] = [
        item_from(vars(p.location) | {"location_id": p.location_id}, KINDS["places"], str(p.pk))
        for p in places
    ]
    return data


def _value(field: Any, value: Any) -> Any:
    if value in (None, ""):
        return None if field.null else ""
    if isinstance(field, models.TimeField):
        return dt.time.fromisoformat(value)
    if isinstance(field, models.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, models.DecimalField):
        return Decimal(value)
    return value


def _save(obj: models.Model, *, new: bool) -> None:
    try:
        obj.full_clean()
    except ValidationError as e:
        raise SendHubError(f"This change cannot be published: {'; '.join(e.messages)}") from e
    obj.save(force_insert=new)


def _place_location(item: Item) -> Location:
    """An existing place, or the new place the provider described (created with the id they were given)."""
    location = Location.objects.filter(pk=item["location_id"]).first()
    if location is None:
        location = Location(
            id=item["location_id"],
            location_type=LocationType.PHYSICAL,
            name=item["name"],
            address_1=item["address_1"] or "",
            city=item["city"] or "",
            postcode=item["postcode"] or "",
        )
        _save(location, new=True)
    return location


def apply_records(service: Service, data: dict[str, Any]) -> None:
    """Make the service's sub-records match the snapshot: update by id, create new ones, delete the rest.

    A kind missing from `data` (revisions sent before sub-records were moderated) is left as it is.
    """
    for slug, model in MODELS.items():
        if slug not in data:
            continue
        existing = {str(o.pk): o for o in model._default_manager.filter(service=service)}
        for item in data[slug]:
            found = existing.pop(item["id"], None)
            if found is None:  # an id another service already uses (a copied snapshot) gets a fresh one
                taken = model._default_manager.filter(pk=item["id"]).exists()
            obj = found or model(pk=uuid.uuid4() if taken else item["id"], service=service)
            for name in KINDS[slug].fields:
                setattr(obj, name, _value(model._meta.get_field(name), item[name]))
            _save(obj, new=found is None)
        model._default_manager.filter(pk__in=list(existing)).delete()
    if "places" in data:
        links = {str(p.pk): p for p in ServiceAtLocation.objects.filter(service=service)}
        wanted = data["places"]
        ServiceAtLocation.objects.filter(pk__in=set(links) - {i["id"] for i in wanted}).delete()
        for item in wanted:
            link = links.get(item["id"])
            if link is None:
                taken = ServiceAtLocation.objects.filter(pk=item["id"]).exists()
                link = ServiceAtLocation(pk=uuid.uuid4() if taken else item["id"], service=service)
            link.location = _place_location(item)
            _save(link, new=item["id"] not in links)
