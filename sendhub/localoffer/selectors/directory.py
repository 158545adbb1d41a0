"""Reads: directory search (used by the public pages and the ORUK API), moderation queue, reviews."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Avg, Exists, ExpressionWrapper, F, FloatField, OuterRef, Q, QuerySet
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from sendhub.accounts.models import User
from sendhub.core.params import MAX_SEARCH_TERMS, search_terms
from sendhub.localoffer import documents, geo, rules
from sendhub.localoffer.models import (
    Area,
    ContentPage,
    ContentPageChange,
    Location,
    ProblemReport,
    RevisionStatus,
    Schedule,
    SearchPosting,
    Service,
    ServiceAtLocation,
    ServiceDocument,
    ServiceRevision,
    ServiceStatus,
    ServiceTerm,
    Taxonomy,
    TaxonomyKind,
    TaxonomyTerm,
)
from sendhub.localoffer.oruk import search
from sendhub.localoffer.selectors import search_sql

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class ServiceFilters:
    """Every filter is ANDed with the others. Empty values mean 'no filter'."""

    text: str = ""
    term_ids: tuple[UUID, ...] = ()
    taxonomy_id: UUID | None = None
    minimum_age: int | None = None  # ORUK literal meaning: service minimum_age >= value
    maximum_age: int | None = None  # ORUK literal meaning: service maximum_age <= value
    age: int | None = None  # "suitable for a child of this age"
    cost: str = ""
    day: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    area: str = ""
    postcode: str = ""
    proximity: float | None = None
    public_only: bool = False


def outward_code(postcode: str) -> str:
    compact = re.sub(r"\s+", "", postcode.upper())
    return compact[:-3] if len(compact) > 4 else compact


def query_expansions(text: str) -> dict[str, dict[str, float]] | None:
    """query word -> {indexed term: match quality}; None when the text has no searchable words."""
    terms = search_terms(text)  # capped in length and number of words, as every search is
    query = search.Query(search.Query.parse(" ".join(terms)).words[:MAX_SEARCH_TERMS])
    if not query:
        return None
    return search.expand(query, search_sql.candidate_terms(list(query.words)))


def ranked_service_ids(text: str) -> list[UUID] | None:
    """Every service id matching every word of `text`, best first (pure Python ranking); None: no query."""
    expansions = query_expansions(text)
    if expansions is None:
        return None
    if not all(expansions.values()):
        return []
    terms = set().union(*(set(t) for t in expansions.values()))
    rows = SearchPosting.objects.filter(term__in=terms).values_list("service_id", "term", "weight")
    ranked = search.rank(expansions, ((str(s), t, w) for s, t, w in rows))
    return [UUID(doc_id) for doc_id, _ in ranked]


def _schedule_filter(filters: ServiceFilters) -> Q:
    q = Q(service=OuterRef("pk"))
    if filters.day:
        q &= Q(byday__contains=filters.day)
    if filters.start_time:
        q &= Q(closes_at__gt=filters.start_time)
    if filters.end_time:
        q &= Q(opens_at__lt=filters.end_time)
    return q


def postcode_centre(postcode: str) -> tuple[float, float] | None:
    """The centroid of our own places in the postcode's outward code (no geocoding data is shipped)."""
    places = Location.objects.filter(postcode__istartswith=outward_code(postcode), latitude__isnull=False)
    centre = places.aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
    return None if centre["lat"] is None else (centre["lat"], centre["lon"])


def distance_to(centre: tuple[float, float], prefix: str = "") -> Any:
    """geo.haversine_m from `centre` to a location's coordinates, in SQL: metres along the Earth's surface.

    Django provides these maths functions on SQLite too, so both databases give the same distances."""
    lat0, lon0 = math.radians(centre[0]), math.radians(centre[1])
    lat, lon = Radians(F(f"{prefix}latitude")), Radians(F(f"{prefix}longitude"))
    h = Power(Sin((lat - lat0) / 2), 2) + math.cos(lat0) * Cos(lat) * Power(Sin((lon - lon0) / 2), 2)
    return ExpressionWrapper(2 * geo.EARTH_RADIUS_M * ASin(Sqrt(h)), output_field=FloatField())


def places_near(centre: tuple[float, float], metres: float) -> QuerySet[ServiceAtLocation]:
    """Services' places within `metres` of `centre`, annotated with `metres` (a box the indexes can use
    first, then the exact distance)."""
    lat_range, lon_range = geo.box(centre, metres)
    return (
        ServiceAtLocation.objects.filter(
            location__latitude__range=lat_range, location__longitude__range=lon_range
        )
        .annotate(metres=distance_to(centre, "location__"))
        .filter(metres__lte=metres)
    )


