"""Reads for SEN2: which casework is in a collection year, mapped onto the return's dataclasses.

The mapping is "as at the reference date" R (the census date): anything dated after R is left out, as
if it had not happened yet. The collection period is the calendar year before R (spec 1.2-1.3).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from operator import attrgetter
from typing import Any

from django.db.models import F, Q, QuerySet

from sendhub.cases import vocab
from sendhub.cases.models import (
    AnnualReview,
    Appeal,
    AreaTransfer,
    AssessmentException,
    AssessmentRequest,
    Child,
    Placement,
    Plan,
    RequestStatus,
)
from sendhub.cases.rules import ExceptionPeriod, ExceptionReason, in_transfer_cohort, plan_timeliness
from sendhub.cases.rules.reviews import TRANSFER_ENTRY_YEARS, amended_for_phase_transfer
from sendhub.sen2 import xmlmodel as x
from sendhub.sen2.validation import census_date
from sendhub.sen2.validation.common import reporting_period
from sendhub.sen2.validation.report import PersonRef
from sendhub.sen2.validation.rules import age_on

REVIEW_OUTCOME = {"keep": "M", "amend": "A", "cease": "C"}
RYA_SOURCES = {"young_person"}


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    reference_date: date
    start: date = field(init=False)  # 1 January of the year before the census
    # 31 December of that year: events (requests, decisions, plans issued or ceased, appeals, transfers)
    # after it belong to the next return, even before the census date (validation.reporting_period).
    end: date = field(init=False)
    # Births of children who changed phase in September of that year (reg 18; cases.rules.reviews): a
    # cheap test before the exact one, run for every active plan.
    transfer_births: tuple[tuple[date, date], ...] = field(init=False)

    def __post_init__(self) -> None:
        start, end = reporting_period(self.year)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        t = self.year - 1
        births = tuple(
            (date(t - e - 5, 9, 1), date(t - e - 4, 8, 31)) for e in TRANSFER_ENTRY_YEARS if e != 3
        )
        object.__setattr__(self, "transfer_births", births)

    @classmethod
    def for_year(cls, year: int) -> Period:
        return cls(year=year, reference_date=census_date(year))


def _upto(d: date | None, ref: date) -> date | None:
    return d if d is not None and d <= ref else None


def children_in_scope(period: Period) -> QuerySet[Child]:
    """Children with a request or plan the return must report (spec 1.3)."""
    end, start = period.end, period.start
    live_plan = Q(plans__start_date__lte=end) & (Q(plans__ceased__isnull=True) | Q(plans__ceased__gte=start))
    request_in_scope = Q(requests__received__lte=end) & (
        Q(requests__status=RequestStatus.OPEN)
        | Q(requests__received__gte=start)
        | Q(requests__decided_not_to_assess__gte=start)
        | Q(requests__decided_to_assess__gte=start)
        | Q(requests__decided_not_to_issue__gte=start)
        | Q(requests__final_issued__gte=start)
        | Q(requests__withdrawn__gte=start)
    )
    ids = Child.objects.filter(live_plan | request_in_scope).values("pk")
    return Child.objects.filter(pk__in=ids).order_by("pk")


Row = Any  # a named tuple of the fields asked for (``row.received``)


def _rows(queryset: QuerySet[Any], *fields: str, **expressions: F) -> QuerySet[Any]:
    """The fields of each row as a named tuple: a fifth cheaper to build than ``values()`` dicts, which
    mattered in the export's loading of every record of every child."""
    if expressions:
        queryset = queryset.annotate(**expressions)
    return queryset.values_list(*fields, *expressions, named=True)


def _grouped(rows: Iterable[Row], key: str) -> dict[int, list[Row]]:
    out: dict[int, list[Row]] = defaultdict(list)
    key_of = attrgetter(key)
    for row in rows:
        out[key_of(row)].append(row)
    return out


