"""Where, when and at what cost a service runs, who to contact and in which languages (ORUK records)."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import F, Q

from sendhub.localoffer import rules
from sendhub.localoffer.models.directory import Service


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place you can visit"
    POSTAL = "postal", "Postal address"
    VIRTUAL = "virtual", "Online"


class Location(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    address_1 = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="location_type_valid", condition=Q(location_type__in=LocationType.values)
            )
        ]

    def __str__(self) -> str:
        return self.name


class AccessibilityFeature(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(Location, models.CASCADE, related_name="accessibility")
    description = models.CharField(max_length=200)
    details = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.description


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, models.PROTECT, related_name="service_at_locations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="service_at_location_unique")
        ]

    def __str__(self) -> str:
        return f"{self.service_id} at {self.location_id}"


class ScheduleKind(models.TextChoices):
    REGULAR = "regular", "Term time and all year"
    HOLIDAY = "holiday", "School holidays"


class Schedule(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="schedules")
    kind = models.CharField(max_length=10, choices=ScheduleKind.choices, default=ScheduleKind.REGULAR)
    byday = models.CharField(max_length=20, help_text="RFC 5545 days, e.g. MO,WE,FR")
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(name="schedule_kind_valid", condition=Q(kind__in=ScheduleKind.values)),
            models.CheckConstraint(
                name="schedule_closes_after_opening", condition=Q(closes_at__gt=F("opens_at"))
            ),
            models.CheckConstraint(
                name="schedule_dates_in_order",
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        return self.description or self.byday

    @property
    def times_text(self) -> str:
        return rules.schedule_text(self.byday, self.opens_at, self.closes_at)


class Contact(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120, blank=True)
    title = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    phone_id = models.UUIDField(default=uuid.uuid4, editable=False)

    def __str__(self) -> str:
        return self.name or self.title or str(self.pk)


class CostOption(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="cost_not_negative", condition=Q(amount__isnull=True) | Q(amount__gte=0)
            )
        ]

    def __str__(self) -> str:
        return self.option


class Language(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="languages")
    name = models.CharField(max_length=60)
    code = models.CharField(max_length=10, blank=True)

    def __str__(self) -> str:
        return self.name