def _postcode_filter(filters: ServiceFilters) -> Q:
    if filters.proximity:
        centre = postcode_centre(filters.postcode)
        if centre is None:
            return Q(pk__in=[])
        return Q(Exists(places_near(centre, filters.proximity).filter(service=OuterRef("pk"))))
    near = ServiceAtLocation.objects.filter(location__postcode__istartswith=outward_code(filters.postcode))
    return Q(Exists(near.filter(service=OuterRef("pk"))))


def service_at_locations(filters: ServiceFilters) -> QuerySet[ServiceAtLocation]:
    """The ORUK /service_at_locations list: A to Z by service, or nearest first with postcode + proximity."""
    services = filtered_services(filters)
    ranked = ranked_service_ids(filters.text)
    if ranked is not None:
        services = services.filter(pk__in=ranked)
    related = ("location", "service__organisation")
    if filters.postcode and filters.proximity:
        centre = postcode_centre(filters.postcode)
        if centre is None:
            return ServiceAtLocation.objects.none()
        near = places_near(centre, filters.proximity).filter(service__in=services).select_related(*related)
        return near.order_by("metres", "service__name", "pk")  # type: ignore[misc]  # annotated above
    qs = ServiceAtLocation.objects.filter(service__in=services).select_related(*related)
    if filters.postcode:
        qs = qs.filter(location__postcode__istartswith=outward_code(filters.postcode))
    return qs.order_by("service__name", "pk")


def filtered_services(filters: ServiceFilters) -> QuerySet[Service]:
    qs = Service.objects.all()
    if filters.public_only:
        qs = qs.exclude(status__in=[ServiceStatus.DEFUNCT, ServiceStatus.INACTIVE])
    for term_id in filters.term_ids:
        qs = qs.filter(Exists(ServiceTerm.objects.filter(service=OuterRef("pk"), term_id=term_id)))
    if filters.taxonomy_id:
        qs = qs.filter(
            Exists(ServiceTerm.objects.filter(service=OuterRef("pk"), term__taxonomy_id=filters.taxonomy_id))
        )
    if filters.minimum_age is not None:
        qs = qs.filter(minimum_age__gte=filters.minimum_age)
    if filters.maximum_age is not None:
        qs = qs.filter(maximum_age__lte=filters.maximum_age)
    if filters.age is not None:
        qs = qs.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age))
        qs = qs.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age))
    if filters.cost:
        qs = qs.filter(cost_kind=filters.cost)
    if filters.day or filters.start_time or filters.end_time:
        qs = qs.filter(Exists(Schedule.objects.filter(_schedule_filter(filters))))
    if filters.area:  # borough-wide and online services serve every area
        qs = qs.filter(area__in=[filters.area, Area.BOROUGH, Area.ONLINE])
    if filters.postcode:
        qs = qs.filter(_postcode_filter(filters))
    return qs


def search_service_ids(filters: ServiceFilters, *, offset: int, limit: int) -> tuple[int, list[UUID]]:
    """(total matching, ids of the services in [offset, offset+limit)), by relevance when there is text."""
    qs = filtered_services(filters)
    expansions = query_expansions(filters.text)
    if expansions is None:
        window = list(qs.order_by("name", "pk").values_list("pk", flat=True)[offset : offset + limit])
        short_first_page = offset == 0 and len(window) < limit
        return (len(window) if short_first_page else qs.count()), window
    if not all(expansions.values()):
        return 0, []
    restrict = qs.values("pk").query.sql_with_params() if _has_filters(filters) else None
    return search_sql.ranked_page(expansions, offset=offset, limit=limit, restrict=restrict)


def service_page_documents(filters: ServiceFilters, *, offset: int, limit: int) -> tuple[int, list[str]]:
    """(total matching, the stored ORUK summary JSON of one page of services), in search_service_ids order.

    One query for the page (and, without text, one count); a service whose document is missing (a
    database upgraded without `sendhub localoffer reindex`) is rendered on the fly, never written here."""
    expansions = query_expansions(filters.text)
    if expansions is None:
        qs = filtered_services(filters)
        window = qs.order_by("name", "pk").values_list("pk", "document__summary")[offset : offset + limit]
        rows: list[tuple[UUID, str | None]] = list(window)
        short_first_page = offset == 0 and len(rows) < limit
        total = len(rows) if short_first_page else qs.count()
    elif not all(expansions.values()):
        return 0, []
    else:
        restrict = (
            filtered_services(filters).values("pk").query.sql_with_params() if _has_filters(filters) else None
        )
        total, rows = search_sql.ranked_documents(expansions, offset=offset, limit=limit, restrict=restrict)
    missing = [pk for pk, doc in rows if doc is None]
    if missing:
        rendered = {
            s.pk: documents.render_summary(s)
            for s in Service.objects.select_related("organisation").filter(pk__in=missing)
        }
        rows = [(pk, doc if doc is not None else rendered.get(pk)) for pk, doc in rows]
    return total, [doc for _pk, doc in rows if doc is not None]


