"""Loading one person of a SEN2 return into casework: the helpers of ``services.import_return``.

Natural keys make a second import of the same file a no-op: a person is their UPN, else their ULN, else
name and date of birth; a request is (person, received date); a plan is its request (or, for a historical
plan with no request, (person, start date)); a placement is (person, setting, entry date); a review is
(plan, meeting date); a transfer is (person, direction, other authority) in the collection year.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models

from sendhub.cases.models import (
    AnnualReview,
    Appeal,
    AreaTransfer,
    AssessmentRequest,
    Child,
    Placement,
    Plan,
    PlanStatus,
    RequestStatus,
    SenStatus,
)
from sendhub.core.exceptions import ImportRejected
from sendhub.lib.dates import long_date
from sendhub.schools.models import School
from sendhub.sen2 import xmlmodel as x

# Extended DfE ethnicity codes rolled up to the main codes casework records (CBDS extended -> main).
ETHNICITY_MAIN = {
    **dict.fromkeys(["WENG", "WSCO", "WWEL", "WNIR", "WCOR", "WOWB"], "WBRI"),
    **dict.fromkeys(
        [
            "WALB",
            "WBOS",
            "WCRO",
            "WGRE",
            "WGRK",
            "WGRC",
            "WITA",
            "WKOS",
            "WPOR",
            "WSER",
            "WTUR",
            "WTUK",
            "WTUC",
            "WEUR",
            "WEEU",
            "WWEU",
            "WOTW",
        ],
        "WOTH",
    ),
    **dict.fromkeys(["WROG", "WROR", "WROO"], "WROM"),
    **dict.fromkeys(["MWAP", "MWAI", "MWAO"], "MWAS"),
    **dict.fromkeys(["MAOE", "MABL", "MACH", "MBOE", "MBCH", "MCOE", "MWOE", "MWCH", "MOTM"], "MOTH"),
    **dict.fromkeys(["AMPK", "AKPA", "AOPK"], "APKN"),
    **dict.fromkeys(["ABRI", "AWEL", "AAFR", "AKAO", "ANEP", "ASNL", "ASLT", "ASRO", "AOTA"], "AOTH"),
    **dict.fromkeys(["BANN", "BCON", "BGHA", "BNGN", "BSLN", "BSOM", "BSUD", "BAOF"], "BAFR"),
    **dict.fromkeys(["BBRI", "BWEL", "BEUR", "BNAM", "BOTB"], "BOTH"),
    **dict.fromkeys(["CHKC", "CMAL", "CSNG", "CTWN", "COCH"], "CHNE"),
    **dict.fromkeys(
        [
            "OAFG",
            "ORAB",
            "OARA",
            "OEGY",
            "OFIL",
            "OIRN",
            "OIRQ",
            "OJPN",
            "OKOR",
            "OKRD",
            "OLAM",
            "OLEB",
            "OLIB",
            "OMAL",
            "OMRC",
            "OPOL",
            "OTHA",
            "OVIE",
            "OYEM",
            "OOEG",
        ],
        "OOTH",
    ),
}
SOURCE_FROM_SEN2 = {"1": "parent", "2": "school", "3": "health", "4": "social_care", "5": "other"}
REVIEW_FROM_SEN2 = {"M": "keep", "A": "amend", "C": "cease"}


@dataclass(slots=True)
class ImportSummary:
    persons: int = 0
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # facts the return gives that casework cannot hold

    def count(self, what: str, created: bool | None) -> None:
        if created is None:
            return
        bucket = self.created if created else self.updated
        bucket[what] = bucket.get(what, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _save(obj: models.Model, lookup: dict[str, Any], values: dict[str, Any]) -> tuple[Any, bool | None]:
    """Create or update by natural key; None when nothing changed (so a re-import writes nothing)."""
    model = type(obj)
    existing = model._default_manager.filter(**lookup).first()
    if existing is None:
        for k, v in {**lookup, **values}.items():
            setattr(obj, k, v)
        obj.full_clean()
        obj.save()
        return obj, True
    changed = [k for k, v in values.items() if getattr(existing, k) != v]
    if not changed:
        return existing, None
    for k in changed:
        setattr(existing, k, values[k])
    existing.full_clean()
    existing.save(update_fields=changed)
    return existing, False


def _reference(person: x.Person) -> str:
    key = (
        person.upn
        or person.unique_learner_number
        or f"{person.surname}|{person.forename}|{person.person_birth_date}"
    )
    return "S2-" + hashlib.sha256(key.lower().encode()).hexdigest()[:12].upper()


def _child_lookup(person: x.Person) -> dict[str, Any]:
    if person.upn:
        return {"upn": person.upn}
    if person.unique_learner_number:
        return {"uln": person.unique_learner_number}
    return {
        "last_name": person.surname,
        "first_name": person.forename,
        "birth_date": person.person_birth_date,
    }


def import_person(person: x.Person, header: x.Header, summary: ImportSummary) -> None:
    lookup = _child_lookup(person)
    values = {
        "first_name": person.forename,
        "last_name": person.surname,
        "birth_date": person.person_birth_date,
        "sex": person.sex or "",
        "ethnicity": ETHNICITY_MAIN.get(person.ethnicity or "", person.ethnicity),
        "postcode": person.post_code or "",
        "upn": person.upn or "",
        "uln": person.unique_learner_number or "",
    }
    values = {k: v for k, v in values.items() if k not in lookup}
    existing = Child.objects.filter(**lookup).first()
    if existing is None:
        values["reference"] = _reference(person)
    child, created = _save(Child(), lookup, values)
    summary.count("people", created)
    for req in person.requests:
        _import_request(child, person, req, date(header.year - 1, 1, 1), summary)


def _import_request(
    child: Child, person: x.Person, req: x.Request, period_start: date, summary: ImportSummary
) -> None:
    a = req.assessment
    plan_x = a.named_plan if a else None
    request: AssessmentRequest | None = None
    if req.received_date is not None:
        values = _request_values(req, a)
        request, created = _save(AssessmentRequest(), {"child": child, "received": req.received_date}, values)
        summary.count("requests", created)
        if a is not None and a.week20 == "1" and not request.exceptions.exists():
            summary.notes.append(
                f"{person.key}: the request of {long_date(req.received_date)} says a 20-week exception applied. "
                "The return does not say which or when, so record it on the request (reg 10(4))."
            )
    if request is not None:
        _import_appeals(child, req, a, summary)
    moved_after = max(period_start, req.received_date) if req.received_date else period_start
    _import_transfer(child, "out", req.exported, moved_after, summary)
    if req.active_plans is not None:
        _import_transfer(child, "in", req.active_plans.transfer_la, period_start, summary)
    if plan_x is None or plan_x.start_date is None:
        return
    _note_indicators_on_types(person, plan_x, summary)
    ceased = plan_x.cease_date
    plan_values = {
        "status": PlanStatus.CEASED if ceased else PlanStatus.ACTIVE,
        "start_date": plan_x.start_date,
        **_named_setting(plan_x.plan_details, "named_setting", rank="1"),
        **_named_setting(plan_x.plan_details, "second_setting", rank="2"),
        "residential": plan_x.plan_res or "",
        "work_based": plan_x.plan_wbp or "",
        "personal_budget": plan_x.pb == "1",
        "organised_arrangements": plan_x.oa == "1",
        "direct_payment": plan_x.dp or "",
        "ceased": ceased,
        "cease_reason": plan_x.cease_reason or "",
    }
    active = req.active_plans
    if active is not None and active.review_draft is not None:  # the proposed amendments of item 5.4d
        plan_values["amendment_notice"] = active.review_draft
    if active is not None and active.phase_transfer_final_date is not None:  # item 5.6b
        plan_values["amended_issued"] = active.phase_transfer_final_date
    lookup: dict[str, Any] = (
        {"request": request}
        if request
        else {"child": child, "request": None, "start_date": plan_x.start_date}
    )
    plan, created = _save(Plan(child=child), lookup, {"child": child, **plan_values})
    summary.count("plans", created)
    if not ceased and child.sen_status != SenStatus.EHCP:
        Child.objects.filter(pk=child.pk).update(sen_status=SenStatus.EHCP)
    if req.active_plans is not None:
        _import_active(child, plan, req.active_plans, summary)


def _import_appeals(child: Child, req: x.Request, a: x.Assessment | None, summary: ImportSummary) -> None:
    """Mediation and tribunal flags become appeals dated at the decision (the return gives no other date)."""
    flags = [("refusal_to_assess", req.request_outcome_date, req.request_mediation, req.request_tribunal)]
    if a is not None:
        flags.append(
            ("refusal_to_issue", a.assessment_outcome_date, a.assessment_mediation, a.assessment_tribunal)
        )
        plan_start = a.named_plan.start_date if a.named_plan else None
        flags.append(("other", a.assessment_outcome_date or plan_start, a.other_mediation, a.other_tribunal))
    for subject, when, mediation, tribunal in flags:
        for kind, flag in (("mediation", mediation), ("tribunal", tribunal)):
            if flag != "1" or when is None:
                continue
            subjects = ["contents", "cease", "other"] if subject == "other" else [subject]
            if Appeal.objects.filter(child=child, kind=kind, subject__in=subjects, lodged__gte=when).exists():
                continue
            appeal = Appeal(
                child=child,
                kind=kind,
                subject=subject,
                lodged=when,
                notes="Recorded from a SEN2 return, which does not give the date lodged.",
            )
            appeal.full_clean()
            appeal.save()
            summary.count("appeals", True)


def _request_values(req: x.Request, a: x.Assessment | None) -> dict[str, Any]:
    source = SOURCE_FROM_SEN2.get(req.request_source or "", "other")
    if req.rya == "1" and req.request_source in (
        "1",
        None,
    ):  # a young person asked (2024 files have no source)
        source = "young_person"
    v: dict[str, Any] = {
        "source": source,
        "status": RequestStatus.OPEN,
        "decided_to_assess": None,
        "decided_not_to_assess": None,
        "final_issued": None,
        "decided_not_to_issue": None,
        "decided_to_issue": None,
        "withdrawn": None,
    }
    outcome = req.request_outcome
    if outcome in ("Y", "H"):
        v["decided_to_assess"] = req.request_outcome_date or req.received_date
        if a is not None and a.assessment_outcome in ("Y", "H"):
            issued = a.assessment_outcome_date or (a.named_plan.start_date if a.named_plan else None)
            v.update(status=RequestStatus.ISSUED, final_issued=issued, decided_to_issue=issued)
        elif a is not None and a.assessment_outcome == "N":
            v.update(status=RequestStatus.NOT_ISSUED, decided_not_to_issue=a.assessment_outcome_date)
        elif a is not None and a.assessment_outcome == "W":
            v.update(
                status=RequestStatus.WITHDRAWN,
                withdrawn=a.assessment_outcome_date or req.request_outcome_date,
            )
    elif outcome == "N":
        v.update(status=RequestStatus.NOT_ASSESSED, decided_not_to_assess=req.request_outcome_date)
    elif outcome == "W":
        v.update(status=RequestStatus.WITHDRAWN, withdrawn=req.request_outcome_date)
    return v


def _note_indicators_on_types(person: x.Person, plan: x.NamedPlan, summary: ImportSummary) -> None:
    """Casework holds a SEN unit or resourced provision only for a named school (items 4.7e/4.7f), so
    one given for a type of setting cannot be kept: say so rather than drop it without a word."""
    for d in plan.plan_details:
        if (
            d.sen_setting
            and not (d.urn or d.ukprn)
            and "1" in (d.sen_unit_indicator, d.resourced_provision_indicator)
        ):
            summary.notes.append(
                f"{person.key}: the plan started "
                f"{long_date(plan.start_date) if plan.start_date else 'on a date not given'} names a type of setting "
                f"({d.sen_setting}) as a SEN unit or resourced provision. Casework records these only for a "
                "named school, so they were not kept: name the school on the plan if there is one."
            )


def _named_setting(details: list[x.PlanDetail], field: str, rank: str) -> dict[str, Any]:
    """The plan fields for the setting of this rank: the institution, or else its type and description.
    An institution's SEN unit / resourced provision flags (items 4.7e/4.7f) are set only where the file
    gives them, so a file without them keeps what casework recorded; with no institution they are off
    (rules.named_setting_problems)."""
    unit, resourced = f"{field}_sen_unit", f"{field}_resourced_provision"
    for d in details:
        if d.placement_rank == rank or (rank == "1" and d.placement_rank is None):
            school = _school(d)
            setting_type = "" if school else (d.sen_setting or "")
            other = (d.sen_setting_other or "") if setting_type else ""
            values: dict[str, Any] = {field: school, f"{field}_type": setting_type, f"{field}_other": other}
            if school is None:
                return {**values, unit: False, resourced: False}
            if d.sen_unit_indicator is not None:
                values[unit] = d.sen_unit_indicator == "1"
            if d.resourced_provision_indicator is not None:
                values[resourced] = d.resourced_provision_indicator == "1"
            return values
    return {field: None, f"{field}_type": "", f"{field}_other": "", unit: False, resourced: False}


def _import_transfer(
    child: Child, direction: str, other_la: str | None, since: date, summary: ImportSummary
) -> None:
    """Exported (item 2.8) and TransferLA (5.1) become transfers dated ``since`` (the start of the collection
    year, or the request for an export): the return says a transfer happened in the year, not when."""
    if not other_la:
        return
    done = AreaTransfer.objects.filter(
        child=child, direction=direction, other_la=other_la, transferred_on__gte=since
    )
    if done.exists():
        return
    transfer = AreaTransfer(
        child=child,
        direction=direction,
        other_la=other_la,
        notified_on=since,
        transferred_on=since,
        notes="Recorded from a SEN2 return, which gives the year of the transfer but not its date.",
    )
    transfer.full_clean()
    transfer.save()
    summary.count("transfers", True)


def _school(d: x.PlanDetail | x.PlacementDetail) -> School | None:
    if d.urn:
        school = School.objects.filter(urn=int(d.urn)).first()
        if school is None:
            raise ImportRejected(
                f"The file names a setting with URN {d.urn} that is not in the schools register. "
                "Load the register (GIAS) first, then import again. Nothing was saved."
            )
        return school
    if d.ukprn:
        school = School.objects.filter(ukprn=d.ukprn).first()
        if school is None:
            raise ImportRejected(
                f"The file names a setting with UKPRN {d.ukprn} that is not in the schools "
                "register. Load the register first, then import again. Nothing was saved."
            )
        return school
    return None


def _import_active(child: Child, plan: Plan, ap: x.ActivePlans, summary: ImportSummary) -> None:
    for pd in ap.placements:
        school = _school(pd)
        lookup = {
            "child": child,
            "school": school,
            "sen_setting": "" if school else (pd.sen_setting or ""),
            "start": pd.entry_date,
        }
        values = {
            "rank": int(pd.placement_rank or 1),
            "end": pd.leaving_date,
            "sen_setting_other": pd.sen_setting_other or "",
            "sen_unit": pd.sen_unit_indicator == "1",
            "resourced_provision": pd.resourced_provision_indicator == "1",
            "residential": pd.res or "",
            "work_based": pd.wbp or "",
        }
        _, created = _save(Placement(), lookup, values)
        summary.count("placements", created)
    needs = {n.sen_type_rank: n.sen_type for n in ap.sen_needs}
    want = {"primary_need": needs.get("1") or "", "secondary_need": needs.get("2") or ""}
    if any(getattr(child, k) != v for k, v in want.items()):
        Child.objects.filter(pk=child.pk).update(**want)
        summary.count("needs", False)
    if ap.review_meeting is not None:
        values = {"decision_on": ap.last_review, "outcome": REVIEW_FROM_SEN2.get(ap.review_outcome or "", "")}
        _, created = _save(AnnualReview(), {"plan": plan, "meeting": ap.review_meeting}, values)
        summary.count("reviews", created)
