"""Organisations, the taxonomies and the services themselves: the heart of the ORUK records."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Closed for good"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"


class CostKind(models.TextChoices):
    FREE = "free", "Free"
    PAID = "paid", "Costs money"
    SOME_FREE = "some_free", "Free for some families"


class Area(models.TextChoices):
    BOROUGH = "borough", "Whole borough"
    NORTH = "north", "North of the borough"
    CENTRAL = "central", "Central"
    SOUTH = "south", "South of the borough"
    OUT_OF_AREA = "out_of_area", "Outside the borough"
    ONLINE = "online", "Online or by phone"


class TaxonomyKind(models.TextChoices):
    CATEGORY = "category", "Kind of support"
    NEED = "need", "Special educational need or disability"
    LOCAL = "local", "Local terms"


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField()
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="organisations")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Taxonomy(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=100, unique=True)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=10, choices=TaxonomyKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"
        constraints = [
            models.CheckConstraint(name="taxonomy_kind_valid", condition=Q(kind__in=TaxonomyKind.values))
        ]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, models.PROTECT, related_name="terms")
    code = models.CharField(max_length=60)
    name = models.CharField(max_length=120)
    description = models.TextField()
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children")
    term_uri = models.URLField(blank=True)

    class Meta:
        ordering = ["taxonomy__name", "name"]
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="taxonomy_term_code_unique")]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    description = models.TextField()
    url = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    cost_kind = models.CharField(max_length=10, choices=CostKind.choices, default=CostKind.FREE)
    fees = models.TextField(blank=True, help_text="What it costs, in words")
    accreditations = models.TextField(blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    eligibility = models.TextField(blank=True, help_text="Who can use it")
    area = models.CharField(max_length=12, choices=Area.choices, default=Area.BOROUGH)
    alert = models.TextField(blank=True)
    # The Local Offer questions families ask (SEND Regulations 2014, Schedule 2).
    how_to_access = models.TextField(blank=True)
    referral_needed = models.BooleanField(default=False)
    how_decisions_are_made = models.TextField(blank=True)
    support_for_send = models.TextField(blank=True)
    how_to_give_feedback = models.TextField(blank=True)
    terms = models.ManyToManyField(TaxonomyTerm, through="ServiceTerm", related_name="services", blank=True)
    last_reviewed = models.DateField()
    review_reminder_sent = models.DateField(null=True, blank=True)
    last_modified = models.DateTimeField()
    approved_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(name="service_status_valid", condition=Q(status__in=ServiceStatus.values)),
            models.CheckConstraint(
                name="service_cost_kind_valid", condition=Q(cost_kind__in=CostKind.values)
            ),
            models.CheckConstraint(name="service_area_valid", condition=Q(area__in=Area.values)),
            models.CheckConstraint(
                name="service_age_range_in_order",
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=F("maximum_age")),
            ),
        ]
        indexes = [  # the 12-month review sweep: selectors.services_due_review()
            models.Index(fields=["last_reviewed"], name="service_review_due"),
            # the unsearched directory, A to Z: selectors.search_services() and /api/oruk/services
            models.Index(fields=["name", "id"], name="service_by_name"),
            # ORUK minimum_age / maximum_age filters: the page's count reads these indexes alone
            models.Index(fields=["minimum_age"], name="service_minimum_age"),
            models.Index(fields=["maximum_age"], name="service_maximum_age"),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceTerm(models.Model):
    """A service's taxonomy term: an ORUK `attribute` (its id is the attribute's id)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="service_terms")
    term = models.ForeignKey(TaxonomyTerm, models.PROTECT, related_name="service_terms")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "term"], name="service_term_unique")]

    def __str__(self) -> str:
        return f"{self.service_id} {self.term_id}"
