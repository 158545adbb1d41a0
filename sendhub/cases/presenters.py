"""Values ready to show: the views pass these to templates, which never query or decide."""

from __future__ import annotations

from datetime import date
from typing import Any

from sendhub.accounts.models import User
from sendhub.cases import rules, selectors
from sendhub.cases.la_codes import authority_name
from sendhub.cases.models import AssessmentRequest, Child, Plan, PlanStatus
from sendhub.cases.permissions import can_edit_case, can_upload_document
from sendhub.cases.rules.young_person import young_person_check
from sendhub.cases.selectors import live_plan, open_request
from sendhub.cases.selectors.reviews import pending_amendment_review
from sendhub.cases.services.plan_transfer import reg15_dates
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
        "transferred_plans": child.plans.filter(status=PlanStatus.TRANSFERRED_OUT),
        "timeline": child.timeline.select_related("created_by")[:100],
        "parents": child.parents.all(),
        "professionals": child.professionals.all(),
        "placements": child.placements.select_related("school"),
        "appeals": child.appeals.all(),
        "transfers": child.transfers.all(),
        "can_edit": can_edit_case(user, child),
        "can_upload": can_upload_document(user, child),
        "can_reassign": user.has_perm("cases.reassign_case"),
        "can_request": user.has_perm("cases.record_request"),
        "young_person": young_person_check(child.birth_date, today),
    }


def request_summary(request: AssessmentRequest, user: User, today: date) -> dict[str, Any]:
    facts = assessment_facts(request)
    status = rules.assessment_status(facts, today)
    return {
        "assessment": request,
        "child": request.child,
        "status": status,
        "tag": due_tag(status, today) if request.status == "open" else {"text": "", "css": ""},
        "milestones": status.milestones,
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
        "pending_review": pending_amendment_review(plan),
        "live": live,
        "editable_version": plan.editable_version(),
        "can_edit": can_edit_case(user, plan.child),
        "can_audit": user.has_perm("cases.audit_plans"),
        "transfer": transfer_summary(plan),
        "amendments_open": bool(
            plan.amendment_notice
            and (plan.amended_issued is None or plan.amended_issued < plan.amendment_notice)
        ),
    }


def transfer_summary(plan: Plan) -> dict[str, Any] | None:
    """The plan's transfer to another authority (reg 15), with its statutory dates, if one is recorded."""
    transfer = plan.transfers.first()
    if transfer is None or transfer.moved_on is None or transfer.transferred_on is None:
        return None
    return {
        "authority": authority_name(transfer.other_la),
        "moved_on": transfer.moved_on,
        "aware_on": transfer.notified_on,
        # The dates as they stood on the day it was recorded (its transfer date's lower bound).
        "dates": reg15_dates(plan, transfer.moved_on, transfer.notified_on, transfer.transferred_on),
    }


EDITABLE_STAGES = {"draft_issued", "awaiting_final", "amendment_proposed"}


def worklist_rows(children: list[Child]) -> list[dict[str, Any]]:
    """Each worklist row with a link straight to the form for its next statutory step."""
    from django.urls import reverse

    from sendhub.cases.models import AdviceRequest, AnnualReview

    ids = [c.pk for c in children]
    requests = {r.child_id: r for r in AssessmentRequest.objects.filter(child_id__in=ids, status="open")}
    plans = {p.child_id: p for p in Plan.objects.filter(child_id__in=ids, status__in=["active", "ceasing"])}
    advice = {
        a.request_id: a
        for a in AdviceRequest.objects.filter(
            request__in=requests.values(), received_on__isnull=True
        ).order_by("-due")
    }
    reviews = {
        r.plan_id: r
        for r in AnnualReview.objects.filter(plan__in=plans.values(), decision_on__isnull=True).order_by(
            "meeting"
        )
    }
    drafts = {p.child_id: p for p in Plan.objects.filter(child_id__in=ids, status="draft")}
    rows = []
    for child in children:
        request, plan = requests.get(child.pk), plans.get(child.pk)
        url = reverse("cases:child_detail", args=[child.pk])
        extra = (
            selectors.structured_links(drafts.get(child.pk) or plan) if child.stage in EDITABLE_STAGES else []
        )
        if request is not None:
            url = _request_step_url(child.stage, request, advice.get(request.pk))
        elif plan is not None:
            review = reviews.get(plan.pk)
            step = {
                "plan_maintained": ("review_new", [plan.pk]),
                "amendment_proposed": ("amended_issue", [plan.pk]),
            }
            if review is not None:
                # The report page: what the record still lacks, its forms, then "Record that the report was sent".
                step["awaiting_review_report"] = ("review_detail", [plan.pk, review.pk])
                step["awaiting_review_decision"] = ("review_decision", [plan.pk, review.pk])
            name, args = step.get(child.stage, ("plan_detail", [plan.pk]))
            url = reverse(f"cases:{name}", args=args)
        rows.append({"child": child, "step_url": url, "extra": extra})
    return rows


def _request_step_url(stage: str, request: AssessmentRequest, advice: Any) -> str:
    from django.urls import reverse

    if stage == "assessing" and advice is not None:
        return reverse("cases:advice_received", args=[request.pk, advice.pk])
    names = {
        "awaiting_decision_to_assess": "request_decision",
        "assessing": "advice_new",
        "awaiting_final": "final_issue",
        "draft_issued": "consult_settings",
    }
    if stage == "awaiting_decision_to_issue":
        return reverse(
            "cases:draft_issue" if request.decided_to_issue else "cases:issue_decision", args=[request.pk]
        )
    return reverse(f"cases:{names.get(stage, 'request_detail')}", args=[request.pk])