def search_services(filters: ServiceFilters, *, offset: int, limit: int) -> tuple[int, list[Service]]:
    """As search_service_ids, with the services loaded (and their organisation) in result order."""
    total, window = search_service_ids(filters, offset=offset, limit=limit)
    by_id = Service.objects.select_related("organisation").in_bulk(window)
    return total, [by_id[pk] for pk in window if pk in by_id]


def _has_filters(filters: ServiceFilters) -> bool:
    return any(
        [
            filters.term_ids,
            filters.taxonomy_id,
            filters.minimum_age is not None,
            filters.maximum_age is not None,
            filters.age is not None,
            filters.cost,
            filters.day,
            filters.start_time,
            filters.end_time,
            filters.area,
            filters.postcode,
            filters.public_only,
        ]
    )


def service_detail_queryset() -> QuerySet[Service]:
    return Service.objects.select_related("organisation").prefetch_related(
        "schedules",
        "contacts",
        "cost_options",
        "languages",
        "service_terms__term__taxonomy",
        "service_at_locations__location__accessibility",
    )


def moderation_queue() -> QuerySet[ServiceRevision]:
    return (
        ServiceRevision.objects.filter(status=RevisionStatus.PENDING)
        .select_related("service", "organisation", "submitted_by")
        .order_by("submitted_at")
    )


def services_due_review(today: dt.date) -> QuerySet[Service]:
    return (
        Service.objects.filter(last_reviewed__lte=rules.review_due_cutoff(today))
        .select_related("organisation")
        .order_by("last_reviewed", "name")
    )


def services_for_provider(user: User) -> QuerySet[Service]:
    return Service.objects.filter(organisation__members=user).select_related("organisation").order_by("name")


def all_services() -> QuerySet[Service]:
    """Every service, for finding one by id (a report of a problem, a shortlist entry)."""
    return Service.objects.all()


def categories() -> QuerySet[TaxonomyTerm]:
    """The directory's categories, for browsing from the Local Offer's front page."""
    return TaxonomyTerm.objects.filter(taxonomy__kind=TaxonomyKind.CATEGORY).order_by("name")


def content_pages() -> QuerySet[ContentPage]:
    return ContentPage.objects.all()


def content_changes_waiting() -> QuerySet[ContentPageChange]:
    """Edits to content pages not yet approved or rejected, oldest first, for the moderators' list."""
    return (
        ContentPageChange.objects.filter(status=RevisionStatus.PENDING)
        .select_related("page", "submitted_by")
        .order_by("submitted_at")
    )


def content_changes() -> QuerySet[ContentPageChange]:
    return ContentPageChange.objects.select_related("page", "submitted_by", "decided_by")


def revisions_to_moderate() -> QuerySet[ServiceRevision]:
    """Every change sent by a provider, with its service and organisation, for the moderator's page."""
    return ServiceRevision.objects.select_related("service", "organisation")


def problem_reports() -> QuerySet[ProblemReport]:
    return ProblemReport.objects.all()


def open_problem_reports() -> QuerySet[ProblemReport]:
    return ProblemReport.objects.select_related("service").filter(resolved_at__isnull=True)


def stored_service_json(pk: UUID) -> str | None:
    """The service's stored ORUK document (JSON text), or None before it is rendered."""
    return ServiceDocument.objects.filter(pk=pk).values_list("full", flat=True).first()


def places_of_services() -> QuerySet[ServiceAtLocation]:
    """Where services are delivered, each with its place, for the ORUK service_at_locations endpoint."""
    return ServiceAtLocation.objects.select_related("location")


def taxonomies() -> QuerySet[Taxonomy]:
    return Taxonomy.objects.all()


def taxonomy_terms() -> QuerySet[TaxonomyTerm]:
    """Every term with its taxonomy (unordered; the API orders them)."""
    return TaxonomyTerm.objects.select_related("taxonomy")
