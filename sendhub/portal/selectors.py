"""Reads for the family pages and for staff answering families.

A family reads only the children `Child.objects.visible_to` gives their account (the records that name it
as parent or carer, or the young person themself), on every request: when a record stops naming the
account, the child, its documents and threads are a 404 at once. Staff read through the same scoping.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.cases.document_selectors import family_documents
from sendhub.cases.models import (
    AnnualReview,
    AssessmentRequest,
    Child,
    DocumentKind,
    ParentCarer,
    Plan,
    PlanStatus,
    RequestStatus,
)
from sendhub.cases.services.status import current_status
from sendhub.portal import rules
from sendhub.portal.models import Message, Task, Thread


@dataclass(frozen=True)
class CaseInWords:
    """Where a child's case stands and what happens next, for a family."""

    where: str
    next: str
    next_due: date | None
    overdue: bool


@dataclass(frozen=True)
class FamilyCard:
    child: Child
    words: CaseInWords
    officer_name: str
    officer_email: str


@dataclass(frozen=True)
class DraftWindow:
    """A draft plan the family may comment on, and the last day to do so."""

    plan: Plan
    closes: date
    open: bool


def _named(user: User) -> QuerySet[Child]:
    """The children whose records name the account as parent or carer (or the young person themself):
    never more, whatever the role (an admin sees every case on the staff pages, not here)."""
    linked = ParentCarer.objects.filter(user=user).values("child_id")
    return Child.objects.visible_to(user).filter(Q(pk__in=linked) | Q(account=user))


def family_children(user: User) -> QuerySet[Child]:
    return _named(user).select_related("officer").order_by("first_name", "last_name", "pk")


def get_family_child(user: User, pk: int) -> Child:
    """Another family's child (or a child no longer linked to the account) is a 404."""
    return get_object_or_404(family_children(user), pk=pk)


def case_in_words(child: Child, today: date) -> CaseInWords:
    """The one source of the stage and next date (casework's current_status), in a family's words."""
    status = current_status(child, today)
    if status is not None and status.stage.closed:
        status = None
    words = rules.plain_status(status.stage if status else None)
    due = status.next_due if status and words.next else None
    return CaseInWords(words.where, words.next, due, bool(status and status.overdue and due))


def family_home(user: User, today: date) -> list[FamilyCard]:
    return [
        FamilyCard(
            child=child,
            words=case_in_words(child, today),
            officer_name=child.officer.full_name if child.officer else "",
            officer_email=child.officer.email if child.officer else "",
        )
        for child in family_children(user)
    ]


def open_request(child: Child) -> AssessmentRequest | None:
    return child.requests.filter(status=RequestStatus.OPEN).order_by("-received", "-pk").first()


def draft_window(child: Child, today: date) -> DraftWindow | None:
    """The draft plan of the open request, if one has been sent, with its 15 days for comments."""
    request = open_request(child)
    if request is None or request.draft_issued is None:
        return None
    plan = Plan.objects.filter(request=request).first()
    if plan is None:
        return None
    closes = rules.comments_close(request.draft_issued)
    return DraftWindow(
        plan=plan,
        closes=closes,
        open=rules.may_comment_on_draft(request.draft_issued, request.final_issued, today),
    )


def plan_for_review(child: Child) -> Plan | None:
    """The plan in force, whose yearly review a family may send a contribution for."""
    return (
        child.plans.filter(status__in=[PlanStatus.ACTIVE, PlanStatus.CEASING]).order_by("-start_date").first()
    )


def is_young_person(child: Child, by: User) -> bool:
    """The account is the young person themself: their own record's account, or a record naming them
    "Young person" (CFA 2014 s.83(2))."""
    if child.account_id is not None and child.account_id == by.pk:
        return True
    link = child.parents.filter(user=by).first()
    return link is not None and link.relationship.lower().startswith("young person")


def review_to_contribute(plan: Plan) -> AnnualReview | None:
    """The review a family's contribution goes to: the plan's latest review whose decision is not yet
    recorded (the one being arranged), if any."""
    return plan.reviews.filter(decision_on__isnull=True).order_by("-meeting", "-pk").first()


def open_review(child: Child) -> AnnualReview | None:
    plan = plan_for_review(child)
    return review_to_contribute(plan) if plan is not None else None


def next_review(plan: Plan, today: date) -> date | None:
    review = plan.reviews.filter(meeting__gte=today).order_by("meeting").first()
    return review.meeting if review else None


def family_plans(child: Child) -> list[dict[str, Any]]:
    """Each plan of the child with its latest version (the one the family reads), newest first."""
    rows = []
    for plan in child.plans.exclude(status=PlanStatus.TRANSFERRED_OUT).prefetch_related("versions"):
        versions = list(plan.versions.all())
        if versions:
            rows.append({"plan": plan, "version": versions[0]})
    return rows


def child_page(child: Child, today: date) -> dict[str, Any]:
    documents = list(family_documents(child))
    return {
        "child": child,
        "words": case_in_words(child, today),
        "timeline": list(child.timeline.all()[:50]),
        "letters": [d for d in documents if d.kind == DocumentKind.LETTER],
        "documents": [d for d in documents if d.kind != DocumentKind.LETTER],
        "plans": family_plans(child),
        "draft": draft_window(child, today),
        "review_plan": plan_for_review(child),
        "can_request_assessment": open_request(child) is None and plan_for_review(child) is None,
        "threads": list(child.family_threads.all()),
        "submissions": list(
            child.family_submissions.select_related("document", "sent_by", "preferred_school", "review")
        ),
    }


def get_thread_for_family(user: User, pk: int) -> Thread:
    threads = Thread.objects.filter(child__in=_named(user)).select_related("child")
    return get_object_or_404(threads, pk=pk)


def thread_messages(thread: Thread) -> QuerySet[Message]:
    return thread.messages.select_related("author")


# --- Staff ----------------------------------------------------------------------------------------------


def case_panel(child: Child) -> dict[str, Any]:
    """What the family sent and the conversations, for the staff case page."""
    return {
        "threads": list(
            child.family_threads.prefetch_related(
                Prefetch("messages", queryset=Message.objects.select_related("author"))
            )
        ),
        "submissions": list(
            child.family_submissions.select_related(
                "document", "sent_by", "plan", "preferred_school", "review"
            )
        ),
        "tasks": list(child.family_tasks.filter(done_at__isnull=True).select_related("officer")),
    }


def get_thread_for_staff(user: User, pk: int) -> Thread:
    threads = Thread.objects.filter(child__in=Child.objects.visible_to(user)).select_related("child")
    return get_object_or_404(threads, pk=pk)


def open_tasks(user: User) -> QuerySet[Task]:
    """The open family tasks on the cases the person may see (an officer: their caseload), earliest due first."""
    return (
        Task.objects.filter(done_at__isnull=True, child__in=Child.objects.visible_to(user))
        .select_related("child", "officer")
        .order_by("due", "pk")
    )


def get_task_for_staff(user: User, pk: int) -> Task:
    return get_object_or_404(open_tasks(user), pk=pk)


def family_child_for(user: User, what: str, pk: int) -> Child:
    """The family's child a staff page is about (a child, request, plan or letter id), or 404: another
    family's record answers as one that does not exist."""
    lookups = {
        "child": Q(pk=pk),
        "request": Q(requests__pk=pk),
        "plan": Q(plans__pk=pk),
        "letter": Q(letters__pk=pk),
    }
    return get_object_or_404(_named(user).filter(lookups[what]))
