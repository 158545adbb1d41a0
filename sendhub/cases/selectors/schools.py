"""What a SENCO sees: their schools' pupils and the requests for assessment their schools made."""

from __future__ import annotations

from django.db.models import QuerySet

from sendhub.accounts.models import User
from sendhub.cases.models import AssessmentRequest, Child, RequestStatus


def pupils_for_request(user: User) -> QuerySet[Child]:
    """The pupils of the SENCO's schools (the only children a SENCO may ask an assessment for)."""
    return (
        Child.objects.visible_to(user)
        .filter(school__in=user.schools.all())
        .select_related("school")
        .order_by("last_name", "first_name", "pk")
    )


def requests_made_by_schools(user: User) -> QuerySet[AssessmentRequest]:
    """Requests their schools made, newest first, with the decisions on them."""
    return (
        AssessmentRequest.objects.filter(school_evidence__school__in=user.schools.all())
        .select_related("child", "school_evidence__school", "school_evidence__made_by")
        .order_by("-received", "-pk")
    )


def waiting_for_decision(requests: QuerySet[AssessmentRequest]) -> QuerySet[AssessmentRequest]:
    """Those of `requests` still open with no decision yet on whether to assess."""
    return requests.filter(
        status=RequestStatus.OPEN, decided_to_assess__isnull=True, decided_not_to_assess__isnull=True
    )


def pupils_with_steps_due(user: User) -> QuerySet[Child]:
    """The SENCO's pupils with a statutory step to come, the earliest due first (their home page)."""
    return pupils_for_request(user).filter(next_due__isnull=False).order_by("next_due", "pk")
