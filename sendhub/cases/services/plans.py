"""Maintained plans: annual reviews (CFA s.44; regs 18-22), amendments, ceasing (regs 29-31), quality audits."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AnnualReview,
    Plan,
    PlanStatus,
    PlanVersion,
    QualityAudit,
    SenStatus,
    VersionKind,
)
from sendhub.cases.models.plans import SECTION_CODES, Grade
from sendhub.cases.services import letters, reviews
from sendhub.cases.services.common import add_timeline, check_and_bump_version
from sendhub.cases.services.plan_issue import new_version

# The plan's sections moved to plan_sections; callers still reach them here.
from sendhub.cases.services.plan_sections import SETTING_FIELDS as SETTING_FIELDS
from sendhub.cases.services.plan_sections import add_outcome as add_outcome
from sendhub.cases.services.plan_sections import add_provision as add_provision
from sendhub.cases.services.plan_sections import sections_from as sections_from
from sendhub.cases.services.plan_sections import update_budget as update_budget
from sendhub.cases.services.plan_sections import update_plan_setting as update_plan_setting
from sendhub.cases.services.review_document import keep_review_report
from sendhub.cases.services.status import refresh_status
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError
from sendhub.lib.dates import long_date


def _live(plan: Plan) -> None:
    if plan.status not in {PlanStatus.ACTIVE, PlanStatus.CEASING}:
        raise CaseStateError("This plan is not being maintained")


def _open_review(plan: Plan) -> AnnualReview | None:
    return plan.reviews.filter(decision_on__isnull=True).order_by("-meeting").first()


@transaction.atomic
def record_review_meeting(
    *, plan: Plan, meeting: date, by: User, today: date, phase_transfer: bool = False
) -> AnnualReview:
    """CFA s.44(1): the review meeting, within 12 months of the plan or the last review (reg 20)."""
    _live(plan)
    if _open_review(plan) is not None:
        raise CaseStateError("Finish the open review (report and decision) first")
    if plan.start_date and meeting < plan.start_date:
        raise CaseStateError("The review cannot be before the plan was issued", field="meeting")
    if meeting > today:
        raise CaseStateError("Record the meeting once it has taken place", field="meeting")
    previous = plan.reviews.order_by("-meeting").first()
    review = AnnualReview(plan=plan, meeting=meeting, phase_transfer=phase_transfer)
    review.full_clean()
    review.save()
    reviews.invite_defaults(review)
    on_time = rules.review_on_time(
        plan.start_date or meeting, previous.meeting if previous else None, meeting
    )
    add_timeline(plan.child, on=meeting, kind="review", summary="Annual review meeting held", by=by)
    record_event(
        actor=by, action="cases.review.meeting", target=plan, data={"review": review.pk, "on_time": on_time}
    )
    refresh_status(plan.child, today)
    return review


@transaction.atomic
def record_review_report(*, review: AnnualReview, sent: date, by: User, today: date) -> AnnualReview:
    """Reg 20(7)-(8): the review report, within 2 weeks of the meeting; its PDF is kept on the review."""
    if sent < review.meeting or sent > today:
        raise CaseStateError("The report date must be between the meeting and today", field="sent")
    review.report_sent = sent
    review.full_clean()
    review.save(update_fields=["report_sent"])
    keep_review_report(review=review, by=by, today=today)  # the report as sent, on the case (reg 20(8))
    record_event(
        actor=by,
        action="cases.review.report",
        target=review.plan,
        data={"late": sent > rules.review_report_due(review.meeting)},
    )
    refresh_status(review.plan.child, today)
    return review


@transaction.atomic
def record_review_decision(
    *, review: AnnualReview, outcome: str, decided_on: date, by: User, today: date
) -> AnnualReview:
    """Reg 20(10): keep, amend or cease, decided and notified within 4 weeks of the meeting."""
    if review.decision_on is not None:
        raise CaseStateError("The decision after this review has been recorded")
    if decided_on < review.meeting or decided_on > today:
        raise CaseStateError("The decision date must be between the meeting and today", field="decided_on")
    review.decision_on, review.outcome = decided_on, rules.ReviewOutcome(outcome).value
    review.full_clean()
    review.save(update_fields=["decision_on", "outcome"])
    add_timeline(
        review.plan.child,
        on=decided_on,
        kind="review",
        summary=f"After review: {review.get_outcome_display().lower()}",
        by=by,
    )
    record_event(
        actor=by,
        action="cases.review.decision",
        target=review.plan,
        data={"outcome": outcome, "late": decided_on > rules.review_decision_due(review.meeting)},
    )
    refresh_status(review.plan.child, today)
    letters.for_step(
        f"review-{review.outcome}",
        child=review.plan.child,
        by=by,
        today=today,
        plan=review.plan,
        review=review,
        context={
            "review_meeting": letters.long_date(review.meeting),
            "decision_date": letters.long_date(decided_on),
        },
    )
    return review


@transaction.atomic
def propose_amendments(
    *,
    plan: Plan,
    notice_sent: date,
    sections: dict[str, str],
    by: User,
    today: date,
    expected_version: int | None = None,
    review: AnnualReview | None = None,
) -> PlanVersion:
    """Reg 22(1)-(2): send the proposed amendments, with 15 days for representations.

    ``review``: the annual review whose decision to amend (reg 20(10)) these amendments follow; it is
    linked to the version so its page shows the amendment it started."""
    _live(plan)
    if review is not None and (review.plan_id != plan.pk or review.outcome != rules.ReviewOutcome.AMEND):
        raise CaseStateError("That review did not decide to amend this plan")
    check_and_bump_version(plan, expected_version)
    version = new_version(
        plan, kind=VersionKind.AMENDMENT_PROPOSED, issued_on=notice_sent, sections=sections, by=by
    )
    plan.amendment_notice = notice_sent
    plan.full_clean()
    plan.save(update_fields=["amendment_notice"])
    if review is not None:
        review.amendment = version
        review.save(update_fields=["amendment"])
    add_timeline(plan.child, on=notice_sent, kind="plan", summary="Proposed amendments sent", by=by)
    record_event(
        actor=by, action="cases.plan.amendments_proposed", target=plan, data={"version": version.number}
    )
    refresh_status(plan.child, today)
    letters.for_step(
        "amendments-proposed",
        child=plan.child,
        by=by,
        today=today,
        plan=plan,
        plan_version=version,
        context={
            "issued_on": letters.long_date(notice_sent),
            "comments_due": letters.long_date(rules.amendment_representations_end(notice_sent)),
        },
    )
    return version


@transaction.atomic
def issue_amended(
    *,
    plan: Plan,
    issued_on: date,
    sections: dict[str, str],
    by: User,
    today: date,
    expected_version: int | None = None,
) -> PlanVersion:
    """Reg 22(3): the amended plan, within 8 weeks of the proposed amendments."""
    _live(plan)
    if plan.amendment_notice is None or (
        plan.amended_issued and plan.amended_issued >= plan.amendment_notice
    ):
        raise CaseStateError("Send the proposed amendments first (reg 22(1))")
    if issued_on < plan.amendment_notice or issued_on > today:
        raise CaseStateError(
            "The amended plan date must be between the proposed amendments and today", field="issued_on"
        )
    check_and_bump_version(plan, expected_version)
    version = new_version(plan, kind=VersionKind.AMENDED, issued_on=issued_on, sections=sections, by=by)
    plan.amended_issued = issued_on
    plan.full_clean()
    plan.save(update_fields=["amended_issued"])
    add_timeline(plan.child, on=issued_on, kind="plan", summary="Amended EHC plan issued", by=by)
    record_event(
        actor=by,
        action="cases.plan.amended_issued",
        target=plan,
        data={"late": issued_on > rules.amended_plan_due(plan.amendment_notice)},
    )
    refresh_status(plan.child, today)
    last_review = plan.reviews.order_by("-meeting").first()
    letters.for_step(
        "phase-transfer" if last_review is not None and last_review.phase_transfer else "amended-final",
        child=plan.child,
        by=by,
        today=today,
        plan=plan,
        plan_version=version,
        context={
            "issued_on": letters.long_date(issued_on),
            "setting_name": plan.named_setting_label() or "the school or college in section I",
        },
    )
    return version


@transaction.atomic
def give_cease_notice(
    *,
    plan: Plan,
    notice: date,
    reason: rules.CeaseReason,
    sen2_reason: str,
    by: User,
    today: date,
    consulted_parent: bool,
    consulted_setting: bool,
    reviewed_since_leaving: bool = False,
    expected_version: int | None = None,
) -> Plan:
    """Regs 29-31: the notice of a decision to cease, after consultation; maintained until the appeal period ends."""
    _live(plan)
    blockers = rules.cease_blockers(
        rules.CeaseCheck(
            birth=plan.child.birth_date,
            decision_date=notice,
            reason=reason,
            consulted_parent_or_young_person=consulted_parent,
            consulted_setting=consulted_setting,
            reviewed_since_leaving=reviewed_since_leaving,
        )
    )
    if blockers:
        raise CaseStateError(blockers[0])
    check_and_bump_version(plan, expected_version)
    plan.status, plan.cease_notice, plan.cease_reason = PlanStatus.CEASING, notice, sen2_reason
    plan.full_clean()
    plan.save(update_fields=["status", "cease_notice", "cease_reason"])
    add_timeline(
        plan.child, on=notice, kind="plan", summary="Notice of decision to cease the plan sent", by=by
    )
    record_event(actor=by, action="cases.plan.cease_notice", target=plan, data={"reason": sen2_reason})
    refresh_status(plan.child, today)
    letters.for_step(
        "cease-notice",
        child=plan.child,
        by=by,
        today=today,
        plan=plan,
        context={"reasons": plan.get_cease_reason_display(), "decision_date": letters.long_date(notice)},
    )
    return plan


@transaction.atomic
def record_ceased(*, plan: Plan, ceased_on: date, by: User, today: date, appeal_lodged: bool = False) -> Plan:
    if plan.status != PlanStatus.CEASING or plan.cease_notice is None:
        raise CaseStateError("Send the notice of the decision to cease first")
    if appeal_lodged:
        raise CaseStateError("The plan is maintained until the appeal is decided")
    end = rules.plan_maintained_until(plan.cease_notice, appeal_lodged=False)
    if end is not None and ceased_on <= end:
        raise CaseStateError(f"The plan must be maintained until the appeal period ends ({long_date(end)})")
    plan.status, plan.ceased = PlanStatus.CEASED, ceased_on
    plan.full_clean()
    plan.save(update_fields=["status", "ceased"])
    child = plan.child
    child.sen_status = SenStatus.NONE
    child.full_clean()
    child.save(update_fields=["sen_status"])
    add_timeline(child, on=ceased_on, kind="plan", summary="EHC plan ceased", by=by)
    record_event(actor=by, action="cases.plan.ceased", target=plan, data={"reason": plan.cease_reason})
    refresh_status(child, today)
    return plan


@transaction.atomic
def record_quality_audit(
    *, version: PlanVersion, grades: dict[str, str], overall: str, comments: str, by: User, audited_on: date
) -> QualityAudit:
    """A plan quality audit: every section graded good, requires improvement or inadequate."""
    missing = [code for code in SECTION_CODES if code not in grades]
    bad = [code for code, grade in grades.items() if code not in SECTION_CODES or grade not in Grade.values]
    if missing or bad:
        raise CaseStateError("Grade every section A to K as good, requires improvement or inadequate")
    audit = QualityAudit(
        version=version,
        auditor=by,
        audited_on=audited_on,
        grades=grades,
        overall=overall,
        comments=comments,
        sample_month=audited_on.replace(day=1),
    )
    audit.full_clean()
    audit.save()
    record_event(actor=by, action="cases.plan.audited", target=version.plan, data={"overall": overall})
    return audit


@transaction.atomic
def send_review_invitation(*, plan: Plan, by: User | None, today: date, batch: Any = None) -> list[Any]:
    """CFA s.44(1), regs 19-20: tell the family the annual review is due, and by when."""
    return review_invitation(plan=plan, by=by, today=today, batch=batch)


def review_invitation(
    *, plan: Plan, by: User | None, today: date, batch: Any = None, template: Any = None
) -> list[Any]:
    """The invitation's letters, inside the caller's transaction: a batch keeps many letters in one."""
    _live(plan)
    if hasattr(plan, "last_review"):  # annotated by letter_selectors.plans_with_review_due for a batch
        last_meeting = plan.last_review
    else:
        last = plan.reviews.order_by("-meeting").first()
        last_meeting = last.meeting if last else None
    due = rules.annual_review_due(plan.start_date or today, last_meeting)
    made = letters.for_step(
        "review-invitation",
        child=plan.child,
        by=by,
        today=today,
        plan=plan,
        batch=batch,
        template=template,
        context={"review_due": letters.long_date(due)},
    )
    add_timeline(plan.child, on=today, kind="review", summary="Annual review invitation sent", by=by)
    return made
