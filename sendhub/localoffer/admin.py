"""Staff can correct any directory record in the Django admin (schedules, places, contacts, costs...)."""

from django.contrib import admin
from django.db.models import URLField

from sendhub.localoffer import models
from sendhub.localoffer.admin_refresh import RefreshesDirectory


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


@admin.register(models.Service)
class ServiceAdmin(DirectoryAdmin):
    list_display = ["name", "organisation", "status", "last_reviewed", "approved_version"]
    list_filter = ["status", "cost_kind", "area"]
    search_fields = ["name", "organisation__name"]
    inlines = [ScheduleInline, ContactInline, CostOptionInline, LanguageInline, ServiceAtLocationInline]


class AccessibilityInline(admin.TabularInline):
    model = models.AccessibilityFeature
    extra = 0


@admin.register(models.Location)
class LocationAdmin(DirectoryAdmin):
    list_display = ["name", "postcode", "location_type"]
    search_fields = ["name", "postcode"]
    inlines = [AccessibilityInline]


@admin.register(models.Organisation)
class OrganisationAdmin(DirectoryAdmin):
    list_display = ["name", "email"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


admin.site.register(models.Taxonomy, DirectoryAdmin)
admin.site.register(models.TaxonomyTerm, DirectoryAdmin)
admin.site.register(models.ProblemReport)
