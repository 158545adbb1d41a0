"""Translate stored dates into the rules' facts, and keep each child's stage and next due date current."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sendhub.cases import rules, selectors
from sendhub.cases.models import AssessmentRequest, Child, Plan, PlanStatus, RequestStatus


def assessment_facts(request: AssessmentRequest) -> rules.AssessmentFacts:
    return rules.AssessmentFacts(
        received=request.received,
        decided_to_assess=request.decided_to_assess,
        decided_not_to_assess=request.decided_not_to_assess,
        advice=tuple(rules.AdviceDates(a.requested_on, a.received_on) for a in request.advice.all()),
        decided_not_to_issue=request.decided_not_to_issue,
        decided_to_issue=request.decided_to_issue,
        draft_issued=request.draft_issued,
        setting_consulted=request.setting_consulted,
        setting_responded=request.setting_responded,
        final_issued=request.final_issued,
        withdrawn=request.withdrawn,
        exceptions=tuple(
            rules.ExceptionPeriod(rules.ExceptionReason(e.reason), e.start, e.end)
            for e in request.exceptions.all()
        ),
    )


def plan_facts(plan: Plan, today: date) -> rules.PlanFacts:
    review = plan.reviews.order_by("-meeting").first()
    return rules.PlanFacts(
        issued=plan.start_date or today,
        last_review_meeting=review.meeting if review else None,
        review_report_sent=review.report_sent if review else None,
        review_decision=review.decision_on if review else None,
        review_outcome=rules.ReviewOutcome(review.outcome) if review and review.outcome else None,
        amendment_notice=plan.amendment_notice,
        amended_issued=plan.amended_issued,
        cease_notice=plan.cease_notice,
        ceased=plan.ceased,
        phase_transfer_due=rules.cohort_phase_transfer_due(plan.child.birth_date, today),
    )


def current_status(child: Child, today: date) -> rules.CaseStatus | None:
    """The child's live process: an open request first, otherwise the maintained plan."""
    request = child.requests.filter(status=RequestStatus.OPEN).order_by("-received").first()
    if request is not None:
        return rules.assessment_status(assessment_facts(request), today)
    plan = (
        child.plans.filter(status__in=[PlanStatus.ACTIVE, PlanStatus.CEASING]).order_by("-start_date").first()
    )
    if plan is not None and plan.start_date is not None:
        return rules.plan_status(plan_facts(plan, today), today)
    return None


def refresh_status(child: Child, today: date) -> Child:
    """Store the stage, next step and next due date the rules give today (worklists read these)."""
    status = current_status(child, today)
    if status is not None and status.stage.closed:
        status = None
    child.stage = status.stage.value if status else ""
    child.next_step = status.next_step[:120] if status else ""
    child.next_due = status.next_due if status else None
    Child.objects.filter(pk=child.pk).update(
        stage=child.stage, next_step=child.next_step, next_due=child.next_due
    )
    return child


def refresh_all_statuses(
    today: date, *, dry_run: bool = False, progress: Callable[[int, int, int], None] | None = None
) -> tuple[int, int]:
    """Bring every case's stored stage up to date; returns (checked, changed). Safe to re-run.

    Services keep stages current on every write; this catches what changes with time alone (a draft's
    15-day comment period ending, a phase-transfer cohort starting in September, a plan's transfer to
    another authority taking effect, reg 15(3)(a)).
    """
    from sendhub.cases.services.plan_transfer import finish_due_transfers

    finish_due_transfers(today, dry_run=dry_run)
    qs = selectors.children_with_cases().order_by("pk")
    total, changed = qs.count(), 0
    for n, child in enumerate(qs.iterator(chunk_size=500), start=1):
        status = current_status(child, today)
        live = status is not None and not status.stage.closed
        stage = status.stage.value if status and live else ""
        due = status.next_due if status and live else None
        if (stage, due) != (child.stage, child.next_due):
            changed += 1
            if not dry_run:
                refresh_status(child, today)
        if progress and (n % 500 == 0 or n == total):
            progress(n, total, changed)
    return total, changed
