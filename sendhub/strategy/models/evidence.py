"""Evidence documents on a plan update: checked and stored as case documents are (size, kind by content,
virus scan: `sendhub.cases.services.documents.check_upload` over `sendhub.lib.filecheck`), but they
belong to the plan, not to a child, so council staff who read the plan may open them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from sendhub.strategy.models.removal import AllRowsManager, LiveManager


def evidence_path(instance: UpdateEvidence, filename: str) -> str:
    # The stored name never comes from the uploader: a random name under the month it arrived.
    return f"strategy-evidence/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{instance.extension}"


class UpdateEvidence(models.Model):
    update = models.ForeignKey("strategy.Update", models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=evidence_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, help_text="As found from the content, not the name")
    extension = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField(help_text="Bytes")
    sha256 = models.CharField("SHA-256 checksum", max_length=64)
    scan_status = models.CharField(max_length=12)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)  # checked by the remove page
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_reason = models.TextField(blank=True, help_text="Why it was removed")

    objects = LiveManager()
    with_removed = AllRowsManager()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        base_manager_name = "with_removed"

    def __str__(self) -> str:
        return self.title
