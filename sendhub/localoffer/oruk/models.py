"""Pydantic models of the ORUK 3.0 objects the nine read endpoints return.

Field names, types and required fields follow the shipped schemas in `localoffer/data/oruk/schemas/`
(uk-profile `schema/compiled/`). Optional fields are `None` by default and must be serialised with
`exclude_none=True`: the compliance page says optional fields without a value are left out, and the
schemas do not allow null. A few fields the UK profile lacks but HSDS 3.0 has (`phones`, language
`name`/`code`) are added; the schemas allow extra properties.
"""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

ServiceStatus = Literal["active", "inactive", "defunct", "temporarily closed"]
LocationType = Literal["physical", "postal", "virtual"]


class OrukModel(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class TaxonomyTerm(OrukModel):
    id: UUID
    name: str
    description: str
    parent_id: UUID | None = None
    taxonomy: str | None = None
    taxonomy_id: UUID | None = None
    term_uri: str | None = None
    term: str | None = None


class Taxonomy(OrukModel):
    id: UUID
    name: str
    description: str
    uri: str | None = None
    version: str | None = None
    taxonomy_terms: list[TaxonomyTerm] | None = None


class Attribute(OrukModel):
    id: UUID
    link_id: UUID | None = None
    taxonomy_term_id: UUID | None = None
    link_type: str | None = None
    taxonomy_term: TaxonomyTerm | None = None


class Phone(OrukModel):
    id: UUID
    number: str
    extension: str | None = None
    type: str | None = None
    description: str | None = None


class Contact(OrukModel):
    id: UUID
    service_id: UUID | None = None
    name: str | None = None
    title: str | None = None
    email: str | None = None
    phones: list[Phone] | None = None


class Schedule(OrukModel):
    id: UUID
    service_id: UUID | None = None
    service_at_location_id: UUID | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    dtstart: str | None = None
    freq: Literal["WEEKLY", "MONTHLY"] | None = None
    interval: int | float | None = None
    byday: str | None = None
    bymonthday: str | None = None
    description: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    schedule_link: str | None = None
    attending_type: str | None = None
    notes: str | None = None


class ServiceArea(OrukModel):
    id: UUID
    service_id: UUID | None = None
    name: str | None = None
    extent: str | None = None
    extent_type: str | None = None
    uri: str | None = None
    service_area: str | None = None


class Language(OrukModel):
    id: UUID
    service_id: UUID | None = None
    phone_id: UUID | None = None
    name: str | None = None
    code: str | None = None


class CostOption(OrukModel):
    id: UUID
    service_id: UUID | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    option: str | None = None
    amount: int | float | None = None
    amount_description: str | None = None


class Funding(OrukModel):
    id: UUID
    service_id: UUID | None = None
    source: str | None = None


class Address(OrukModel):
    id: UUID
    location_id: UUID | None = None
    attention: str | None = None
    address_1: str
    city: str
    region: str | None = None
    state_province: str
    postal_code: str
    country: str
    address_type: str


class Accessibility(OrukModel):
    id: UUID
    location_id: UUID | None = None
    description: str | None = None
    details: str | None = None
    url: str | None = None


class LocationSummary(OrukModel):
    """A location as it appears in list items (no nested arrays)."""

    id: UUID
    location_type: LocationType
    name: str | None = None
    description: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None


class Location(LocationSummary):
    addresses: list[Address] | None = None
    accessibility: list[Accessibility] | None = None
    attributes: list[Attribute] | None = None


class OrganizationIdentifier(OrukModel):
    id: UUID
    organization_id: UUID | None = None
    identifier_scheme: str | None = None
    identifier_type: str
    identifier: str


class OrganizationSummary(OrukModel):
    id: UUID
    name: str
    description: str
    email: str | None = None
    website: str | None = None
    logo: str | None = None
    uri: str | None = None
    parent_organization_id: UUID | None = None


class Organization(OrganizationSummary):
    organization_identifiers: list[OrganizationIdentifier] | None = None
    attributes: list[Attribute] | None = None


class ServiceFields(OrukModel):
    """The service's own fields, first in every service shape the spec defines (field order is kept)."""

    id: UUID
    organization_id: UUID | None = None
    name: str
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: ServiceStatus
    fees: str | None = None
    accreditations: str | None = None
    minimum_age: int | float | None = None
    maximum_age: int | float | None = None
    assured_date: str | None = None
    assurer_email: str | None = None
    alert: str | None = None
    last_modified: str | None = None


class ServiceSummary(ServiceFields):
    """service_list.json: one item of /services and the `service` of a service_at_location list item."""

    organization: OrganizationSummary | None = None


class NestedServiceAtLocation(OrukModel):
    id: UUID
    service_id: UUID | None = None
    location_id: UUID | None = None
    location: Location | None = None


class ServiceCore(ServiceFields):
    """The service fields shared by /services/{id} and the `service` inside /service_at_locations/{id}."""

    schedules: list[Schedule] | None = None
    service_areas: list[ServiceArea] | None = None
    languages: list[Language] | None = None
    organization: Organization | None = None
    funding: list[Funding] | None = None
    cost_options: list[CostOption] | None = None
    contacts: list[Contact] | None = None
    attributes: list[Attribute] | None = None


class Service(ServiceCore):
    """service.json: the fully nested /services/{id} response."""

    service_at_locations: list[NestedServiceAtLocation] | None = None


class ServiceAtLocationSummary(OrukModel):
    """service_at_location_list.json: one item of /service_at_locations."""

    id: UUID
    service_id: UUID | None = None
    location_id: UUID | None = None
    location: LocationSummary | None = None
    service: ServiceSummary | None = None


class ServiceAtLocation(OrukModel):
    """service_at_location.json: the /service_at_locations/{id} response."""

    id: UUID
    service_id: UUID | None = None
    location_id: UUID | None = None
    location: Location | None = None
    service: ServiceCore | None = None


class ApiDetails(OrukModel):
    version: str = "HSDS-UK-3.0"
    profile: str
    openapi_url: str


class Page(OrukModel):
    """The paged wrapper; every field is always sent (see page.json)."""

    total_items: int = Field(ge=0)
    total_pages: int = Field(ge=0)
    page_number: int = Field(ge=1)
    size: int = Field(ge=0)
    first_page: bool
    last_page: bool
    empty: bool


class ServicePage(Page):
    contents: list[ServiceSummary]


class ServiceAtLocationPage(Page):
    contents: list[ServiceAtLocationSummary]


class TaxonomyPage(Page):
    contents: list[Taxonomy]


class TaxonomyTermPage(Page):
    contents: list[TaxonomyTerm]
