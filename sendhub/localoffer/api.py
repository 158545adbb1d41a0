"""The Open Referral UK (HSDS-UK-3.0) read API: the nine endpoints under /api/oruk/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from pydantic import WithJsonSchema

from sendhub.core.api import NOT_FOUND, REFUSED, make_api
from sendhub.core.exceptions import SendHubError
from sendhub.localoffer import documents, response_cache, selectors
from sendhub.localoffer.oruk import models as oruk
from sendhub.localoffer.oruk.paging import PageWindow, clamp_paging
from sendhub.localoffer.presenters import oruk as present

ORUK_VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://openreferraluk.org/specifications/3.0/"
SPEC_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"

api = make_api(
    title="Local Offer: Open Referral UK API",
    version="3.0",
    description="The Local Offer directory as an Open Referral UK (HSDS-UK-3.0) feed. "
    "Data: Human Services Data Specification UK, an Open Referral UK resource (CC BY-SA 4.0).",
    urls_namespace="localoffer:oruk",
    docs_url=None,  # Swagger UI needs a CDN our CSP forbids; the OpenAPI JSON is the contract
)


# What the description promises for `day`, `start_time` and `end_time`. The code also takes lower case and
# whole day names ("saturday") and times like 9:30, but documents only the canonical forms.
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
Day = Annotated[
    str | None,
    WithJsonSchema(
        {"type": "string", "enum": list(selectors.DAYS), "description": "Open on this day (MO to SU)"}
    ),
]
Time = Annotated[
    str | None,
    WithJsonSchema({"type": "string", "pattern": TIME_PATTERN, "description": "A time like 09:30"}),
]


def _time(value: str | None, name: str) -> dt.time | None:
    value = (value or "").strip()
    if not value:
        return None
    for fmt in ("%H:%M", "%H:%M:%S"):
        try:
            return dt.datetime.strptime(value, fmt).time()
        except ValueError:
            continue
    raise SendHubError(f"{name} must be a time like 09:30")


def _day(value: str | None) -> str:
    if not value:
        return ""
    day = value.strip().upper()[:2]
    if day not in selectors.DAYS:
        raise SendHubError("day must be one of MO, TU, WE, TH, FR, SA, SU")
    return day


def _page(window: PageWindow, contents: list[dict[str, Any]]) -> HttpResponse:
    """Serialise presenter output directly (no second validation pass). The tests and the conformance
    checker validate these bodies against the ORUK schemas."""
    body = {**window.wrapper(len(contents)), "contents": contents}  # presenters already left out None
    return HttpResponse(documents.dumps(body), content_type="application/json")


def _page_of_documents(window: PageWindow, contents: list[str]) -> HttpResponse:
    """A paged wrapper around stored JSON documents, joined as text: the hot path does no serialising."""
    head = documents.dumps(window.wrapper(len(contents)))[:-1]
    return HttpResponse(f'{head},"contents":[{",".join(contents)}]}}', content_type="application/json")


def _with_trailing_slash(path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The legacy ORUK validator asks for '/services/?page=N': serve both forms, document one."""

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        api.get(path + "/", include_in_schema=False, exclude_none=True, url_name=path.strip("/") + "_slash")(
            view
        )
        return view

    return register


@api.get("/", response=oruk.ApiDetails, url_name="root", summary="About this API")
def api_details(request: HttpRequest) -> dict[str, str]:
    return {"version": ORUK_VERSION, "profile": PROFILE_URL, "openapi_url": SPEC_URL}


@_with_trailing_slash("/services")
@api.get("/services", response={200: oruk.ServicePage, **REFUSED}, exclude_none=True, url_name="services")
def list_services(
    request: HttpRequest,
    search: str = "",
    page: int | None = None,
    per_page: int | None = None,
    taxonomy_term_id: UUID | None = None,
    taxonomy_id: UUID | None = None,
    minimum_age: int | None = None,
    maximum_age: int | None = None,
    start_time: Time = None,
    end_time: Time = None,
    day: Day = None,
    age: int | None = None,
) -> HttpResponse:
    filters = selectors.ServiceFilters(
        text=search,
        term_ids=(taxonomy_term_id,) if taxonomy_term_id else (),
        taxonomy_id=taxonomy_id,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        age=age,
        day=_day(day),
        start_time=_time(start_time, "start_time"),
        end_time=_time(end_time, "end_time"),
    )
    page_no, size = clamp_paging(page, per_page)
    total, docs = selectors.service_page_documents(filters, offset=(page_no - 1) * size, limit=size)
    return _page_of_documents(PageWindow(page_no, size, total), docs)


