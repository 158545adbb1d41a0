"""The EHC needs assessment: request, decisions, advice and exceptions (regs 3-10); the plan is in plan_issue."""

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
    PanelDecision,
    PlanStatus,
    RequestStatus,
)
from sendhub.cases.services import letters
from sendhub.cases.services.common import add_timeline, check_and_bump_version
from sendhub.cases.services.guards import not_before, not_future, require_open

# The draft and final plan moved to plan_issue; callers still reach them here.
from sendhub.cases.services.plan_issue import issue_draft as issue_draft
from sendhub.cases.services.plan_issue import issue_final as issue_final
from sendhub.cases.services.plan_issue import record_consultation as record_consultation
from sendhub.cases.services.status import refresh_status
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError


@transaction.atomic
def record_request(
    *, child: Child, received: date, source: str, requester_name: str = "", by: User, today: date
) -> AssessmentRequest:
    """CFA s.36(1): a request for an EHC needs assessment (or s.24, the child brought to notice)."""
    not_future(received, today, "received")
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
    require_open(request)
    if request.decided_to_assess or request.decided_not_to_assess:
        raise CaseStateError("A decision whether to assess has already been recorded")
    not_before(decided_on, request.received, "the request", "decided_on")
    not_future(decided_on, today, "decided_on")
    field = "decided_to_assess" if assess else "decided_not_to_assess"
    _save_decision(
        request, field, None if assess else RequestStatus.NOT_ASSESSED, decided_on, expected_version
    )
    late = decided_on > rules.decision_to_assess_due(request.received)
    summary = ("Decided to assess" if assess else "Decided not to assess") + (" (late)" if late else "")
    add_timeline(request.child, on=decided_on, kind="decision", summary=summary, by=by)
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


def _save_decision(
    request: AssessmentRequest,
    field: str,
    closes_as: str | None,
    decided_on: date,
    expected_version: int | None,
) -> None:
    """A decision whether to assess (reg 5) or to issue (reg 10): its date, and a "no" closes the request."""
    check_and_bump_version(request, expected_version)
    setattr(request, field, decided_on)
    if closes_as is not None:
        request.status = closes_as
    request.panel_on = None  # decided, at a panel or not: the listing for this question is over
    request.full_clean()
    request.save()


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
    require_open(request)
    if request.decided_to_assess is None:
        raise CaseStateError("Record the decision to assess before asking for advice")
    not_before(requested_on, request.decided_to_assess, "the decision to assess", "requested_on")
    not_future(requested_on, today, "requested_on")
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
    require_open(advice.request)
    if advice.received_on is not None:
        raise CaseStateError("This advice has already been recorded as received")
    if advice.declined_on is not None:
        raise CaseStateError("The adviser declined this request; ask for the advice again")
    not_before(received_on, advice.requested_on, "the request for advice")
    not_future(received_on, today)
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
    require_open(request)
    if request.decided_to_assess is None:
        raise CaseStateError("Record the decision to assess first")
    if request.decided_to_issue or request.decided_not_to_issue:
        raise CaseStateError("A decision whether to issue a plan has already been recorded")
    not_before(decided_on, request.decided_to_assess, "the decision to assess")
    not_future(decided_on, today)
    field = "decided_to_issue" if issue else "decided_not_to_issue"
    _save_decision(request, field, None if issue else RequestStatus.NOT_ISSUED, decided_on, expected_version)
    summary = "Decided to issue a plan" if issue else "Decided not to issue a plan"
    add_timeline(request.child, on=decided_on, kind="decision", summary=summary, by=by)
    record_event(actor=by, action="cases.request.issue_decision", target=request, data={"issue": issue})
    refresh_status(request.child, today)
    _decision_letters("issue-yes" if issue else "issue-no", request, decided_on, reasons, decision, by, today)
    return request


@transaction.atomic
def withdraw_request(
    *,
    request: AssessmentRequest,
    withdrawn_on: date,
    by: User,
    today: date,
    expected_version: int | None = None,
) -> AssessmentRequest:
    require_open(request)
    not_before(withdrawn_on, request.received, "the request")
    check_and_bump_version(request, expected_version)
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
