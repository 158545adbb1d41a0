"""The family's review contributions sent before the meeting join the structured review when the officer
records it (casework cannot call this app: it is a layer below, so the family pages listen instead)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.utils import timezone

from sendhub.cases.models import AnnualReview
from sendhub.portal.models import Submission, SubmissionKind
from sendhub.portal.services.family import add_to_review


def attach_waiting_contributions(sender: Any, instance: AnnualReview, created: bool, **kwargs: Any) -> None:
    """A new review takes the family's contributions for its plan not yet in a review (sent since the
    previous review's decision), oldest first."""
    if not created or kwargs.get("raw"):
        return
    waiting = Submission.objects.filter(
        plan_id=instance.plan_id, kind=SubmissionKind.REVIEW, review__isnull=True
    ).select_related("child", "sent_by")
    today = timezone.localdate()
    for submission in waiting.order_by("sent_at", "pk"):
        add_to_review(submission, instance, today)


def connect() -> None:
    post_save.connect(
        attach_waiting_contributions, sender=AnnualReview, dispatch_uid="portal.review_contributions"
    )
