"""Providers' proposed changes waiting for a moderator, and problems families report."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from sendhub.localoffer.models.directory import Organisation, Service


class RevisionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a moderator"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    # A later change to the same service was sent; it carries this one's edits forward.
    SUPERSEDED = "superseded", "Replaced by a later change"


class ServiceRevision(models.Model):
    """A provider's proposed version of a service. Approved revisions are kept: they are the history."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, null=True, blank=True, related_name="revisions")
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="revisions")
    data = models.JSONField()
    status = models.CharField(max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING)
    number = models.PositiveIntegerField(null=True, blank=True, help_text="Version number once approved")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                name="revision_status_valid", condition=Q(status__in=RevisionStatus.values)
            ),
            models.CheckConstraint(
                name="rejection_has_reason", condition=~Q(status=RevisionStatus.REJECTED) | ~Q(reason="")
            ),
            models.UniqueConstraint(fields=["service", "number"], name="revision_number_unique"),
        ]
        indexes = [  # the moderation queue: selectors.moderation_queue()
            models.Index(
                fields=["submitted_at"], name="revision_pending", condition=Q(status=RevisionStatus.PENDING)
            ),
        ]

    def __str__(self) -> str:
        return f"Revision {self.pk} ({self.status})"


class ProblemReport(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="problem_reports")
    what_is_wrong = models.TextField()
    email = models.EmailField(blank=True)
    reported_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-reported_at"]

    def __str__(self) -> str:
        return f"Problem with {self.service_id}"
