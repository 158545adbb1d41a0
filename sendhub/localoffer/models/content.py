"""The staff-edited content pages with their versions and proposed changes, and the page-view counts."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from sendhub.localoffer.models.moderation import RevisionStatus


class ContentPage(models.Model):
    """A staff-edited page of the Local Offer (glossary, ordinarily available provision, ...)."""

    slug = models.SlugField(max_length=60, primary_key=True)
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    body = models.TextField(help_text="Plain text; blank lines separate paragraphs, '## ' starts a heading")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ContentPageVersion(models.Model):
    page = models.ForeignKey(ContentPage, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    edited_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="content_version_unique")]

    def __str__(self) -> str:
        return f"{self.page_id} v{self.number}"


class ContentPageChange(models.Model):
    """A proposed new text for a content page: families see it only once another moderator approves it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(ContentPage, models.CASCADE, related_name="changes")
    base_version = models.PositiveIntegerField(help_text="The page's version the change was made to")
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING)
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
                name="content_change_status_valid", condition=Q(status__in=RevisionStatus.values)
            ),
            models.CheckConstraint(
                name="content_change_rejection_has_reason",
                condition=~Q(status=RevisionStatus.REJECTED) | ~Q(reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"Change to {self.page_id} ({self.status})"


class PageViewCount(models.Model):
    """How many times a public Local Offer page was opened on a day, counted by SEND Hub itself.

    No cookie, no third party and nothing about the visitor: only the path (without its query string,
    which may hold a search) and the day. Staff pages and known robots are not counted (`visits.py`)."""

    path = models.CharField(max_length=200)
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day", "path"]
        constraints = [models.UniqueConstraint(fields=["path", "day"], name="page_view_one_row_per_day")]
        indexes = [models.Index(fields=["day"], name="page_view_by_day")]

    def __str__(self) -> str:
        return f"{self.path} on {self.day}: {self.views}"
