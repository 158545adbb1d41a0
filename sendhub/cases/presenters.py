"""Values ready to show: the views pass these to templates, which never query or decide."""

from __future__ import annotations

from datetime import date
from typing import Any

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import AssessmentRequest, Child, Plan
from sendhub.cases.permissions import can_edit_case
from sendhub.cases.selectors import live_plan, open_request
from sendhub.cases.services.status import assessment_facts, current_status, plan_facts


def due_tag(status: rules.CaseStatus | None, today: date) -> dict[str, str]:
    """A GOV.UK tag for the next due date: red when overdue, yellow within 14 days."""
    if status is None or status.next_due is None:
        return {"text": "", "css": ""}
    if status.overdue:
        return {"text": f"Overdue by {-(status.days_to_due or 0)} days", "css": "govuk-tag--red"}
    if status.due_within_14_days:
        return {"text": f"Due in {status.days_to_due} days", "css": "govuk-tag--yellow"}
    return {"text": "On track", "css": "govuk-tag--green"}


def child_summary(child: Child, user: User, today: date) -> dict[str, Any]:
    status = current_status(child, today)
    return {
        "child": child,
        "age": rules.age_on(child.birth_date, today),
        "status": status,
        "tag": due_tag(status, today),
        "request": open_request(child),
        "requests": child.requests.order_by("-received"),
        "plan": live_plan(child),
        "timeline": child.timeline.select_related("created_by")[:100],
        "parents": child.parents.all(),
        "professionals": child.professionals.all(),
        "placements": child.placements.select_related("school"),
        "appeals": child.appeals.all(),
        "transfers": child.transfers.all(),
        "can_edit": can_edit_case(user, child),
        "can_reassign": user.has_perm("cases.reassign_case"),
        "can_request": user.has_perm("cases.record_request"),
    }


def request_summary(request: AssessmentRequest, user: User, today: date) -> dict[str, Any]:
    facts = assessment_facts(request)
    status = rules.assessment_status(facts, today)
    return {
        "assessment": request,
        "child": request.child,
        "status": status,
        "tag": due_tag(status, today) if request.status == "open" else {"text": "", "css": ""},
        "milestones": rules.ehc_milestones(facts),
        "dates": rules.ehc_dates(request.received),
        "advice": request.advice.select_related("adviser"),
        "exceptions": request.exceptions.all(),
        "decisions": request.panel_decisions.select_related("meeting"),
        "is_open": request.status == "open",
        "can_edit": can_edit_case(user, request.child),
        "can_panel": user.has_perm("cases.manage_panel"),
        "plan": Plan.objects.filter(request=request).first(),
    }


def plan_summary(plan: Plan, user: User, today: date) -> dict[str, Any]:
    live = plan.status in {"active", "ceasing"} and plan.start_date is not None
    status = rules.plan_status(plan_facts(plan, today), today) if live else None
    open_review = plan.reviews.filter(decision_on__isnull=True).first()
    return {
        "plan": plan,
        "child": plan.child,
        "status": status,
        "tag": due_tag(status, today),
        "versions": plan.versions.select_related("created_by"),
        "reviews": plan.reviews.all(),
        "open_review": open_review,
        "live": live,
        "can_edit": can_edit_case(user, plan.child),
        "can_audit": user.has_perm("cases.audit_plans"),
        "amendments_open": bool(
            plan.amendment_notice
            and (plan.amended_issued is None or plan.amended_issued < plan.amendment_notice)
        ),
    }
