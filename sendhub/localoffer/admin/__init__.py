"""Staff can correct any directory record in the Django admin (the fallback when the provider pages and
moderation cannot help, e.g. a place's address shared by several services). Admin edits are not moderated;
they are published at once (admin.refresh re-indexes the services they touch)."""

from typing import Any

from django.contrib import admin
from django.db.models import URLField
from django.http import HttpRequest

from sendhub.localoffer import models
from sendhub.localoffer.admin.refresh import RefreshesDirectory


class DirectoryAdmin(RefreshesDirectory):
    # Django 6 makes https the default scheme; say so now (and silence the deprecation warning).
    formfield_overrides = {URLField: {"assume_scheme": "https"}}


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
    autocomplete_fields = ["location"]


class ServiceTermInline(admin.TabularInline):
    model = models.ServiceTerm
    extra = 0
    autocomplete_fields = ["term"]


@admin.register(models.Service)
class ServiceAdmin(DirectoryAdmin):
    list_display = [
        "name",
        "organisation",
        "status",
        "cost_kind",
        "area",
        "last_reviewed",
        "review_reminder_sent",
        "approved_version",
    ]
    list_filter = ["status", "cost_kind", "area"]
    list_select_related = ["organisation"]
    search_fields = ["name", "organisation__name"]
    date_hierarchy = "last_reviewed"
    autocomplete_fields = ["organisation"]
    readonly_fields = ["approved_version", "last_modified"]
    inlines = [
        ServiceTermInline,
        ScheduleInline,
        ContactInline,
        CostOptionInline,
        LanguageInline,
        ServiceAtLocationInline,
    ]


class AccessibilityInline(admin.TabularInline):
    model = models.AccessibilityFeature
    extra = 0


@admin.register(models.Location)
class LocationAdmin(DirectoryAdmin):
    list_display = ["name", "address_1", "postcode", "location_type"]
    list_filter = ["location_type"]
    search_fields = ["name", "postcode", "address_1"]
    inlines = [AccessibilityInline]


@admin.register(models.Organisation)
class OrganisationAdmin(DirectoryAdmin):
    list_display = ["name", "email", "website", "charity_number"]
    search_fields = ["name", "email"]
    filter_horizontal = ["members"]


class TaxonomyTermInline(admin.TabularInline):
    model = models.TaxonomyTerm
    extra = 0
    fields = ["code", "name", "description", "parent"]
    fk_name = "taxonomy"


@admin.register(models.Taxonomy)
class TaxonomyAdmin(DirectoryAdmin):
    list_display = ["name", "kind", "version"]
    list_filter = ["kind"]
    inlines = [TaxonomyTermInline]


@admin.register(models.TaxonomyTerm)
class TaxonomyTermAdmin(DirectoryAdmin):
    list_display = ["name", "code", "taxonomy", "parent"]
    list_filter = ["taxonomy"]
    list_select_related = ["taxonomy", "parent"]
    search_fields = ["name", "code"]


@admin.register(models.Schedule)
class ScheduleAdmin(DirectoryAdmin):
    list_display = ["service", "kind", "byday", "opens_at", "closes_at", "valid_from", "valid_to"]
    list_filter = ["kind"]
    list_select_related = ["service"]
    search_fields = ["service__name", "description"]
    autocomplete_fields = ["service"]


@admin.register(models.Contact)
class ContactAdmin(DirectoryAdmin):
    list_display = ["service", "name", "title", "phone", "email"]
    list_select_related = ["service"]
    search_fields = ["service__name", "name", "title", "email", "phone"]
    autocomplete_fields = ["service"]


@admin.register(models.CostOption)
class CostOptionAdmin(DirectoryAdmin):
    list_display = ["service", "option", "amount", "amount_description"]
    list_select_related = ["service"]
    search_fields = ["service__name", "option"]
    autocomplete_fields = ["service"]


@admin.register(models.Language)
class LanguageAdmin(DirectoryAdmin):
    list_display = ["service", "name", "code"]
    list_filter = ["code"]
    list_select_related = ["service"]
    search_fields = ["service__name", "name"]
    autocomplete_fields = ["service"]


@admin.register(models.ServiceAtLocation)
class ServiceAtLocationAdmin(DirectoryAdmin):
    list_display = ["service", "location"]
    list_select_related = ["service", "location"]
    search_fields = ["service__name", "location__name", "location__postcode"]
    autocomplete_fields = ["service", "location"]


@admin.register(models.ServiceRevision)
class ServiceRevisionAdmin(admin.ModelAdmin):
    """Read-only: revisions are decided on the moderation pages, and approved ones are the history."""

    list_display = ["__str__", "service", "organisation", "status", "number", "submitted_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["service", "organisation"]
    search_fields = ["service__name", "organisation__name"]
    date_hierarchy = "submitted_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = ["service", "reported_at", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    list_select_related = ["service"]
    search_fields = ["service__name", "what_is_wrong"]
    autocomplete_fields = ["service"]


class ContentPageVersionInline(admin.TabularInline):
    model = models.ContentPageVersion
    extra = 0
    fields = readonly_fields = ("number", "title", "edited_by", "edited_at")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ContentPageChangeInline(admin.TabularInline):
    """Changes waiting for (or given) a moderator's decision: decided on the Local Offer pages screen."""

    model = models.ContentPageChange
    extra = 0
    fields = readonly_fields = ("status", "title", "submitted_by", "submitted_at", "decided_by", "decided_at")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.ContentPage)
class ContentPageAdmin(admin.ModelAdmin):
    """Edit pages on the Local Offer pages screen (it keeps versions); here they can only be looked at."""

    list_display = ["title", "slug", "version", "updated_at"]
    readonly_fields = ["slug", "title", "summary", "body", "version", "updated_at"]
    inlines = [ContentPageVersionInline, ContentPageChangeInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
