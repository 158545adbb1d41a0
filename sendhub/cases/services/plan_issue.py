"""The draft and final EHC plan of an assessment, and the consultation with the setting between them (reg 13)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AssessmentRequest,
    Outcome,
    Plan,
    PlanStatus,
    PlanVersion,
    Provision,
    RequestStatus,
    SenStatus,
    VersionKind,
)
from sendhub.cases.services import letters
from sendhub.cases.services.common import add_timeline, check_and_bump_version
from sendhub.cases.services.guards import not_before, not_future, require_open
from sendhub.cases.services.status import refresh_status
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError


def new_version(plan: Plan, *, kind: str, issued_on: date, sections: dict[str, str], by: User) -> PlanVersion:
    last = plan.latest_version()
    version = PlanVersion(
        plan=plan,
        number=(last.number + 1) if last else 1,
        kind=kind,
        issued_on=issued_on,
        sections=sections,
        created_by=by,
    )
    version.full_clean()
    version.save()
    if last is not None:
        carry_forward(last, version)
    return version


def carry_forward(previous: PlanVersion, version: PlanVersion) -> None:
    """Each version starts with the previous version's structured outcomes and provision (kept on both)."""
    mapping: dict[int, Outcome] = {}
    for outcome in previous.outcomes.all():
        copied = Outcome(
            version=version, description=outcome.description, area=outcome.area, by_when=outcome.by_when
        )
        copied.full_clean()
        copied.save()
        mapping[outcome.pk] = copied
    for item in previous.provision.all():
        provision = Provision(
            version=version,
            section=item.section,
            description=item.description,
            frequency=item.frequency,
            provider=item.provider,
            outcome=mapping.get(item.outcome_id) if item.outcome_id else None,
        )
        provision.full_clean()
        provision.save()


@transaction.atomic
def issue_draft(
    *, request: AssessmentRequest, issued_on: date, sections: dict[str, str], by: User, today: date
) -> PlanVersion:
    """Reg 13(1): send the draft plan, giving at least 15 days for comments and to request a setting."""
    require_open(request)
    if request.decided_to_assess is None:
        raise CaseStateError("Record the decision to assess first")
    not_before(issued_on, request.decided_to_assess, "the decision to assess")
    not_future(issued_on, today)
    plan, _ = Plan.objects.get_or_create(request=request, defaults={"child": request.child})
    version = new_version(plan, kind=VersionKind.DRAFT, issued_on=issued_on, sections=sections, by=by)
    request.decided_to_issue = request.decided_to_issue or issued_on
    request.draft_issued = issued_on
    request.full_clean()
    request.save(update_fields=["decided_to_issue", "draft_issued"])
    add_timeline(request.child, on=issued_on, kind="plan", summary="Draft EHC plan issued", by=by)
    record_event(actor=by, action="cases.plan.draft_issued", target=plan, data={"version": version.number})
    refresh_status(request.child, today)
    letters.for_step(
        "draft-plan",
        child=request.child,
        by=by,
        today=today,
        request=request,
        plan=plan,
        plan_version=version,
        context={
            "issued_on": letters.long_date(issued_on),
            "comments_due": letters.long_date(rules.draft_representations_end(issued_on)),
        },
    )
    return version


@transaction.atomic
def record_consultation(
    *,
    request: AssessmentRequest,
    consulted: date,
    responded: date | None,
    by: User,
    today: date,
    expected_version: int | None = None,
) -> AssessmentRequest:
    """CFA s.39: consultation with the requested setting (15 days to respond)."""
    require_open(request)
    not_before(consulted, request.draft_issued, "the draft plan", "consulted")
    first_recorded = request.setting_consulted is None
    if responded is not None:
        not_before(responded, consulted, "the consultation", "responded")
        not_future(responded, today, "responded")
    check_and_bump_version(request, expected_version)
    request.setting_consulted, request.setting_responded = consulted, responded
    request.full_clean()
    request.save(update_fields=["setting_consulted", "setting_responded"])
    record_event(
        actor=by, action="cases.request.consultation", target=request, data={"responded": bool(responded)}
    )
    refresh_status(request.child, today)
    if first_recorded:  # the letter goes when the consultation starts, not when the answer is recorded
        plan = Plan.objects.filter(request=request).first()
        setting = (plan.named_setting if plan else None) or request.child.school
        letters.for_step(
            "consultation",
            child=request.child,
            by=by,
            today=today,
            request=request,
            setting=setting,
            context={
                "setting_name": str(setting) if setting else "your school or college",
                "response_due": letters.long_date(rules.setting_consultation_due(consulted)),
            },
        )
    return request


@transaction.atomic
def issue_final(
    *,
    request: AssessmentRequest,
    issued_on: date,
    sections: dict[str, str],
    by: User,
    today: date,
    named_setting: Any = None,
) -> PlanVersion:
    """Reg 13(2): the final plan, within 20 weeks of the request (reported with and without exceptions)."""
    require_open(request)
    if request.draft_issued is None:
        raise CaseStateError("Issue the draft plan first (reg 13(1))")
    if issued_on < rules.earliest_final_plan(request.draft_issued) and request.setting_responded is None:
        raise CaseStateError("The 15 days for comments on the draft have not passed (reg 13(1))")
    not_future(issued_on, today)
    plan = request.plan
    version = new_version(plan, kind=VersionKind.FINAL, issued_on=issued_on, sections=sections, by=by)
    plan.status, plan.start_date, plan.named_setting = PlanStatus.ACTIVE, issued_on, named_setting
    plan.full_clean()
    plan.save()
    request.final_issued, request.status = issued_on, RequestStatus.ISSUED
    request.full_clean()
    request.save(update_fields=["final_issued", "status"])
    child = request.child
    child.sen_status = SenStatus.EHCP
    child.full_clean()
    child.save(update_fields=["sen_status"])
    t = rules.plan_timeliness(
        request.received,
        issued_on,
        [
            rules.ExceptionPeriod(rules.ExceptionReason(e.reason), e.start, e.end)
            for e in request.exceptions.all()
        ],
    )
    add_timeline(child, on=issued_on, kind="plan", summary="Final EHC plan issued", by=by)
    record_event(
        actor=by,
        action="cases.plan.final_issued",
        target=plan,
        data={"within_20_weeks": t.on_time, "exception": t.exception_applies},
    )
    refresh_status(child, today)
    letters.for_step(
        "final-plan",
        child=child,
        by=by,
        today=today,
        request=request,
        plan=plan,
        plan_version=version,
        context={
            "issued_on": letters.long_date(issued_on),
            "setting_name": plan.named_setting_label() or "the school or college in section I",
        },
    )
    return version
