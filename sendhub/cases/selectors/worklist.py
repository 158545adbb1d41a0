"""The casework worklists: what is due, overdue or waiting for advice, for the cases a user may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet

from sendhub.accounts.models import Role, User
from sendhub.cases.models import AdviceRequest, Child, RequestStatus
from sendhub.cases.rules import Stage
from sendhub.schools.models import School

# How far ahead the worklist shows a review meeting to arrange. A service choice, not a statutory limit:
# the invitations and the advice go out at least two weeks before the meeting (reg 20), so eight weeks
# leaves time to agree a date with the school and the family.
REVIEW_BOOKING_WEEKS = 8

WORKLISTS = {
    "all": "All open work",
    "due": "Due in the next 14 days",
    "overdue": "Overdue",
    "advice": "Awaiting advice",
    "review": f"Reviews to book in the next {REVIEW_BOOKING_WEEKS} weeks",
}


@dataclass(frozen=True)
class WorklistFilter:
    """Narrowing a worklist: one officer's cases (for managers), one school's pupils, latest due first."""

    officer_id: int | None = None
    school_id: int | None = None
    latest_first: bool = False


def worklist(
    user: User,
    today: date,
    which: str,
    *,
    officer_id: int | None = None,
    narrow: WorklistFilter | None = None,
) -> QuerySet[Child]:
    """One worklist (a key of WORKLISTS) of the cases `user` may see, ordered by due date.

    ``next_due`` is stored by services.refresh_status from the rules, so "overdue" here is the SQL
    form of ``rules.*_status(...).overdue``; tests/test_demo.py checks that the two agree.
    """
    narrow = narrow or WorklistFilter(officer_id=officer_id)
    children = Child.objects.visible_to(user)
    if user.role != Role.CASE_OFFICER and narrow.officer_id is not None:
        children = children.filter(officer_id=narrow.officer_id)
    if narrow.school_id is not None:
        children = children.filter(school_id=narrow.school_id)
    if which == "overdue":
        children = children.filter(next_due__lt=today)
    elif which == "due":
        children = children.filter(next_due__gte=today, next_due__lte=today + timedelta(days=14))
    elif which == "all":
        children = children.filter(next_due__isnull=False)
    elif which == "advice":
        outstanding = AdviceRequest.objects.filter(
            request__child=OuterRef("pk"), received_on__isnull=True, request__status=RequestStatus.OPEN
        )
        children = children.filter(Exists(outstanding))
    elif which == "review":
        # A maintained plan waits for its annual (or phase-transfer) review meeting only while no meeting
        # is on record since the last decision (rules.plan_status); one overdue still needs booking.
        children = children.filter(
            stage=Stage.PLAN_MAINTAINED, next_due__lte=today + timedelta(weeks=REVIEW_BOOKING_WEEKS)
        )
    else:
        raise ValueError(f"Unknown worklist {which!r}")
    order = ("-next_due", "-pk") if narrow.latest_first else ("next_due", "pk")
    return (
        children.select_related("officer", "school")
        .only(
            "pk",
            "reference",
            "first_name",
            "last_name",
            "stage",
            "next_step",
            "next_due",
            "officer__full_name",
            "school__name",
        )
        .order_by(*order)
    )


def worklist_counts(
    user: User, today: date, *, officer_id: int | None = None, narrow: WorklistFilter | None = None
) -> dict[str, int]:
    narrow = narrow or WorklistFilter(officer_id=officer_id)
    return {key: worklist(user, today, key, narrow=narrow).count() for key in WORKLISTS}


def worklist_schools(user: User) -> QuerySet[School]:
    """The schools of the children with open work that `user` may see (the worklist's school filter)."""
    open_work = Child.objects.visible_to(user).filter(next_due__isnull=False)
    return School.objects.filter(pk__in=open_work.values("school_id")).order_by("name")


def officers_for(user: User) -> QuerySet[User]:
    """Officers a manager may filter by or reassign to: their team's (all for an admin)."""
    officers = User.objects.filter(role=Role.CASE_OFFICER, is_active=True)
    if user.role == Role.TEAM_MANAGER:
        officers = officers.filter(team=user.team)
    elif user.role != Role.ADMIN:
        officers = officers.filter(pk=user.pk)
    return officers.order_by("full_name")
