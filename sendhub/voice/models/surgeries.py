"""SEN surgeries: drop-in sessions with bookable slots that families book and cancel online."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from sendhub.lib.dates import long_date


class SurgerySession(models.Model):
    title = models.CharField(max_length=200)
    venue = models.CharField(max_length=200, help_text="Or 'Online (Teams)' or 'By phone'")
    on = models.DateField()
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A cancelled session stays on record (its bookings and the emails sent about them refer to it).
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(blank=True, help_text="Sent to the families who had booked")

    class Meta:
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["on"], name="surgery_by_day")]

    def __str__(self) -> str:
        return f"{self.title} on {long_date(self.on)}"

    def get_absolute_url(self) -> str:
        return reverse("voice:surgery_detail", args=[self.pk])


class SurgerySlot(models.Model):
    session = models.ForeignKey(SurgerySession, models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=20)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "starts_at"], name="slot_unique_start"),
            models.CheckConstraint(
                name="slot_length_sensible", condition=Q(minutes__gte=5, minutes__lte=120)
            ),
        ]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%H:%M}"


class Booking(models.Model):
    slot = models.ForeignKey(SurgerySlot, models.PROTECT, related_name="bookings")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True)
    about = models.TextField(blank=True)
    needs = models.CharField(max_length=300, blank=True, help_text="Interpreter, access or other needs")
    token = models.CharField(max_length=64, unique=True)
    booked_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["slot__starts_at"]
        constraints = [
            # One live booking per slot; a cancelled booking frees it.
            models.UniqueConstraint(
                fields=["slot"], name="booking_one_live_per_slot", condition=Q(cancelled_at__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return f"Booking {self.pk}"
