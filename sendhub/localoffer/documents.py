"""The ORUK API's precomputed JSON: one stored document per service and a directory version number.

The API is read far more often than the directory changes, so each service's ORUK JSON is rendered when
the service changes (in the writer's transaction, through `indexing.reindex_services`, which approving a
change, importing a feed and `sendhub localoffer reindex` all call) instead of on every request. The
directory version is bumped in the same transaction; the API uses it for its ETag and response cache.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from uuid import UUID

import orjson
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from sendhub.localoffer.models import DirectoryVersion, Service, ServiceDocument
from sendhub.localoffer.oruk import models as oruk
from sendhub.localoffer.presenters import oruk as present

VERSION_TABLE = DirectoryVersion._meta.db_table


def dumps(data: Any) -> str:
    return orjson.dumps(data).decode()


def render_summary(service: Service) -> str:
    """A /services list item: exactly what presenters.oruk.service_summary gives, as JSON."""
    return dumps(present.service_summary(service))


def render_full(service: Service) -> str:
    """/services/{id}: validated and dumped as django-ninja does for the response model."""
    model = oruk.Service.model_validate(present.service_full(service))
    return dumps(model.model_dump(mode="json", exclude_none=True))


def service_documents_queryset() -> Any:
    return Service.objects.select_related("organisation").prefetch_related(
        "schedules",
        "contacts",
        "cost_options",
        "languages",
        "service_terms__term__taxonomy",
        "service_at_locations__location__accessibility",
    )


def refresh_documents(service_ids: Iterable[UUID]) -> int:
    """Re-render these services' documents (dropping those of deleted services) and bump the version.

    Call inside the writer's transaction, after the change, so readers see the change and the new
    documents together."""
    ids = list(service_ids)
    now = timezone.now()
    docs = [
        ServiceDocument(service=s, summary=render_summary(s), full=render_full(s), refreshed_at=now)
        for s in service_documents_queryset().filter(pk__in=ids)
    ]
    ServiceDocument.objects.filter(service_id__in=ids).delete()
    ServiceDocument.objects.bulk_create(docs, batch_size=500)
    bump_version()
    return len(docs)


def bump_version() -> None:
    """Record that the published directory changed (deleting a service, editing a taxonomy...)."""
    now = timezone.now()
    if not DirectoryVersion.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now):
        DirectoryVersion.objects.get_or_create(pk=1, defaults={"number": 1, "changed_at": now})


def current_version() -> tuple[int, dt.datetime | None]:
    """(version number, when it changed); (0, None) before anything was published.

    Plain SQL: this runs on every API request, and the ORM's query building would cost more than the
    query itself."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed_at FROM {VERSION_TABLE} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    if row is None:
        return 0, None
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite hands back text
        changed_at = parse_datetime(changed_at)
    if changed_at is not None and timezone.is_naive(changed_at):
        changed_at = changed_at.replace(tzinfo=dt.UTC)
    return int(number), changed_at
