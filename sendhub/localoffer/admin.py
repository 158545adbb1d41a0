"""Staff can correct any directory record in the Django admin (schedules, places, contacts, costs...)."""

from typing import Any

from django.contrib import admin
from django.db.models import Q, URLField

from sendhub.localoffer import models
from sendhub.localoffer.documents import bump_version
from sendhub.localoffer.indexing import reindex_where


class RefreshesDirectory(admin.ModelAdmin):
    """A staff correction is published at once: the search index and the API documents of the services
    it touches are rebuilt in the admin's transaction, and deleting bumps the directory version."""

    def affected(self, obj: Any) -> Q:
        raise NotImplementedError

    def formfield_for_dbfield(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        if isinstance(db_field, URLField):  # Django 6's default, and no deprecation warning meanwhile
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # inlines (schedules, places...) first
        reindex_where(self.affected(form.instance))

    def delete_model(self, request: Any, obj: Any) -> None:
        super().delete_model(request, obj)
        bump_version()

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        super().delete_queryset(request, queryset)
        bump_version()


class ScheduleInline(admin.TabularInline):
    model = models.Schedule
    extra = 0


class ContactInline(admin.TabularInline):
    model = models.Contact
    extra = 0


class CostOptionInline(admin.TabularInline):
    model = models.CostOption
    extra = 0


class LanguageInline(admin.TabularInline):
    model = models.Language
    extra = 0


class ServiceAtLocationInline(admin.TabularInline):
    model = models.ServiceAtLocation
    extra = 0


@admin.register(models.Service)
class ServiceAdmin(RefreshesDirectory):
    list_display = ["name", "organisation", "status", "last_reviewed", "approved_version"]
    list_filter = ["status", "cost_kind", "area"]
    search_fields = ["name", "organisation__name"]
    inlines = [ScheduleInline, ContactInline, CostOptionInline, LanguageInline, ServiceAtLocationInline]

    def affected(self, obj: Any) -> Q:
        return Q(pk=obj.pk)


class AccessibilityInline(admin.TabularInline):
    model = models.AccessibilityFeature
    extra = 0


@admin.register(models.Location)
class LocationAdmin(RefreshesDirectory):
    list_display = ["name", "postcode", "location_type"]
    search_fields = ["name", "postcode"]
    inlines = [AccessibilityInline]

    def affected(self, obj: Any) -> Q:
        return Q(service_at_locations__location=obj)


@admin.register(models.Organisation)
class OrganisationAdmin(RefreshesDirectory):
    list_display = ["name", "email"]
    search_fields = ["name"]
    filter_horizontal = ["members"]

    def affected(self, obj: Any) -> Q:
        return Q(organisation=obj)


@admin.register(models.Taxonomy)
class TaxonomyAdmin(RefreshesDirectory):
    def affected(self, obj: Any) -> Q:
        return Q(terms__taxonomy=obj)


@admin.register(models.TaxonomyTerm)
class TaxonomyTermAdmin(RefreshesDirectory):
    def affected(self, obj: Any) -> Q:
        return Q(terms=obj)


admin.site.register(models.ProblemReport)
