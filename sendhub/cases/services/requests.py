"""The EHC needs assessment: request, decisions, advice, exceptions, draft and final plan (regs 3-14)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AdviceRequest,
    AssessmentException,
    AssessmentRequest,
    Child,
    Outcome,
    PanelDecision,
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
from sendhub.cases.services.status import refresh_status
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError
from sendhub.lib.dates import long_date


def _open(request: AssessmentRequest) -> None:
    if request.status != RequestStatus.OPEN:
        raise CaseStateError("This request is closed; no further steps can be recorded")


# ``field``: the form field the date was entered in, so the refusal shows on it (core.forms.add_refusal).
def _not_before(when: date, earliest: date | None, what: str, field: str = "on") -> None:
    if earliest is not None and when < earliest:
        raise CaseStateError(f"The date cannot be before {what} ({long_date(earliest)})", field=field)


def _not_future(when: date, today: date, field: str = "on") -> None:
    if when > today:
        raise CaseStateError("The date cannot be in the future", field=field)


@transaction.atomic
def record_request(
    *, child: Child, received: date, source: str, requester_name: str = "", by: User, today: date
) -> AssessmentRequest:
    """CFA s.36(1): a request for an EHC needs assessment (or s.24, the child brought to notice)."""
    _not_future(received, today, "received")
    if child.requests.filter(status=RequestStatus.OPEN).exists():
        raise CaseStateError("This child already has an open request for an assessment")
    if child.plans.filter(status__in=[PlanStatus.ACTIVE, PlanStatus.CEASING, PlanStatus.DRAFT]).exists():
        raise CaseStateError("This child already has an EHC plan; review it instead")
    request = AssessmentRequest(
        child=child, received=received, source=source, requester_name=requester_name, officer=child.officer
    )
    request.full_clean()
    request.save()
    add_timeline(
        child, on=received, kind="request", summary="Request for an EHC needs assessment received", by=by
    )
    record_event(
        actor=by, action="cases.request.created", target=request, data={"child": child.pk, "source": source}
    )
    refresh_status(child, today)
    letters.for_step(
        "request-acknowledgement",
        child=child,
        by=by,
        today=today,
        request=request,
        context={
            "received": letters.long_date(received),
            "decision_date": letters.long_date(rules.decision_to_assess_due(received)),
        },
    )
    return request


@transaction.atomic
def record_assessment_decision(
    *,
    request: AssessmentRequest,
    assess: bool,
    decided_on: date,
    by: User,
    today: date,
    expected_version: int | None = None,
    reasons: str = "",
    decision: PanelDecision | None = None,
) -> AssessmentRequest:
    """Reg 5(1): decide whether to assess, and notify, within 6 weeks of the request (the letter with it)."""
    _open(request)
    if request.decided_to_assess or request.decided_not_to_assess:
        raise CaseStateError("A decision whether to assess has already been recorded")
    _not_before(decided_on, request.received, "the request", "decided_on")
    _not_future(decided_on, today, "decided_on")
    check_and_bump_version(request, expected_version)
    if assess:
        request.decided_to_assess = decided_on
    else:
        request.decided_not_to_assess = decided_on
        request.status = RequestStatus.NOT_ASSESSED
    request.panel_on = None  # decided, at a panel or not: the listing for this question is over
    request.full_clean()
    request.save()
    late = decided_on > rules.decision_to_assess_due(request.received)
    add_timeline(
        request.child,
        on=decided_on,
        kind="decision",
        summary=("Decided to assess" if assess else "Decided not to assess") + (" (late)" if late else ""),
        by=by,
    )
    record_event(
        actor=by,
        action="cases.request.assess_decision",
        target=request,
        data={"assess": assess, "late": late},
    )
    refresh_status(request.child, today)
    _decision_letters(
        "assess-yes" if assess else "assess-no", request, decided_on, reasons, decision, by, today
    )
    return request


def _decision_letters(
    key: str,
    request: AssessmentRequest,
    decided_on: date,
    reasons: str,
    decision: PanelDecision | None,
    by: User,
    today: date,
) -> None:
    letters.for_step(
        key,
        child=request.child,
        by=by,
        today=today,
        request=request,
        decision=decision,
        context={
            "received": letters.long_date(request.received),
            "decision_date": letters.long_date(decided_on),
            "reasons": reasons,
        },
    )


@transaction.atomic
def request_advice(
    *,
    request: AssessmentRequest,
    kind: str,
    requested_on: date,
    by: User,
    today: date,
    adviser: User | None = None,
    adviser_name: str = "",
) -> AdviceRequest:
    """Reg 6(1) advice, due 6 weeks from the request for it (reg 8(1))."""
    _open(request)
    if request.decided_to_assess is None:
        raise CaseStateError("Record the decision to assess before asking for advice")
    _not_before(requested_on, request.decided_to_assess, "the decision to assess", "requested_on")
    _not_future(requested_on, today, "requested_on")
    advice = AdviceRequest(
        request=request,
        kind=kind,
        requested_on=requested_on,
        adviser=adviser,
        adviser_name=adviser_name or (adviser.full_name if adviser else ""),
        due=rules.advice_due(requested_on),
    )
    advice.full_clean()
    advice.save()
    add_timeline(
        request.child, on=requested_on, kind="advice", summary=f"{advice.get_kind_display()} requested", by=by
    )
    record_event(
        actor=by, action="cases.advice.requested", target=request, data={"advice": advice.pk, "kind": kind}
    )
    refresh_status(request.child, today)
    letters.for_step(
        "advice-request",
        child=request.child,
        by=by,
        today=today,
        request=request,
        advice=advice,
        context={
            "advice_kind": advice.get_kind_display().lower(),
            "advice_due": letters.long_date(advice.due),
        },
    )
    return advice


@transaction.atomic
def record_advice_received(
    *, advice: AdviceRequest, received_on: date, by: User, today: date
) -> AdviceRequest:
    _open(advice.request)
    if advice.received_on is not None:
        raise CaseStateError("This advice has already been recorded as received")
    if advice.declined_on is not None:
        raise CaseStateError("The adviser declined this request; ask for the advice again")
    _not_before(received_on, advice.requested_on, "the request for advice")
    _not_future(received_on, today)
    advice.received_on = received_on
    advice.full_clean()
    advice.save(update_fields=["received_on"])
    add_timeline(
        advice.request.child,
        on=received_on,
        kind="advice",
        summary=f"{advice.get_kind_display()} received",
        by=by,
    )
    record_event(
        actor=by,
        action="cases.advice.received",
        target=advice.request,
        data={"advice": advice.pk, "late": received_on > advice.due},
    )
    refresh_status(advice.request.child, today)
    return advice


@transaction.atomic
def record_exception(
    *, request: AssessmentRequest, reason: str, start: date, end: date, note: str = "", by: User
) -> AssessmentException:
    """Reg 10(4): record an exception to the time limits; the case is then reported both ways."""
    problems = rules.validate_exception(
        rules.ExceptionPeriod(rules.ExceptionReason(reason), start, end), received=request.received
    )
    if problems:
        raise CaseStateError(problems[0])
    exception = AssessmentException(request=request, reason=reason, start=start, end=end, note=note)
    exception.full_clean()
    exception.save()
    record_event(actor=by, action="cases.request.exception", target=request, data={"reason": reason})
    return exception


@transaction.atomic
def record_issue_decision(
    *,
    request: AssessmentRequest,
    issue: bool,
    decided_on: date,
    by: User,
    today: date,
    reasons: str = "",
    decision: PanelDecision | None = None,
    expected_version: int | None = None,
) -> AssessmentRequest:
    """Reg 10(1): a decision not to issue is notified within 16 weeks; otherwise draft the plan (reg 13)."""
    _open(request)
    if request.decided_to_assess is None:
        raise CaseStateError("Record the decision to assess first")
    if request.decided_to_issue or request.decided_not_to_issue:
        raise CaseStateError("A decision whether to issue a plan has already been recorded")
    _not_before(decided_on, request.decided_to_assess, "the decision to assess")
    _not_future(decided_on, today)
    check_and_bump_version(request, expected_version)
    if issue:
        request.decided_to_issue = decided_on
    else:
        request.decided_not_to_issue = decided_on
        request.status = RequestStatus.NOT_ISSUED
    request.panel_on = None  # decided, at a panel or not: the listing for this question is over
    request.full_clean()
    request.save()
    add_timeline(
        request.child,
        on=decided_on,
        kind="decision",
        summary="Decided to issue a plan" if issue else "Decided not to issue a plan",
        by=by,
    )
    record_event(actor=by, action="cases.request.issue_decision", target=request, data={"issue": issue})
    refresh_status(request.child, today)
    _decision_letters("issue-yes" if issue else "issue-no", request, decided_on, reasons, decision, by, today)
    return request


def _new_version(
    plan: Plan, *, kind: str, issued_on: date, sections: dict[str, str], by: User
) -> PlanVersion:
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
        _carry_forward(last, version)
    return version


def _carry_forward(previous: PlanVersion, version: PlanVersion) -> None:
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
    _open(request)
    if request.decided_to_assess is None:
        raise CaseStateError("Record the decision to assess first")
    _not_before(issued_on, request.decided_to_assess, "the decision to assess")
    _not_future(issued_on, today)
    plan, _ = Plan.objects.get_or_create(request=request, defaults={"child": request.child})
    version = _new_version(plan, kind=VersionKind.DRAFT, issued_on=issued_on, sections=sections, by=by)
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
    *, request: AssessmentRequest, consulted: date, responded: date | None, by: User, today: date
) -> AssessmentRequest:
    """CFA s.39: consultation with the requested setting (15 days to respond)."""
    _open(request)
    _not_before(consulted, request.draft_issued, "the draft plan", "consulted")
    first_recorded = request.setting_consulted is None
    if responded is not None:
        _not_before(responded, consulted, "the consultation", "responded")
        _not_future(responded, today, "responded")
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
    _open(request)
    if request.draft_issued is None:
        raise CaseStateError("Issue the draft plan first (reg 13(1))")
    if issued_on < rules.earliest_final_plan(request.draft_issued) and request.setting_responded is None:
        raise CaseStateError("The 15 days for comments on the draft have not passed (reg 13(1))")
    _not_future(issued_on, today)
    plan = request.plan
    version = _new_version(plan, kind=VersionKind.FINAL, issued_on=issued_on, sections=sections, by=by)
    plan.status, plan.start_date, plan.named_setting = PlanStatus.ACTIVE, issued_on, named_setting
    plan.full_clean()
    plan.save()
    request.final_issued, request.status = issued_on, RequestStatus.ISSUED
    request.save(update_fields=["final_issued", "status"])
    child = request.child
    child.sen_status = SenStatus.EHCP
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


@transaction.atomic
def withdraw_request(
    *, request: AssessmentRequest, withdrawn_on: date, by: User, today: date
) -> AssessmentRequest:
    _open(request)
    _not_before(withdrawn_on, request.received, "the request")
    request.withdrawn, request.status = withdrawn_on, RequestStatus.WITHDRAWN
    request.full_clean()
    request.save(update_fields=["withdrawn", "status"])
    add_timeline(request.child, on=withdrawn_on, kind="request", summary="Request withdrawn", by=by)
    record_event(actor=by, action="cases.request.withdrawn", target=request)
    refresh_status(request.child, today)
    return request


def officer_for_school(school: Any, by: User) -> User | None:
    """Case officers are linked to schools (User.schools); new cases go to the school's officer."""
    from sendhub.accounts.models import Role

    if school is not None:
        linked = school.staff_accounts.filter(role=Role.CASE_OFFICER, is_active=True).order_by("pk").first()
        if linked is not None:
            return linked
    return by if by.role == Role.CASE_OFFICER else None


@transaction.atomic
def intake(
    *,
    by: User,
    today: date,
    first_name: str,
    last_name: str,
    birth_date: date,
    sex: str,
    upn: str,
    received: date,
    source: str,
    requester_name: str = "",
    confirm_new: bool = False,
    school: Any = None,
) -> AssessmentRequest:
    """A request for a child new to the service: create the record, then the request, in one transaction."""
    from sendhub.cases.services.children import create_child

    if birth_date > today:
        raise CaseStateError("The date of birth cannot be in the future", field="birth_date")
    if rules.age_on(birth_date, received) > 25:
        raise CaseStateError("EHC needs assessments are for children and young people aged 0 to 25")
    child = create_child(
        by=by,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        birth_date=birth_date,
        sex=sex,
        upn=upn.strip().upper(),
        school=school,
        officer=officer_for_school(school, by),
    )
    return record_request(
        child=child, received=received, source=source, requester_name=requester_name, by=by, today=today
    )
