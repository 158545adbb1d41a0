"""Turn directory records into ORUK 3.0 dictionaries (None values are dropped by the API)."""

from __future__ import annotations

from typing import Any

from sendhub.localoffer.models import (
    Location,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    Taxonomy,
    TaxonomyTerm,
)


def _blank_none(value: str) -> str | None:
    return value or None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Leave optional fields out rather than sending null (the ORUK compliance rule)."""
    return {k: v for k, v in data.items() if v is not None}


def term_dict(term: TaxonomyTerm) -> dict[str, Any]:
    return _compact(
        {
            "id": term.pk,
            "name": term.name,
            "description": term.description,
            "parent_id": term.parent_id,
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": term.taxonomy_id,
            "term_uri": _blank_none(term.term_uri),
            "term": term.code,
        }
    )


def taxonomy_dict(taxonomy: Taxonomy, terms: list[TaxonomyTerm] | None = None) -> dict[str, Any]:
    return _compact(
        {
            "id": taxonomy.pk,
            "name": taxonomy.name,
            "description": taxonomy.description,
            "uri": _blank_none(taxonomy.uri),
            "version": _blank_none(taxonomy.version),
            "taxonomy_terms": [term_dict(t) for t in terms] if terms is not None else None,
        }
    )


def organisation_dict(org: Organisation) -> dict[str, Any]:
    return _compact(
        {
            "id": org.pk,
            "name": org.name,
            "description": org.description,
            "email": _blank_none(org.email),
            "website": _blank_none(org.website),
        }
    )


def service_summary(service: Service) -> dict[str, Any]:
    return _compact(
        {
            "id": service.pk,
            "organization_id": service.organisation_id,
            "name": service.name,
            "description": service.description,
            "url": _blank_none(service.url),
            "email": _blank_none(service.email),
            "status": service.status,
            "fees": _blank_none(service.fees),
            "accreditations": _blank_none(service.accreditations),
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.last_reviewed.isoformat(),
            "alert": _blank_none(service.alert),
            "last_modified": service.last_modified.isoformat().replace("+00:00", "Z"),
            "organization": organisation_dict(service.organisation),
        }
    )


def location_summary(location: Location) -> dict[str, Any]:
    return _compact(
        {
            "id": location.pk,
            "location_type": location.location_type,
            "name": location.name,
            "description": _blank_none(location.description),
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    )


def location_dict(location: Location) -> dict[str, Any]:
    data = location_summary(location)
    if location.address_1:
        data["addresses"] = [
            {
                "id": location.pk,
                "location_id": location.pk,
                "address_1": location.address_1,
                "city": location.city,
                "state_province": location.city,
                "postal_code": location.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ]
    data["accessibility"] = [
        {
            "id": a.pk,
            "location_id": location.pk,
            "description": a.description,
            "details": _blank_none(a.details),
        }
        for a in location.accessibility.all()
    ]
    return data


def attribute_dict(link: ServiceTerm) -> dict[str, Any]:
    return {
        "id": link.pk,
        "link_id": link.service_id,
        "link_type": "service",
        "taxonomy_term_id": link.term_id,
        "taxonomy_term": term_dict(link.term),
    }


def service_core(service: Service) -> dict[str, Any]:
    """Everything but service_at_locations (prefetch with selectors.service_detail_queryset)."""
    data = service_summary(service)
    data["schedules"] = [
        {
            "id": s.pk,
            "service_id": service.pk,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": s.byday,
            "opens_at": s.opens_at.strftime("%H:%M:%S"),
            "closes_at": s.closes_at.strftime("%H:%M:%S"),
            "valid_from": s.valid_from.isoformat() if s.valid_from else None,
            "valid_to": s.valid_to.isoformat() if s.valid_to else None,
            "description": _blank_none(s.description),
            "notes": "School holidays only" if s.kind == "holiday" else None,
        }
        for s in service.schedules.all()
    ]
    data["service_areas"] = [{"id": service.pk, "service_id": service.pk, "name": service.get_area_display()}]
    data["languages"] = [
        {"id": lang.pk, "service_id": service.pk, "name": lang.name, "code": _blank_none(lang.code)}
        for lang in service.languages.all()
    ]
    data["cost_options"] = [
        {
            "id": c.pk,
            "service_id": service.pk,
            "option": c.option,
            "amount": float(c.amount) if c.amount is not None else None,
            "amount_description": _blank_none(c.amount_description),
        }
        for c in service.cost_options.all()
    ]
    data["contacts"] = [
        {
            "id": c.pk,
            "service_id": service.pk,
            "name": _blank_none(c.name),
            "title": _blank_none(c.title),
            "email": _blank_none(c.email),
            "phones": [{"id": c.phone_id, "number": c.phone}] if c.phone else None,
        }
        for c in service.contacts.all()
    ]
    data["attributes"] = [attribute_dict(link) for link in service.service_terms.all()]
    return data


def service_full(service: Service) -> dict[str, Any]:
    data = service_core(service)
    data["service_at_locations"] = [
        {
            "id": sal.pk,
            "service_id": service.pk,
            "location_id": sal.location_id,
            "location": location_dict(sal.location),
        }
        for sal in service.service_at_locations.all()
    ]
    return data


def service_at_location_summary(sal: ServiceAtLocation) -> dict[str, Any]:
    return _compact(
        {
            "id": sal.pk,
            "service_id": sal.service_id,
            "location_id": sal.location_id,
            "location": location_summary(sal.location),
            "service": service_summary(sal.service),
        }
    )


def service_at_location_full(sal: ServiceAtLocation) -> dict[str, Any]:
    return {
        "id": sal.pk,
        "service_id": sal.service_id,
        "location_id": sal.location_id,
        "location": location_dict(sal.location),
        "service": service_core(sal.service),
    }