@api.get(
    "/services/{id}",
    response={200: oruk.Service, **REFUSED, **NOT_FOUND},
    exclude_none=True,
    url_name="service",
)
def get_service(request: HttpRequest, id: UUID) -> HttpResponse:
    stored = selectors.stored_service_json(id)
    if stored is None:  # not rendered yet (an upgraded database before `sendhub localoffer reindex`)
        stored = documents.render_full(get_object_or_404(selectors.service_detail_queryset(), pk=id))
    return HttpResponse(stored, content_type="application/json")


@_with_trailing_slash("/service_at_locations")
@api.get(
    "/service_at_locations",
    response={200: oruk.ServiceAtLocationPage, **REFUSED},
    exclude_none=True,
    url_name="service_at_locations",
)
def list_service_at_locations(
    request: HttpRequest,
    search: str = "",
    page: int | None = None,
    per_page: int | None = None,
    taxonomy_term_id: UUID | None = None,
    taxonomy_id: UUID | None = None,
    minimum_age: int | None = None,
    maximum_age: int | None = None,
    start_time: Time = None,
    end_time: Time = None,
    day: Day = None,
    postcode: str | None = None,
    proximity: float | None = None,
) -> HttpResponse:
    filters = selectors.ServiceFilters(
        text=search,
        term_ids=(taxonomy_term_id,) if taxonomy_term_id else (),
        taxonomy_id=taxonomy_id,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        day=_day(day),
        start_time=_time(start_time, "start_time"),
        end_time=_time(end_time, "end_time"),
        postcode=postcode or "",
        proximity=proximity,
    )
    page_no, size = clamp_paging(page, per_page)
    qs = selectors.service_at_locations(filters)
    window = PageWindow(page_no, size, qs.count())
    rows = qs[window.offset : window.offset + size]
    return _page(window, [present.service_at_location_summary(sal) for sal in rows])


@api.get(
    "/service_at_locations/{id}",
    response={200: oruk.ServiceAtLocation, **REFUSED, **NOT_FOUND},
    exclude_none=True,
    url_name="service_at_location",
)
def get_service_at_location(request: HttpRequest, id: UUID) -> dict[str, Any]:
    sal = get_object_or_404(selectors.places_of_services(), pk=id)
    sal.service = get_object_or_404(selectors.service_detail_queryset(), pk=sal.service_id)
    return present.service_at_location_full(sal)


@_with_trailing_slash("/taxonomies")
@api.get(
    "/taxonomies", response={200: oruk.TaxonomyPage, **REFUSED}, exclude_none=True, url_name="taxonomies"
)
def list_taxonomies(
    request: HttpRequest, page: int | None = None, per_page: int | None = None
) -> HttpResponse:
    page_no, size = clamp_paging(page, per_page)
    window = PageWindow(page_no, size, selectors.taxonomies().count())
    rows = selectors.taxonomies().order_by("name")[window.offset : window.offset + size]
    return _page(window, [present.taxonomy_dict(t) for t in rows])


@api.get(
    "/taxonomies/{id}",
    response={200: oruk.Taxonomy, **REFUSED, **NOT_FOUND},
    exclude_none=True,
    url_name="taxonomy",
)
def get_taxonomy(request: HttpRequest, id: UUID) -> dict[str, Any]:
    taxonomy = get_object_or_404(selectors.taxonomies(), pk=id)
    return present.taxonomy_dict(taxonomy, list(taxonomy.terms.select_related("taxonomy").order_by("name")))


@_with_trailing_slash("/taxonomy_terms")
@api.get(
    "/taxonomy_terms",
    response={200: oruk.TaxonomyTermPage, **REFUSED},
    exclude_none=True,
    url_name="taxonomy_terms",
)
def list_taxonomy_terms(
    request: HttpRequest, page: int | None = None, per_page: int | None = None
) -> HttpResponse:
    page_no, size = clamp_paging(page, per_page)
    window = PageWindow(page_no, size, selectors.taxonomy_terms().count())
    rows = selectors.taxonomy_terms().order_by("taxonomy__name", "name", "pk")
    return _page(window, [present.term_dict(t) for t in rows[window.offset : window.offset + size]])


@api.get(
    "/taxonomy_terms/{id}",
    response={200: oruk.TaxonomyTerm, **REFUSED, **NOT_FOUND},
    exclude_none=True,
    url_name="taxonomy_term",
)
def get_taxonomy_term(request: HttpRequest, id: UUID) -> dict[str, Any]:
    return present.term_dict(get_object_or_404(selectors.taxonomy_terms(), pk=id))


def open_cors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """What urls.py wraps every API route in: CORS open to all, ETag and caching (see response_cache)."""
    return response_cache.public_read(view)
