"""Demo requests for assessment and plans: each synthetic case as rows (requests, advice, exceptions, timeline,
plans) with bulk_create, and each child's stored stage."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.demo.plans import plan_rows
from sendhub.cases.models import (
    AdviceRequest,
    AssessmentException,
    AssessmentRequest,
    Child,
    Plan,
    PlanStatus,
    RequestStatus,
    TimelineEntry,
)
from sendhub.cases.rules import Stage
from sendhub.cases.synthetic.population import SyntheticChild
from sendhub.cases.synthetic.timelines import SyntheticCase
from sendhub.schools.models import SettingType

ADVICE_KIND = {
    "educational": "educational",
    "psychological": "psychological",
    "health": "medical",
    "social_care": "social_care",
}
# The name shown for an adviser the demo does not give an account ("Social care adviser", not a raw code).
ADVICE_KIND_LABELS = {
    "educational": "Education",
    "psychological": "Educational psychology",
    "medical": "Health",
    "social_care": "Social care",
}
ADVISER_EMAIL = {"psychological": "ep", "medical": "health", "social_care": "socialcare"}
PLAN_STATUS = {Stage.CEASING: PlanStatus.CEASING, Stage.CEASED: PlanStatus.CEASED}


def child_status(sc: SyntheticChild, today: date) -> rules.CaseStatus | None:
    for case in sc.cases:
        if case.plan is not None:
            due = rules.cohort_phase_transfer_due(sc.birth, today)
            status = rules.plan_status(dataclasses.replace(case.plan, phase_transfer_due=due), today)
            return None if status.stage.closed else status
        status = rules.assessment_status(case.assessment, today)
        return None if status.stage.closed else status
    return None


def _request_status(case: SyntheticCase) -> str:
    f = case.assessment
    if f.final_issued:
        return RequestStatus.ISSUED
    if f.decided_not_to_assess:
        return RequestStatus.NOT_ASSESSED
    if f.decided_not_to_issue:
        return RequestStatus.NOT_ISSUED
    if f.withdrawn:
        return RequestStatus.WITHDRAWN
    return RequestStatus.OPEN


def cases(
    population: list[SyntheticChild], saved: dict[str, Child], rng: random.Random, today: date
) -> dict[str, int]:
    advisers = {
        key: User.objects.filter(email=f"{local}@demo.sendhub.test").first()
        for key, local in ADVISER_EMAIL.items()
    }
    requests, pairs = [], []
    for sc in population:
        child = saved[sc.key]
        for case in sc.cases:
            f = case.assessment
            requests.append(
                AssessmentRequest(
                    child=child,
                    received=f.received,
                    source=case.source.value,
                    status=_request_status(case),
                    decided_to_assess=f.decided_to_assess,
                    decided_not_to_assess=f.decided_not_to_assess,
                    decided_to_issue=f.decided_to_issue,
                    decided_not_to_issue=f.decided_not_to_issue,
                    draft_issued=f.draft_issued,
                    setting_consulted=f.setting_consulted,
                    setting_responded=f.setting_responded,
                    final_issued=f.final_issued,
                    withdrawn=f.withdrawn,
                    officer=child.officer,
                )
            )
            pairs.append((child, case))
    AssessmentRequest.objects.bulk_create(requests, batch_size=1000)
    advice, exceptions, plans, timeline = [], [], [], []
    for request, (child, case) in zip(requests, pairs, strict=True):
        f = case.assessment
        for kind, a in zip(["educational", "psychological", "health", "social_care"], f.advice, strict=False):
            mapped = ADVICE_KIND[kind]
            adviser = advisers.get(mapped) if a.received is None or rng.random() < 0.1 else None
            advice.append(
                AdviceRequest(
                    request=request,
                    kind=mapped,
                    requested_on=a.requested,
                    due=a.due,
                    received_on=a.received,
                    adviser=adviser,
                    adviser_name=adviser.full_name if adviser else f"{ADVICE_KIND_LABELS[mapped]} adviser",
                )
            )
        for e in f.exceptions:
            exceptions.append(
                AssessmentException(request=request, reason=e.reason.value, start=e.start, end=e.end)
            )
        timeline.append(
            TimelineEntry(
                child=child,
                occurred_on=f.received,
                kind="request",
                summary="Request for an EHC needs assessment received",
            )
        )
        for when, text in [
            (f.decided_to_assess, "Decided to assess"),
            (f.decided_not_to_assess, "Decided not to assess"),
            (f.draft_issued, "Draft EHC plan issued"),
            (f.final_issued, "Final EHC plan issued"),
            (f.decided_not_to_issue, "Decided not to issue a plan"),
            (f.withdrawn, "Request withdrawn"),
        ]:
            if when:
                timeline.append(TimelineEntry(child=child, occurred_on=when, kind="decision", summary=text))
        if case.plan is not None:
            p = case.plan
            unit, resourced = _unit_or_resourced(child) if p.ceased is None else (False, False)
            plans.append(
                (
                    Plan(
                        child=child,
                        request=request,
                        status=PLAN_STATUS.get(case.stage, PlanStatus.ACTIVE),
                        start_date=p.issued,
                        named_setting=child.school,
                        named_setting_type="" if child.school else _type_without_school(child, p.issued),
                        named_setting_sen_unit=unit,
                        named_setting_resourced_provision=resourced,
                        amendment_notice=p.amendment_notice,
                        amended_issued=p.amended_issued,
                        cease_notice=p.cease_notice,
                        ceased=p.ceased,
                        cease_reason=rng.choice(["2", "3", "4", "5", "6"]) if p.cease_notice else "",
                        personal_budget=rng.random() < 0.06,
                    ),
                    case,
                )
            )
        elif f.draft_issued is not None:
            plans.append((Plan(child=child, request=request, status=PlanStatus.DRAFT), case))
    AdviceRequest.objects.bulk_create(advice, batch_size=2000)
    AssessmentException.objects.bulk_create(exceptions)
    Plan.objects.bulk_create([p for p, _ in plans], batch_size=1000)
    plan_rows(plans, rng, today)
    TimelineEntry.objects.bulk_create(timeline, batch_size=2000)
    return {"requests": len(requests), "plans": len(plans)}


def _unit_or_resourced(child: Child) -> tuple[bool, bool]:
    """Whether section I names the SEN unit or the resourced provision of the child's school (SEN2 items
    4.7e/4.7f): about half the plans naming a school that has one, a few per cent of all plans. Drawn from
    its own generator so the rest of the demo does not change with it."""
    if child.school is None or child.school.setting_type != SettingType.RESOURCED:
        return False, False
    own = random.Random(f"unit{child.last_name}{child.birth_date}")
    place = own.choices(["mainstream", "unit", "resourced"], weights=[5, 2, 3])[0]
    return place == "unit", place == "resourced"


def _type_without_school(child: Child, issued: date) -> str:
    """The setting type section I names for a child with no school: early years, EOTAS or home education.
    Drawn from its own generator so the rest of the demo does not change with it."""
    if (issued - child.birth_date).days < 5 * 365:
        return "EYP"
    own = random.Random(f"{child.last_name}{child.birth_date}")
    return own.choices(["OLA", "EHE", "OPA"], weights=[5, 3, 2])[0]
