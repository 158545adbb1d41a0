"""Cross-field rules of the SEN2 return: what the XSD cannot say. Pure, no Django.

Sources: DfE "SEN2 person level technical specification" (2022 v1.3, 2023 v1.1: sections 1.2-1.3 on
coverage, 2.1-2.5 on each module, 4 "Validation checks") and the item notes the community XSDs copy from the
2024-2026 "guide for local authorities". Rule ids are SEND Hub's own (DfE's numbered checks were not
available to us); docs/domains/sen2.md maps each one to its source.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sendhub.lib.identifiers import uln_problem, upn_problem
from sendhub.sen2.validation.common import NOT_IN_EDUCATION, Context, Found, age_on, check_work_based, fmt
from sendhub.sen2.validation.placements import check_active, check_reviews, check_settings
from sendhub.sen2.xmlmodel import NamedPlan, Person, Request

__all__ = [
    "NOT_IN_EDUCATION",
    "RULES",
    "Context",
    "Found",
    "age_on",
    "check_active",
    "check_person",
    "check_reviews",
    "check_settings",
    "fmt",
]

# rule id -> one-line description (shown in docs and in the staff page's legend).
RULES: dict[str, str] = {
    "HDR-01": "The header says SEN2 and the collection year expected",
    "HDR-02": "The reference (census) date falls in January of the collection year",
    "HDR-03": "The LEA in the header is this authority",
    "PER-01": "The date of birth is not after the reference date and gives an age of 0 to 25 in the year",
    "PER-02": "Each person has a UPN, a ULN or a reason the UPN is unknown (and not a reason alongside a UPN)",
    "PER-03": "Each person appears once (UPN, ULN, or name with date of birth)",
    "PER-04": "Each person has at least one request",
    "PER-05": "The UPN's check letter matches its digits (DfE UPN guide)",
    "PER-06": "The ULN's check digit matches its other digits (Learning Records Service; ILR rule ULN_04)",
    "REQ-01": "Received date and RYA are given unless the request is historical (H)",
    "REQ-02": "The request was received after birth and by the end of the reporting period (31 December)",
    "REQ-03": "A decision (Y or N) has a date, on or after the received date and by the end of the reporting period",
    "REQ-04": "An assessment is only given when the authority decided to assess (Y) or the request is historical",
    "REQ-05": "A person has no two requests received on the same date",
    "REQ-06": "The request source is given (mandatory from 2026)",
    "REQ-07": "Exported and TransferLA name another authority",
    "REQ-08": "The request is in scope for the collection year",
    "ASM-01": "An assessment outcome of Y or N has a date, on or after the request decision, by the end of the reporting period",
    "ASM-02": "A plan needs an assessment that decided to issue one (Y) or a historical assessment (H)",
    "ASM-03": "Week20 is given when a plan was issued (assessment outcome Y)",
    "PLN-01": "A plan has a start date, not before the request and by the end of the reporting period",
    "PLN-02": "A ceased plan has a cease date on or after its start, and a reason; a reason needs a date",
    "PLN-03": "Organised arrangements and direct payments are only given with a personal budget",
    "SET-01": "Each setting is given by exactly one of URN, UKPRN or setting type",
    "SET-02": "Other-setting text goes with a setting type, and is required for 'not in education - other'",
    "SET-03": "Each setting has a placement rank; at most one primary (1) and one secondary (2) at a time",
    "ACT-01": "Active plan details need a plan that has not ceased by the reference date",
    "ACT-02": "An active plan has at least one placement",
    "ACT-03": "Placements have an entry date, end after they start, and fall inside the plan's dates",
    "ACT-04": "An active plan has one primary need and at most one different secondary need",
    "ACT-05": "Review dates are in order, after the plan started and not after the reference date",
    "COD-01": "NEET and 'not in education or training' settings are only for young people aged 16 or over",
    "COD-02": "Cease reason 1 (reached maximum age) is only for young people aged 24 or over at cease",
    "COD-03": "Work-based learning (apprenticeship, traineeship, internship) only over compulsory school age",
    "PHT-01": "A phase-transfer due date is 15 February or 31 March; a final date needs it and is not after R",
}


def check_person(p: Person, ctx: Context, pp: str) -> Iterator[Found]:  # noqa: C901 (one check per DfE SEN2 validation rule, in the guide's order)
    ref = ctx.reference_date
    if p.person_birth_date:
        if p.person_birth_date > ref:
            yield (
                "PER-01",
                f"{pp}/PersonBirthDate",
                f"The date of birth {fmt(p.person_birth_date)} is after the reference date {fmt(ref)}.",
                "Correct the date of birth on the child's record.",
            )
        elif age_on(p.person_birth_date, ctx.period_start) > 25:
            yield (
                "PER-01",
                f"{pp}/PersonBirthDate",
                f"The person was over 25 on {fmt(ctx.period_start)}, so "
                "cannot have had an EHC plan in the collection year.",
                "Correct the date of birth, or leave the person out of the return.",
            )
    if not (p.upn or p.unique_learner_number or p.upn_unknown):
        yield (
            "PER-02",
            f"{pp}/UPN",
            "There is no UPN, ULN or reason why the UPN is unknown.",
            "Record the UPN (school age) or ULN (post-16); if neither is known, record a UPNunknown reason.",
        )
    elif p.upn and p.upn_unknown:
        yield (
            "PER-02",
            f"{pp}/UPNunknown",
            "A reason the UPN is unknown is given although the UPN is known.",
            "Remove the UPNunknown reason.",
        )
    # The schema checks the shape (13 characters; 10 digits); these check the check character, so a
    # mistyped identifier does not pass. A value the schema refuses is reported by the schema alone.
    if p.upn and len(p.upn) == 13 and p.upn[1:12].isdigit() and (problem := upn_problem(p.upn)):
        yield (
            "PER-05",
            f"{pp}/UPN",
            problem,
            "Check the UPN against the child's school record and correct it.",
        )
    uln = p.unique_learner_number
    if uln and len(uln) == 10 and uln.isdigit() and (problem := uln_problem(uln)):
        yield (
            "PER-06",
            f"{pp}/UniqueLearnerNumber",
            problem,
            "Check the ULN with the young person's college or the Learning Records Service and correct it.",
        )
    for kind, value in (
        ("UPN", p.upn),
        ("ULN", p.unique_learner_number),
        ("name", f"{p.surname}|{p.forename}|{p.person_birth_date}".lower() if p.surname else None),
    ):
        if value:
            if (kind, value) in ctx.seen_persons:
                shown = (
                    value if kind != "name" else f"{p.forename} {p.surname} born {fmt(p.person_birth_date)}"
                )
                yield (
                    "PER-03",
                    pp,
                    f"Another person earlier in the file has the same {kind} ({shown}).",
                    "Merge the duplicate records so the person appears once, with all their requests.",
                )
                break
            ctx.seen_persons.add((kind, value))
    if not p.requests:
        yield (
            "PER-04",
            pp,
            "The person has no request.",
            "Add the request (or a historical request, outcome H, for a plan made before the return began).",
        )
    received_seen: set[date] = set()
    for i, req in enumerate(p.requests, start=1):
        rp = f"{pp}/Requests[{i}]"
        if req.received_date:
            if req.received_date in received_seen:
                yield (
                    "REQ-05",
                    f"{rp}/ReceivedDate",
                    f"Two requests were received on {fmt(req.received_date)}.",
                    "Merge the duplicate requests, or correct the received date.",
                )
            received_seen.add(req.received_date)
        yield from check_request(p, req, ctx, rp)


def check_request(p: Person, r: Request, ctx: Context, rp: str) -> Iterator[Found]:  # noqa: C901 (one check per DfE SEN2 validation rule, in the guide's order)
    historical = r.request_outcome == "H"
    if not historical:
        if r.received_date is None:
            yield (
                "REQ-01",
                f"{rp}/ReceivedDate",
                "The date the request was received is missing.",
                "Record the date the request arrived (or mark the request historical, H, if it predates SEN2).",
            )
        if not r.rya:
            yield (
                "REQ-01",
                f"{rp}/RYA",
                "It is not recorded whether the request was from a young person (RYA).",
                "Record RYA: 1 if the young person (16-25) asked, otherwise 0.",
            )
        if ctx.year >= 2026 and not r.request_source:
            yield (
                "REQ-06",
                f"{rp}/RequestSource",
                "The source of the request is missing (mandatory from 2026).",
                "Record who made the request: 1 parent or young person, 2 school, 3 health, 4 social care, 5 other.",
            )
    if r.received_date:
        if p.person_birth_date and r.received_date < p.person_birth_date:
            yield (
                "REQ-02",
                f"{rp}/ReceivedDate",
                f"The request ({fmt(r.received_date)}) is dated before the "
                f"person was born ({fmt(p.person_birth_date)}).",
                "Correct the received date or the date of birth.",
            )
        if r.received_date > ctx.period_end:
            yield (
                "REQ-02",
                f"{rp}/ReceivedDate",
                f"The request was received on {fmt(r.received_date)}, after the reporting period ended "
                f"on {fmt(ctx.period_end)}.",
                f"Leave it out of this return: it belongs to the {ctx.year + 1} return.",
            )
    if r.request_outcome in ("Y", "N") and r.request_outcome_date is None:
        yield (
            "REQ-03",
            f"{rp}/RequestOutcomeDate",
            "The decision on the request has no date.",
            "Record the date the family was told of the decision.",
        )
    if r.request_outcome_date:
        if r.request_outcome is None:
            yield (
                "REQ-03",
                f"{rp}/RequestOutcome",
                "There is a decision date but no decision.",
                "Record the decision (Y, N or W), or remove the date if no decision has been made yet (A).",
            )
        if r.received_date and r.request_outcome_date < r.received_date:
            yield (
                "REQ-03",
                f"{rp}/RequestOutcomeDate",
                f"The decision ({fmt(r.request_outcome_date)}) is dated "
                f"before the request was received ({fmt(r.received_date)}).",
                "Correct one of the two dates.",
            )
        if r.request_outcome_date > ctx.period_end:
            yield (
                "REQ-03",
                f"{rp}/RequestOutcomeDate",
                f"The decision date {fmt(r.request_outcome_date)} is after the reporting period ended "
                f"on {fmt(ctx.period_end)}.",
                f"Leave the decision out: report the request as still open (the decision is in the "
                f"{ctx.year + 1} return).",
            )
    if r.assessment is not None and r.request_outcome not in ("Y", "H"):
        yield (
            "REQ-04",
            f"{rp}/Assessment",
            "Assessment details are given, but the request outcome is "
            f"{r.request_outcome or 'not yet decided'}.",
            "Record the decision to assess (Y), or remove the assessment details.",
        )
    for tag, value in (
        (
            ("Exported", r.exported),
            ("ActivePlans/TransferLA", r.active_plans.transfer_la if r.active_plans else None),
        )
        if r.exported or (r.active_plans and r.active_plans.transfer_la)
        else ()
    ):
        if value and ctx.la_code and value == ctx.la_code:
            yield (
                "REQ-07",
                f"{rp}/{tag}",
                f"{tag.split('/')[-1]} names this authority ({value}).",
                "Give the code of the other local authority, or leave the element out.",
            )
    if out_of_scope(r, ctx):
        yield (
            "REQ-08",
            rp,
            "Nothing about this request happened in the collection year and it has no active "
            "plan, so it is out of scope.",
            "Leave the request out of the return.",
        )
    if r.assessment is not None:
        yield from check_assessment(p, r, ctx, rp)
    if r.active_plans is not None:
        plan = r.assessment.named_plan if r.assessment else None
        yield from check_active(p, r.active_plans, plan, ctx, f"{rp}/ActivePlans")


def out_of_scope(r: Request, ctx: Context) -> bool:
    """Spec 1.3: open work, work finished in the calendar year, and plans active or ceased in it are in scope."""
    if r.request_outcome in (None, "A", "H") or r.active_plans is not None:
        return False  # pending, historical, or a plan active at the census
    a = r.assessment
    if a is not None and (
        a.assessment_outcome in (None, "A")
        or (
            a.named_plan is not None
            and (a.named_plan.cease_date is None or a.named_plan.cease_date >= ctx.period_start)
        )
    ):
        return False
    dates = [r.request_outcome_date, a.assessment_outcome_date if a else None]
    return all(d is not None and d < ctx.period_start for d in dates if d is not None) and any(dates)


def check_assessment(p: Person, r: Request, ctx: Context, rp: str) -> Iterator[Found]:
    a = r.assessment
    assert a is not None
    ap = f"{rp}/Assessment"
    if a.assessment_outcome in ("Y", "N"):
        if a.assessment_outcome_date is None:
            yield (
                "ASM-01",
                f"{ap}/AssessmentOutcomeDate",
                "The assessment outcome has no date.",
                "Record the date the plan was issued (Y) or the family was told no plan would be issued (N).",
            )
        else:
            earliest = r.request_outcome_date or r.received_date
            if earliest and a.assessment_outcome_date < earliest:
                yield (
                    "ASM-01",
                    f"{ap}/AssessmentOutcomeDate",
                    f"The assessment outcome "
                    f"({fmt(a.assessment_outcome_date)}) is dated before the decision to assess "
                    f"({fmt(earliest)}).",
                    "Correct one of the two dates.",
                )
            if a.assessment_outcome_date > ctx.period_end:
                yield (
                    "ASM-01",
                    f"{ap}/AssessmentOutcomeDate",
                    f"The assessment outcome date {fmt(a.assessment_outcome_date)} is after the reporting "
                    f"period ended on {fmt(ctx.period_end)}.",
                    "Leave the outcome out: report the assessment as still in progress.",
                )
    if a.assessment_outcome == "Y" and not a.week20:
        yield (
            "ASM-03",
            f"{ap}/Week20",
            "It is not recorded whether the plan was issued within 20 weeks.",
            "Record Week20: 1 if the final plan was issued within 20 weeks of the request, otherwise 0.",
        )
    if a.named_plan is not None:
        if a.assessment_outcome not in ("Y", "H"):
            yield (
                "ASM-02",
                f"{ap}/NamedPlan",
                "A plan is given, but the assessment outcome is "
                f"{a.assessment_outcome or 'not yet decided'}.",
                "Record the decision to issue a plan (Y), or remove the plan.",
            )
        yield from check_plan(p, r, a.named_plan, ctx, f"{ap}/NamedPlan")


def check_plan(p: Person, r: Request, plan: NamedPlan, ctx: Context, np: str) -> Iterator[Found]:
    if plan.start_date is None:
        yield (
            "PLN-01",
            f"{np}/StartDate",
            "The plan has no start date.",
            "Record the date the final plan was issued.",
        )
    else:
        if r.received_date and r.request_outcome != "H" and plan.start_date < r.received_date:
            yield (
                "PLN-01",
                f"{np}/StartDate",
                f"The plan started ({fmt(plan.start_date)}) before the request was "
                f"received ({fmt(r.received_date)}).",
                "Correct the plan start date or the received date.",
            )
        if plan.start_date > ctx.period_end:
            yield (
                "PLN-01",
                f"{np}/StartDate",
                f"The plan starts on {fmt(plan.start_date)}, after the reporting period ended on "
                f"{fmt(ctx.period_end)}.",
                "Leave the plan out: report the assessment as still in progress.",
            )
    if plan.cease_date is not None:
        if plan.start_date and plan.cease_date < plan.start_date:
            yield (
                "PLN-02",
                f"{np}/CeaseDate",
                f"The plan ceased ({fmt(plan.cease_date)}) before it started ({fmt(plan.start_date)}).",
                "Correct the cease date or the start date.",
            )
        if not plan.cease_reason:
            yield (
                "PLN-02",
                f"{np}/CeaseReason",
                "The plan has a cease date but no reason.",
                "Record why the plan ceased (codes 1 to 9).",
            )
        elif (
            plan.cease_reason == "1"
            and p.person_birth_date
            and age_on(p.person_birth_date, plan.cease_date) < 24
        ):
            yield (
                "COD-02",
                f"{np}/CeaseReason",
                "Cease reason 1 (reached maximum age) is given for a person "
                f"aged {age_on(p.person_birth_date, plan.cease_date)}.",
                "Choose the cease reason that applies.",
            )
    elif plan.cease_reason:
        yield (
            "PLN-02",
            f"{np}/CeaseDate",
            "The plan has a cease reason but no cease date.",
            "Record the date the plan ceased, or remove the reason.",
        )
    if (plan.oa or plan.dp) and plan.pb != "1":
        yield (
            "PLN-03",
            f"{np}/PB",
            "Organised arrangements or direct payments are given without a personal budget.",
            "Set PB to 1 if the plan has a personal budget; otherwise remove OA and DP.",
        )
    if plan.plan_wbp:
        yield from check_work_based(p.person_birth_date, plan.plan_wbp, ctx, f"{np}/PlanWBP")
    yield from check_settings(p, plan.plan_details, ctx, np, "PlanDetail")
