"""Maintained plans: annual reviews (CFA s.44; regs 18-22), amendments, ceasing (regs 29-31), quality audits."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AnnualReview,
    Outcome,
    Plan,
    PlanStatus,
    PlanVersion,
    Provision,
    QualityAudit,
    SenStatus,
    VersionKind,
)
from sendhub.cases.models.plans import SECTION_CODES, Grade
from sendhub.cases.rules.settings import NamedSetting
from sendhub.cases.services import letters
from sendhub.cases.services.common import add_timeline, apply_fields, check_and_bump_version
from sendhub.cases.services.requests import _new_version
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
    """Reg 20(7): the review report, within 2 weeks of the meeting."""
    if sent < review.meeting or sent > today:
        raise CaseStateError("The report date must be between the meeting and today", field="sent")
    review.report_sent = sent
    review.full_clean()
    review.save(update_fields=["report_sent"])
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
) -> PlanVersion:
    """Reg 22(1)-(2): send the proposed amendments, with 15 days for representations."""
    _live(plan)
    check_and_bump_version(plan, expected_version)
    version = _new_version(
        plan, kind=VersionKind.AMENDMENT_PROPOSED, issued_on=notice_sent, sections=sections, by=by
    )
    plan.amendment_notice = notice_sent
    plan.full_clean()
    plan.save(update_fields=["amendment_notice"])
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
    version = _new_version(plan, kind=VersionKind.AMENDED, issued_on=issued_on, sections=sections, by=by)
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


def sections_from(data: dict[str, Any]) -> dict[str, str]:
    return {code: str(data.get(f"section_{code}", "") or "") for code in SECTION_CODES}


def _editable_version(plan: Plan) -> PlanVersion:
    version = plan.editable_version()
    if version is None:
        raise CaseStateError("Outcomes and provision can only be added to a draft or to proposed amendments")
    return version


@transaction.atomic
def add_outcome(*, plan: Plan, description: str, area: str, by_when: date | None, by: User) -> Outcome:
    """Section E: an outcome sought (reg 12(1)(e)), on the draft or proposed amendments."""
    outcome = Outcome(version=_editable_version(plan), description=description, area=area, by_when=by_when)
    outcome.full_clean()
    outcome.save()
    record_event(actor=by, action="cases.plan.outcome_added", target=plan, data={"outcome": outcome.pk})
    return outcome


@transaction.atomic
def add_provision(
    *,
    plan: Plan,
    section: str,
    description: str,
    frequency: str,
    provider: str,
    outcome: Outcome | None,
    by: User,
) -> Provision:
    """Sections F, G, H1, H2: provision, specified and quantified (reg 12(1)(f)-(h))."""
    version = _editable_version(plan)
    if outcome is not None and outcome.version_id != version.pk:
        raise CaseStateError("Link the provision to an outcome of the same version")
    provision = Provision(
        version=version,
        section=section,
        description=description,
        frequency=frequency,
        provider=provider,
        outcome=outcome,
    )
    provision.full_clean()
    provision.save()
    record_event(actor=by, action="cases.plan.provision_added", target=plan, data={"provision": provision.pk})
    return provision


@transaction.atomic
def update_budget(
    *,
    plan: Plan,
    personal_budget: bool,
    amount: Any,
    direct_payment: str,
    by: User,
    expected_version: int | None,
    organised_arrangements: bool = False,
) -> Plan:
    """Section J: the personal budget (CFA s.49), organised arrangements and direct payments (SEN2 PB, OA, DP)."""
    if amount is not None and not personal_budget:
        raise CaseStateError("Only give an amount when there is a personal budget")
    if organised_arrangements and not personal_budget:
        raise CaseStateError("Organised arrangements are part of a personal budget: record the budget too")
    check_and_bump_version(plan, expected_version)
    plan.personal_budget, plan.personal_budget_amount, plan.direct_payment = (
        personal_budget,
        amount,
        direct_payment,
    )
    plan.organised_arrangements = organised_arrangements
    plan.full_clean()
    plan.save(
        update_fields=[
            "personal_budget",
            "personal_budget_amount",
            "direct_payment",
            "organised_arrangements",
        ]
    )
    record_event(
        actor=by, action="cases.plan.budget_updated", target=plan, data={"personal_budget": personal_budget}
    )
    return plan


SETTING_FIELDS = [
    "named_setting",
    "named_setting_type",
    "named_setting_other",
    "named_setting_sen_unit",
    "named_setting_resourced_provision",
    "second_setting",
    "second_setting_type",
    "second_setting_other",
    "second_setting_sen_unit",
    "second_setting_resourced_provision",
    "residential",
    "work_based",
]


@transaction.atomic
def update_plan_setting(
    *, plan: Plan, by: User, expected_version: int | None, fields: dict[str, Any], today: date
) -> Plan:
    """Section I: the settings named (SEN2 PlanDetail ranks 1 and 2), residential (PlanRes) and
    work-based learning (PlanWBP). A phase transfer or an amendment can change the setting named."""
    merged = {name: fields.get(name, getattr(plan, name)) for name in SETTING_FIELDS}
    problems = rules.named_setting_problems(_named(merged, "named_setting"), _named(merged, "second_setting"))
    if problems:
        raise CaseStateError("; ".join(problems))
    # Checked on the whole of section I, as named settings are, so a save never keeps a post-16 route
    # for a child of compulsory school age; the day of the change is the day the plan names it from.
    in_school = rules.work_based_problem(plan.child.birth_date, merged["work_based"] or "", today)
    if in_school:
        raise CaseStateError(in_school, field="work_based")
    check_and_bump_version(plan, expected_version)
    changed = apply_fields(plan, SETTING_FIELDS, merged)
    record_event(
        actor=by,
        action="cases.plan.setting_updated",
        target=plan,
        data={name: _plain(merged[name]) for name in changed},
    )
    return plan


def _named(fields: dict[str, Any], name: str) -> NamedSetting:
    school = fields[name]
    return NamedSetting(
        institution=school.pk if school is not None else None,
        setting_type=fields[f"{name}_type"] or "",
        description=fields[f"{name}_other"] or "",
        sen_unit=bool(fields[f"{name}_sen_unit"]),
        resourced_provision=bool(fields[f"{name}_resourced_provision"]),
    )


def _plain(value: Any) -> Any:
    return value.pk if hasattr(value, "pk") else value


@transaction.atomic
def send_review_invitation(*, plan: Plan, by: User | None, today: date, batch: Any = None) -> list[Any]:
    """CFA s.44(1), regs 19-20: tell the family the annual review is due, and by when."""
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
        context={"review_due": letters.long_date(due)},
    )
    add_timeline(plan.child, on=today, kind="review", summary="Annual review invitation sent", by=by)
    return made
