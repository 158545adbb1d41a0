"""Reads for SEN2: a collection year's casework (loaded by `sen2.scope`) mapped onto the return's dataclasses.

The mapping is "as at the reference date" R (the census date): anything dated after R is left out, as
if it had not happened yet. The collection period is the calendar year before R (spec 1.2-1.3).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import islice

from sendhub.accounts.models import User
from sendhub.cases import vocab
from sendhub.cases.models import (
    Child,
)
from sendhub.cases.rules import ExceptionPeriod, ExceptionReason, in_transfer_cohort, plan_timeliness
from sendhub.cases.rules.reviews import amended_for_phase_transfer
from sendhub.sen2 import xmlmodel as x
from sendhub.sen2.scope import Casework, Period, Row, children_in_scope, row_tuples, upto
from sendhub.sen2.validation.report import PersonRef
from sendhub.sen2.validation.rules import age_on

REVIEW_OUTCOME = {"keep": "M", "amend": "A", "cease": "C"}
RYA_SOURCES = {"young_person"}


CHILD_FIELDS = (
    "id",
    "first_name",
    "last_name",
    "birth_date",
    "sex",
    "ethnicity",
    "postcode",
    "upn",
    "uln",
    "primary_need",
    "secondary_need",
)


def persons_for_return(period: Period, *, chunk_size: int = 5000) -> Iterator[tuple[int, x.Person]]:
    """Each child in scope (by id) and their SEN2 person record, streamed from the database in chunks."""
    children = row_tuples(children_in_scope(period), *CHILD_FIELDS).iterator(chunk_size=chunk_size)
    while chunk := list(islice(children, chunk_size)):
        work = Casework.load(chunk[0].id, chunk[-1].id)
        for child in chunk:
            person = person_for(child, work, period)
            if person.requests:
                yield child.id, person


def person_for(child: Row, work: Casework, period: Period) -> x.Person:
    person = x.Person(
        surname=child.last_name,
        forename=child.first_name,
        person_birth_date=child.birth_date,
        sex=child.sex,
        ethnicity=child.ethnicity,
        post_code=child.postcode or None,
        upn=child.upn or None,
        unique_learner_number=child.uln or None,
    )
    if not (child.upn or child.uln) and age_on(child.birth_date, period.reference_date) < 6:
        person.upn_unknown = "UN1"  # "aged under 6 and not yet assigned a UPN": a fact, derived from age
    end = period.end
    plans = [p for p in work.plans.get(child.id, []) if p.start_date and p.start_date <= end]
    by_request = {p.request_id: p for p in plans if p.request_id is not None}
    for plan in plans:  # plans made before SEND Hub held the request: historical requests (H)
        if plan.request_id is None and _plan_in_scope(plan, period):
            person.requests.append(_historical_request(child, plan, work, period))
    for req in work.requests.get(child.id, []):
        if req.received <= end:
            mapped = _request(child, req, by_request.get(req.id), work, period)
            if mapped is not None:
                person.requests.append(mapped)
    return person


def _transferred(child: Row, work: Casework, period: Period, direction: str) -> list[Row]:
    """Transfers this way (reg 15) completed in the collection year, oldest first."""
    if child.id not in work.transfers:
        return []
    return [
        t
        for t in work.transfers.get(child.id, [])
        if t.direction == direction and period.start <= t.transferred_on <= period.end
    ]


def _exported(child: Row, req: Row, work: Casework, period: Period) -> str | None:
    """Item 2.8 (DfE label: "child or young person moves out of LA before assessment is completed"): the
    authority the child moved to while this request or its assessment was still open."""
    for t in reversed(_transferred(child, work, period, "out")):
        moved = t.transferred_on
        closed = [
            d
            for d in (req.decided_not_to_assess, req.final_issued, req.decided_not_to_issue, req.withdrawn)
            if d is not None and d <= moved
        ]
        if req.received <= moved and not closed:
            return str(t.other_la)
    return None


def _plan_in_scope(plan: Row, period: Period) -> bool:
    return plan.ceased is None or plan.ceased >= period.start


def _historical_request(child: Row, plan: Row, work: Casework, period: Period) -> x.Request:
    assessment = x.Assessment(assessment_outcome="H", named_plan=_named_plan(plan, period))
    return x.Request(
        request_outcome="H", assessment=assessment, active_plans=_active_plans(child, plan, work, period)
    )


def _request(child: Row, req: Row, plan: Row | None, work: Casework, period: Period) -> x.Request | None:
    ref = period.end  # decisions after the reporting period are the next return's
    out = x.Request(
        received_date=req.received,
        request_source=vocab.REQUEST_SOURCE_SEN2.get(req.source, "5"),
        rya="1" if req.source in RYA_SOURCES else "0",
    )
    assess = upto(req.decided_to_assess, ref)
    not_assess = upto(req.decided_not_to_assess, ref)
    withdrawn = upto(req.withdrawn, ref)
    if assess:
        out.request_outcome, out.request_outcome_date = ("Y" if assess >= period.start else "H"), assess
        out.assessment = _assessment(child, req, plan, work, period)
    elif not_assess:
        out.request_outcome, out.request_outcome_date = "N", not_assess
        out.request_mediation, out.request_tribunal = _appealed(
            child, work, ("refusal_to_assess",), not_assess, ref
        )
    elif withdrawn:
        out.request_outcome, out.request_outcome_date = "W", withdrawn
    else:
        out.request_outcome = "A"
    out.exported = _exported(child, req, work, period)
    if plan is not None and out.assessment is not None and out.assessment.named_plan is not None:
        if not _plan_in_scope(plan, period):
            return None
        out.active_plans = _active_plans(child, plan, work, period)
    finished = [d for d in (out.request_outcome_date, _assessment_date(out)) if d]
    if out.request_outcome in ("N", "W") and finished and max(finished) < period.start:
        return None  # decided before the collection period: out of scope
    return out


OTHER_SUBJECTS = ("contents", "cease", "other")


def _appealed(
    child: Row, work: Casework, subjects: tuple[str, ...], since: date, ref: date
) -> tuple[str, str]:
    """(mediation, tribunal) flags: 1 if the family took that route over this decision (lodged since it)."""
    appeals = work.appeals.get(child.id)
    if not appeals:
        return "0", "0"
    kinds = {a.kind for a in appeals if a.subject in subjects and since <= a.lodged <= ref}
    return ("1" if "mediation" in kinds else "0"), ("1" if "tribunal" in kinds else "0")


def _assessment_date(req: x.Request) -> date | None:
    return req.assessment.assessment_outcome_date if req.assessment else None


def _assessment(child: Row, req: Row, plan: Row | None, work: Casework, period: Period) -> x.Assessment:
    ref = period.end  # outcomes after the reporting period are the next return's
    final = upto(req.final_issued, ref)
    not_issue = upto(req.decided_not_to_issue, ref)
    withdrawn = upto(req.withdrawn, ref)
    a = x.Assessment()
    if final:
        a.assessment_outcome = "Y" if final >= period.start else "H"
        a.assessment_outcome_date = final
        # Week20 is "do reg 10(4) exceptions apply" (1/0), not "was it on time" (schema annotation, item 3.7).
        exceptions = work.exceptions.get(req.id)
        applies = False  # nearly always: no exception recorded, so none can apply
        if exceptions and final >= req.received:
            periods = [ExceptionPeriod(ExceptionReason(e.reason), e.start, e.end) for e in exceptions]
            applies = plan_timeliness(req.received, final, periods).exception_applies
        a.week20 = "1" if applies else "0"
        if plan is not None:
            a.named_plan = _named_plan(plan, period)
            a.other_mediation, a.other_tribunal = _appealed(child, work, OTHER_SUBJECTS, final, ref)
    elif not_issue:
        a.assessment_outcome, a.assessment_outcome_date = "N", not_issue
        a.assessment_mediation, a.assessment_tribunal = _appealed(
            child, work, ("refusal_to_issue",), not_issue, ref
        )
    elif withdrawn:
        a.assessment_outcome, a.assessment_outcome_date = "W", withdrawn
    else:
        a.assessment_outcome = "A"
    return a


def _plan_detail(
    urn: int | None, setting_type: str, other: str, sen_unit: bool, resourced: bool, rank: str
) -> x.PlanDetail | None:
    """A setting section I names: the institution by URN, or else the type of setting (items 4.7a-4.7d).
    Items 4.7e/4.7f (SEN unit, resourced provision) describe the named institution, so an institution
    always gets them ("1"/"0", as placements do) and a type of setting never does."""
    if urn is not None:
        return x.PlanDetail(
            urn=str(urn),
            placement_rank=rank,
            sen_unit_indicator="1" if sen_unit else "0",
            resourced_provision_indicator="1" if resourced else "0",
        )
    if setting_type:
        return x.PlanDetail(sen_setting=setting_type, sen_setting_other=other or None, placement_rank=rank)
    return None


def _named_plan(plan: Row, period: Period) -> x.NamedPlan:
    ceased = upto(plan.ceased, period.end)
    main = _plan_detail(
        plan.urn,
        plan.named_setting_type,
        plan.named_setting_other,
        plan.named_setting_sen_unit,
        plan.named_setting_resourced_provision,
        "1",
    )
    second = _plan_detail(
        plan.urn2,
        plan.second_setting_type,
        plan.second_setting_other,
        plan.second_setting_sen_unit,
        plan.second_setting_resourced_provision,
        "2",
    )
    details = [detail for detail in (main, second) if detail]
    budget = plan.personal_budget
    return x.NamedPlan(
        start_date=plan.start_date,
        plan_details=details,
        plan_res=plan.residential or None,
        plan_wbp=plan.work_based or None,
        pb="1" if budget else "0",
        oa=("1" if plan.organised_arrangements else "0") if budget else None,  # item 4.4b: part of a budget
        dp=plan.direct_payment or None,
        cease_date=ceased,
        cease_reason=(plan.cease_reason or None) if ceased else None,
    )


def _active_plans(child: Row, plan: Row, work: Casework, period: Period) -> x.ActivePlans | None:
    ref = period.reference_date
    if plan.ceased is not None and plan.ceased <= ref:
        return None
    ap = x.ActivePlans()
    for pl in work.placements.get(child.id, []):
        if pl.start > ref or (pl.end is not None and pl.end < plan.start_date):
            continue
        ap.placements.append(
            x.PlacementDetail(
                urn=str(pl.urn) if pl.urn is not None else None,
                sen_setting=pl.sen_setting or None,
                sen_setting_other=pl.sen_setting_other or None,
                placement_rank=str(pl.rank),
                entry_date=pl.start,
                leaving_date=upto(pl.end, ref),
                sen_unit_indicator="1" if pl.sen_unit else "0",
                resourced_provision_indicator="1" if pl.resourced_provision else "0",
                res=pl.residential or None,
                wbp=pl.work_based or None,
            )
        )
    transfers_in = _transferred(child, work, period, "in")  # item 5.1: plan transferred in during the year
    ap.transfer_la = transfers_in[-1].other_la if transfers_in else None
    for rank, need in (("1", child.primary_need), ("2", child.secondary_need)):
        if need:
            ap.sen_needs.append(x.SENneed(sen_type=need, sen_type_rank=rank))
    for review in work.reviews.get(plan.id, ()):  # newest first: the latest held by R
        if review.meeting <= ref:
            ap.review_meeting = review.meeting
            decided = upto(review.decision_on, ref)
            if decided:
                ap.last_review = decided
                ap.review_outcome = REVIEW_OUTCOME.get(review.outcome) if review.outcome else None
            draft = upto(plan.amendment_notice, ref)  # item 5.4d: proposed amendments after an 'amend' review
            if ap.review_outcome == "A" and draft is not None and draft >= review.meeting:
                ap.review_draft = draft
            break
    _phase_transfer(ap, child, plan, period)
    return ap


def _phase_transfer(ap: x.ActivePlans, child: Row, plan: Row, period: Period) -> None:
    """Items 5.6a-b: a child who changed phase in September of the collection year has the reg 18
    deadline for the amended plan (15 February, or 31 March for post-16) and the date it was issued."""
    born = child.birth_date
    for first, last in period.transfer_births:  # a loop: any() over a generator cost a third of this
        if first <= born <= last:
            break
    else:
        return
    transfer = in_transfer_cohort(born, period.year - 1)
    if transfer is None or plan.start_date > transfer.amended_plan_due:
        return  # no transfer, or the plan was made after the deadline (its first issue covered it)
    ap.phase_transfer_due_date = transfer.amended_plan_due
    amended = upto(plan.amended_issued, period.reference_date)
    if amended_for_phase_transfer(amended, transfer.transfer_year):  # in the transfer's review window
        ap.phase_transfer_final_date = amended


def children_for_refs(user: User, refs: list[PersonRef]) -> dict[int, Child]:
    """Map report persons (by file position) to the children this user may open."""
    visible = Child.objects.visible_to(user)
    upns = {r.upn for r in refs if r.upn}
    ulns = {r.uln for r in refs if r.uln}
    by_upn = {c.upn: c for c in visible.filter(upn__in=upns)} if upns else {}
    by_uln = {c.uln: c for c in visible.filter(uln__in=ulns)} if ulns else {}
    found: dict[int, Child] = {}
    for ref in refs:
        child = by_upn.get(ref.upn or "") or by_uln.get(ref.uln or "")
        if child is None and ref.birth_date and ref.surname:
            child = visible.filter(
                last_name__iexact=ref.surname, first_name__iexact=ref.forename, birth_date=ref.birth_date
            ).first()
        if child is not None:
            found[ref.index] = child
    return found
