"""Staff corrections in the Django admin are published at once, like approved changes and imports.

After a save (inlines included) or a deletion, the search index and the stored ORUK documents of every
service the record belongs to are rebuilt in the admin's transaction, and the directory version moves.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, Q, QuerySet

from sendhub.localoffer import models
from sendhub.localoffer.documents import bump_version
from sendhub.localoffer.indexing import reindex_where


def affected_services(obj: Model) -> Q:
    """The services whose published JSON includes this record."""
    if isinstance(obj, models.Service):
        return Q(pk=obj.pk)
    if isinstance(obj, models.Location):
        return Q(service_at_locations__location=obj)
    if isinstance(obj, models.AccessibilityFeature):
        return Q(service_at_locations__location_id=obj.location_id)
    if isinstance(obj, models.Organisation):
        return Q(organisation=obj)
    if isinstance(obj, models.Taxonomy):
        return Q(terms__taxonomy=obj)
    if isinstance(obj, models.TaxonomyTerm):
        return Q(terms=obj)
    service_id = getattr(obj, "service_id", None)  # schedules, contacts, costs, languages, places, terms
    return Q(pk=service_id) if service_id is not None else Q(pk__in=[])


def _service_ids(condition: Q) -> list[Any]:
    return list(models.Service.objects.filter(condition).values_list("pk", flat=True).distinct())


class RefreshesDirectory(admin.ModelAdmin):
    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # inlines (schedules, places...) first
        reindex_where(affected_services(form.instance))

    def delete_model(self, request: Any, obj: Any) -> None:
        ids = _service_ids(affected_services(obj))
        super().delete_model(request, obj)
        reindex_where(Q(pk__in=ids))  # a deleted service's document went with it (CASCADE)
        bump_version()

    def delete_queryset(self, request: Any, queryset: QuerySet[Any]) -> None:
        ids = [pk for obj in queryset for pk in _service_ids(affected_services(obj))]
        super().delete_queryset(request, queryset)
        reindex_where(Q(pk__in=ids))
        bump_version()
