"""Reads for the structured annual review page and the consultations with settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AnnualReview,
    AssessmentRequest,
    Child,
    Document,
    OutcomeProgress,
    Plan,
    PlanStatus,
    PlanVersion,
    ReviewContribution,
    SettingConsultation,
    VersionKind,
)
from sendhub.cases.rules.review_content import ReviewSection
from sendhub.cases.services.reviews import pfa_due, reviewed_outcomes


def review_contributions(review: AnnualReview) -> QuerySet[ReviewContribution]:
    """What was sent for the review (views, advice, documents), oldest first; removed documents left out."""
    return review.contributions.prefetch_related(
        Prefetch("documents", queryset=Document.objects.filter(removed_at__isnull=True))
    )


def get_review_for_user(user: User, pk: int) -> AnnualReview:
    """A review whose child the user may see (404 otherwise): for the family pages and the officer's."""
    return get_object_or_404(
        AnnualReview.objects.select_related("plan__child", "amendment").filter(
            plan__child__in=Child.objects.visible_to(user)
        ),
        pk=pk,
    )


@dataclass(frozen=True, slots=True)
class ProgressRow:
    outcome: Any
    progress: OutcomeProgress | None


def review_report(review: AnnualReview, today: date) -> dict[str, Any]:
    """Everything the review report shows (regs 19-21) and what is still missing before it is sent."""
    outcomes = reviewed_outcomes(review)
    recorded = {p.outcome_id: p for p in review.progress.all()}
    rows = [ProgressRow(o, recorded.get(o.pk)) for o in outcomes]
    due = pfa_due(review)
    problems = rules.review_record_problems(
        filled={
            ReviewSection.CHILD_VIEWS: bool(review.child_views),
            ReviewSection.PARENT_VIEWS: bool(review.parent_views),
            ReviewSection.MEETS_NEEDS: bool(review.meets_needs),
            ReviewSection.RECOMMENDATIONS: bool(review.recommendations),
        },
        outcomes=len(outcomes),
        outcomes_with_progress=sum(1 for r in rows if r.progress is not None),
        pfa_due=due,
        pfa_filled=review.pfa.keys(),
    )
    child = review.plan.child
    return {
        "review": review,
        "plan": review.plan,
        "child": child,
        "nc_year": rules.national_curriculum_year(child.birth_date, review.meeting),
        "deadlines": rules.review_deadlines(
            review.meeting, review.report_sent, review.decision_on, today, at_school=review.at_school
        ),
        "participants": list(review.participants.all()),
        "progress_rows": rows,
        "orphan_progress": [p for p in review.progress.all() if p.outcome_id is None],
        "pfa_due": due,
        "pfa_rows": [(rules.PFA_LABELS[a], review.pfa.get(a.value, "")) for a in rules.PfaArea],
        "contributions": list(review_contributions(review)),
        "proposed_changes": sorted(review.proposed_changes.items()),
        "problems": problems,
        "amend_pending": review.outcome == rules.ReviewOutcome.AMEND and review.amendment_id is None,
    }


def pending_amendment_review(plan: Any) -> AnnualReview | None:
    """The latest review that decided to amend and has not yet started its amendments (reg 22(1))."""
    return (
        plan.reviews.filter(outcome=rules.ReviewOutcome.AMEND, amendment__isnull=True)
        .order_by("-meeting")
        .first()
    )


@dataclass(frozen=True, slots=True)
class ConsultationRow:
    consultation: SettingConsultation
    state: rules.ConsultationState
    out_of_area: bool
    can_name: bool


def request_consultations(request: AssessmentRequest, today: date) -> list[ConsultationRow]:
    """Each setting consulted on the request, with its state (awaiting, overdue, answered) and documents."""
    return _consultation_rows(request.consultations.all(), today)


def amendment_consultations(version: PlanVersion, today: date) -> list[ConsultationRow]:
    """Each setting consulted on these proposed amendments (reg 22(1)): the consultations made for this
    version (``SettingConsultation.plan_version``). Other versions (a draft, a final or amended plan) have
    none."""
    if version.kind != VersionKind.AMENDMENT_PROPOSED:
        return []
    return _consultation_rows(version.consultations.all(), today)


def _consultation_rows(consultations: QuerySet[SettingConsultation], today: date) -> list[ConsultationRow]:
    rows = []
    for c in consultations.select_related("school").prefetch_related(
        Prefetch("documents", queryset=Document.objects.filter(removed_at__isnull=True))
    ):
        state = rules.consultation_state(c.sent, c.answered_on, today)
        rows.append(
            ConsultationRow(
                consultation=c,
                state=state,
                out_of_area=c.school.out_of_borough,
                can_name=not c.named
                and not rules.naming_problem(
                    c.answer, bool(c.reasons), response_due=c.response_due, today=today
                ),
            )
        )
    return rows


def open_amendment(plan: Plan) -> PlanVersion | None:
    """The proposed amendments (reg 22(1)-(2)) not yet followed by the amended plan, or None."""
    if plan.status not in {PlanStatus.ACTIVE, PlanStatus.CEASING} or plan.amendment_notice is None:
        return None
    if plan.amended_issued is not None and plan.amended_issued >= plan.amendment_notice:
        return None
    version = plan.editable_version()
    return version if version is not None and version.kind == VersionKind.AMENDMENT_PROPOSED else None


def get_consultation_for_user(user: User, pk: int) -> SettingConsultation:
    return get_object_or_404(
        SettingConsultation.objects.select_related("request__child", "plan__child", "school").filter(
            Q(request__child__in=Child.objects.visible_to(user))
            | Q(plan__child__in=Child.objects.visible_to(user))
        ),
        pk=pk,
    )
