"""Documents kept on a case: advice and reports, evidence, signed letters, the letters we send, plans.

Every document belongs to a child, and may also belong to one of the child's records (a request, an
advice request, a plan version or a review); it is seen by whoever may see that child. The file itself is
in Django's storage (var/media by default, a bucket by setting); it is removed only softly.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class DocumentKind(models.TextChoices):
    ADVICE = "advice", "Advice or report"
    EVIDENCE = "evidence", "Evidence"
    SIGNED_LETTER = "signed", "Signed letter or form"
    LETTER = "letter", "Letter we sent"
    PLAN = "plan", "EHC plan"
    VIEWS = "views", "Views of the child or family"
    OTHER = "other", "Other"


class ScanStatus(models.TextChoices):
    NOT_SCANNED = "not_scanned", "Not scanned (no virus scanner is set up)"
    CLEAN = "clean", "Scanned: no virus found"
    GENERATED = "generated", "Made by SEND Hub (letters and plans are not scanned)"


def document_path(instance: Document, filename: str) -> str:
    # The stored name never comes from the uploader: a random name under the month it arrived.
    import uuid

    from django.utils import timezone

    today = timezone.localdate()
    return f"documents/{today:%Y/%m}/{uuid.uuid4().hex}.{instance.extension}"


class Document(models.Model):
    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="documents")
    request = models.ForeignKey(
        "cases.AssessmentRequest", models.PROTECT, null=True, blank=True, related_name="documents"
    )
    advice = models.ForeignKey(
        "cases.AdviceRequest", models.PROTECT, null=True, blank=True, related_name="documents"
    )
    plan_version = models.ForeignKey(
        "cases.PlanVersion", models.PROTECT, null=True, blank=True, related_name="documents"
    )
    review = models.ForeignKey(
        "cases.AnnualReview", models.PROTECT, null=True, blank=True, related_name="documents"
    )
    kind = models.CharField(max_length=10, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=document_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, help_text="As found from the content, not the name")
    extension = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField(help_text="Bytes")
    sha256 = models.CharField("SHA-256 checksum", max_length=64)
    scan_status = models.CharField(max_length=12, choices=ScanStatus.choices)
    scan_answer = models.CharField(max_length=200, blank=True, help_text="The virus scanner's reply")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    removal_reason = models.CharField(max_length=300, blank=True)
    shared_with_family = models.BooleanField(
        default=False,
        help_text="Shown to the family on their pages (letters to the family and what they send are, by default)",
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(name="document_kind_valid", condition=Q(kind__in=DocumentKind.values)),
            models.CheckConstraint(
                name="document_scan_status_valid", condition=Q(scan_status__in=ScanStatus.values)
            ),
            models.CheckConstraint(
                name="document_removal_has_reason",
                condition=Q(removed_at__isnull=True) | ~Q(removal_reason=""),
            ),
        ]
        indexes = [
            models.Index(
                fields=["child", "uploaded_at"],
                name="document_by_child",
                condition=Q(removed_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cases:document_download", args=[self.pk])

    @property
    def attached_to(self) -> str:
        """Which of the child's records the document belongs to, in words."""
        if self.advice_id:
            return str(self.advice)
        if self.review_id:
            return str(self.review)
        if self.plan_version_id:
            return f"Plan {self.plan_version}"
        if self.request_id:
            return str(self.request)
        return "The child's record"
