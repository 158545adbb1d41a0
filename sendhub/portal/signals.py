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
    """A new review takes the family's contributions for its plan not yet in a review (sent after the
    previous review's meeting), oldest first. One query when there are none (the usual case)."""
    if not created or kwargs.get("raw"):
        return
    waiting = list(
        Submission.objects.filter(plan_id=instance.plan_id, kind=SubmissionKind.REVIEW, review__isnull=True)
        .select_related("child", "sent_by")
        .order_by("sent_at", "pk")
    )
    if not waiting:
        return
    previous = (
        AnnualReview.objects.filter(plan_id=instance.plan_id)
        .exclude(pk=instance.pk)
        .order_by("-meeting")
        .first()
    )
    if previous is not None:  # only what was sent for this review, not for an earlier one
        waiting = [s for s in waiting if timezone.localdate(s.sent_at) > previous.meeting]
    today = timezone.localdate()
    for submission in waiting:
        add_to_review(submission, instance, today)


def connect() -> None:
    post_save.connect(
        attach_waiting_contributions, sender=AnnualReview, dispatch_uid="portal.review_contributions"
    )