@dataclass(slots=True)
class Casework:
    """One chunk of children with their records, as plain rows (model instances cost 10x more to build)."""

    requests: dict[int, list[Row]]
    exceptions: dict[int, list[Row]]
    plans: dict[int, list[Row]]
    placements: dict[int, list[Row]]
    reviews: dict[int, list[Row]]
    appeals: dict[int, list[Row]]
    transfers: dict[int, list[Row]]

    @classmethod
    def load(cls, first: int, last: int) -> Casework:
        """The records of children ``first`` to ``last`` (by id). A range, not a list of ids: a query with
        1,000 parameters cost more to build and send than to run. Children in the range that are not in
        scope are loaded too and never asked for."""
        ids = {"child_id__gte": first, "child_id__lte": last}
        via = {"request__child_id__gte": first, "request__child_id__lte": last}
        via_plan = {"plan__child_id__gte": first, "plan__child_id__lte": last}
        return cls(
            requests=_grouped(
                _rows(
                    AssessmentRequest.objects.filter(**ids).order_by("received", "pk"),
                    "id",
                    "child_id",
                    "received",
                    "source",
                    "decided_to_assess",
                    "decided_not_to_assess",
                    "withdrawn",
                    "final_issued",
                    "decided_not_to_issue",
                ),
                "child_id",
            ),
            exceptions=_grouped(
                _rows(AssessmentException.objects.filter(**via), "request_id", "reason", "start", "end"),
                "request_id",
            ),
            plans=_grouped(
                _rows(
                    Plan.objects.filter(**ids).order_by("start_date", "pk"),
                    "id",
                    "child_id",
                    "request_id",
                    "start_date",
                    "ceased",
                    "cease_reason",
                    "personal_budget",
                    "direct_payment",
                    "residential",
                    "work_based",
                    "organised_arrangements",
                    "amendment_notice",
                    "amended_issued",
                    "named_setting_type",
                    "named_setting_other",
                    "named_setting_sen_unit",
                    "named_setting_resourced_provision",
                    "second_setting_type",
                    "second_setting_other",
                    "second_setting_sen_unit",
                    "second_setting_resourced_provision",
                    urn=F("named_setting__urn"),
                    urn2=F("second_setting__urn"),
                ),
                "child_id",
            ),
            placements=_grouped(
                _rows(
                    Placement.objects.filter(**ids).order_by("start", "pk"),
                    "child_id",
                    "sen_setting",
                    "sen_setting_other",
                    "rank",
                    "start",
                    "end",
                    "sen_unit",
                    "resourced_provision",
                    "residential",
                    "work_based",
                    urn=F("school__urn"),
                ),
                "child_id",
            ),
            reviews=_grouped(
                _rows(
                    AnnualReview.objects.filter(**via_plan).order_by("-meeting", "-pk"),
                    "plan_id",
                    "meeting",
                    "decision_on",
                    "outcome",
                ),
                "plan_id",
            ),
            appeals=_grouped(
                _rows(Appeal.objects.filter(**ids), "child_id", "kind", "subject", "lodged"), "child_id"
            ),
            transfers=_grouped(
                _rows(
                    AreaTransfer.objects.filter(**ids, transferred_on__isnull=False).order_by(
                        "transferred_on", "pk"
                    ),
                    "child_id",
                    "direction",
                    "other_la",
                    "transferred_on",
                ),
                "child_id",
            ),
        )


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
    children = _rows(children_in_scope(period), *CHILD_FIELDS).iterator(chunk_size=chunk_size)
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
    assess = _upto(req.decided_to_assess, ref)
    not_assess = _upto(req.decided_not_to_assess, ref)
    withdrawn = _upto(req.withdrawn, ref)
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
    final = _upto(req.final_issued, ref)
    not_issue = _upto(req.decided_not_to_issue, ref)
    withdrawn = _upto(req.withdrawn, ref)
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
    ceased = _upto(plan.ceased, period.end)
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
                leaving_date=_upto(pl.end, ref),
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
            decided = _upto(review.decision_on, ref)
            if decided:
                ap.last_review = decided
                ap.review_outcome = REVIEW_OUTCOME.get(review.outcome) if review.outcome else None
            draft = _upto(
                plan.amendment_notice, ref
            )  # item 5.4d: proposed amendments after an 'amend' review
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
    amended = _upto(plan.amended_issued, period.reference_date)
    if amended_for_phase_transfer(amended, transfer.transfer_year):  # in the transfer's review window
        ap.phase_transfer_final_date = amended


def children_for_refs(user: Any, refs: list[PersonRef]) -> dict[int, Child]:
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
