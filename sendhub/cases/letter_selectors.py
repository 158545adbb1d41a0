"""Reads for letters: the print queue, batches and the plans a batch of invitations is for.

Kept beside selectors.py rather than in it: that module is at its size limit and is being split.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Max, QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.cases.models import Child, Delivery, Letter, LetterBatch, Plan, PlanStatus
from sendhub.cases.rules.periods import add_months
from sendhub.cases.rules.reviews import annual_review_due


def print_queue(user: User) -> QuerySet[Letter]:
    """Letters for post not yet printed, oldest first, for the children the user may see."""
    return (
        Letter.objects.filter(
            delivery=Delivery.POST, printed_at__isnull=True, child__in=Child.objects.visible_to(user)
        )
        .select_related("child", "template", "document")
        .order_by("created_at", "id")
    )


def child_letters(child: Child) -> QuerySet[Letter]:
    return Letter.objects.filter(child=child).select_related("template").order_by("-created_at", "-id")


def batches(user: User) -> QuerySet[LetterBatch]:
    return (
        LetterBatch.objects.filter(requested_by=user) if user.role != "admin" else LetterBatch.objects.all()
    )


def get_batch_for_user(user: User, pk: int) -> LetterBatch:
    return get_object_or_404(batches(user), pk=pk)


def month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    following = add_months(first, 1)
    return first, following


def plans_with_review_due(user: User, month: date) -> list[Plan]:
    """Maintained plans of the children the user may see whose annual review is due in ``month``."""
    first, following = month_bounds(month)
    plans = (
        Plan.objects.filter(
            status__in=[PlanStatus.ACTIVE, PlanStatus.CEASING],
            start_date__isnull=False,
            child__in=Child.objects.visible_to(user),
        )
        .annotate(last_review=Max("reviews__meeting"))
        .select_related("child__officer", "named_setting")
        .prefetch_related("child__parents")
        .order_by("child__last_name", "child__first_name", "pk")
    )
    return [
        plan
        for plan in plans
        if plan.start_date is not None
        and first <= annual_review_due(plan.start_date, plan.last_review) < following
    ]
