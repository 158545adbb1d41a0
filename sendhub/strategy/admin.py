"""Administrators set up the partnership in the Django admin: partner organisations, who belongs to each,
and the catalogue of partner measures. Values, the plan and the boards are changed through the app's own
pages and services (validated and audited), so they are read-only here."""

from django.contrib import admin

from sendhub.strategy import models


class MemberInline(admin.TabularInline):
    model = models.PartnerMember
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(models.PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    inlines = [MemberInline]


@admin.register(models.PartnerMeasure)
class PartnerMeasureAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "owner", "unit", "has_denominator"]
    list_filter = ["owner"]
    search_fields = ["name", "code"]
