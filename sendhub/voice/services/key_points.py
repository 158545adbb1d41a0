"""Send the feedback survey for the key points recorded in casework (progress report Appendix C 1.4:
"Survey families after completing new EHC plan or annual review").

Reads the cases app's plans and reviews; writes only survey invitations. Safe to re-run: a family is
asked once per event (an invitation to the same address about the same child sent on or after the
event's date counts as done).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from sendhub.voice.models import Invitation, Survey, Trigger
from sendhub.voice.services.surveys import invite


@dataclass(frozen=True)
class KeyPoint:
    trigger: str
    child: Any
    on: date
    email: str


def key_points(*, since: date, today: date) -> list[KeyPoint]:
    """Final plans first issued and annual reviews decided between `since` and `today`, per parent email."""
    from sendhub.cases.models import AnnualReview, ParentCarer, Plan

    events: list[tuple[str, Any, date]] = []
    for plan in Plan.objects.filter(start_date__gte=since, start_date__lte=today).select_related("child"):
        assert plan.start_date is not None
        events.append((Trigger.PLAN_ISSUED, plan.child, plan.start_date))
    for review in AnnualReview.objects.filter(decision_on__gte=since, decision_on__lte=today).select_related(
        "plan__child"
    ):
        assert review.decision_on is not None
        events.append((Trigger.REVIEW_FINISHED, review.plan.child, review.decision_on))
    points = []
    for trigger, child, on in sorted(events, key=lambda e: (e[2], e[1].pk, e[0])):
        emails = ParentCarer.objects.filter(child=child, parental_responsibility=True).exclude(email="")
        for email in sorted({p.email.lower() for p in emails}):
            points.append(KeyPoint(trigger, child, on, email))
    return points


@transaction.atomic
def invite_at_key_points(*, since: date, today: date, dry_run: bool = False) -> list[KeyPoint]:
    """Invite each family once per key point to the active survey for it; returns the invitations due."""
    surveys = {
        s.trigger: s
        for s in Survey.objects.filter(
            is_active=True, trigger__in=[Trigger.PLAN_ISSUED, Trigger.REVIEW_FINISHED]
        )
    }
    due = []
    for point in key_points(since=since, today=today):
        survey = surveys.get(point.trigger)
        if survey is None or not survey.questions.exists():
            continue
        asked = Invitation.objects.filter(
            survey=survey, child=point.child, email__iexact=point.email, sent_at__date__gte=point.on
        ).exists()
        if asked:
            continue
        due.append(point)
        if not dry_run:
            invite(survey=survey, email=point.email, trigger=point.trigger, child=point.child)
    return due
