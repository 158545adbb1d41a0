"""The SEN2 return as plain dataclasses and the element order of each section. No Django.

Class and field names follow the XSD elements (``Requests`` is one request: the XSD repeats the
``<Requests>`` element once per request). Codes and 0/1 indicators stay strings, exactly as in the file,
so reading and writing a file gives the same bytes back; dates are ``datetime.date``.

The element specs below (element, attribute, kind) give each section's element order; ``xmlwrite``
writes a return from them and ``xmlread`` reads one, both streaming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class Header:
    year: int
    reference_date: date
    lea: str
    software_code: str = "SEND Hub"
    release: str = "1.0"
    serial_no: str = "001"
    date_time: datetime | None = None
    dmo: str = "Y"  # designated medical officer in post (Y/N/R recruiting)
    dco: str = "Y"  # designated clinical officer in post
    dsco: str | None = "Y"  # designated social care officer (2025 on)


@dataclass(slots=True)
class PlanDetail:  # a setting named in the plan (section I); also the shape of PlacementDetail
    urn: str | None = None
    ukprn: str | None = None
    sen_setting: str | None = None
    sen_setting_other: str | None = None
    placement_rank: str | None = None
    sen_unit_indicator: str | None = None
    resourced_provision_indicator: str | None = None


@dataclass(slots=True)
class NamedPlan:
    start_date: date | None = None
    plan_details: list[PlanDetail] = field(default_factory=list)
    plan_res: str | None = None
    plan_wbp: str | None = None
    pb: str | None = None
    oa: str | None = None
    dp: str | None = None
    cease_date: date | None = None
    cease_reason: str | None = None


@dataclass(slots=True)
class Assessment:
    assessment_outcome: str | None = None
    assessment_outcome_date: date | None = None
    assessment_mediation: str | None = None
    assessment_tribunal: str | None = None
    other_mediation: str | None = None
    other_tribunal: str | None = None
    week20: str | None = None
    named_plan: NamedPlan | None = None


@dataclass(slots=True)
class PlacementDetail:
    urn: str | None = None
    ukprn: str | None = None
    sen_setting: str | None = None
    sen_setting_other: str | None = None
    placement_rank: str | None = None
    entry_date: date | None = None
    leaving_date: date | None = None
    sen_unit_indicator: str | None = None
    resourced_provision_indicator: str | None = None
    res: str | None = None
    wbp: str | None = None


@dataclass(slots=True)
class SENneed:
    sen_type: str | None = None
    sen_type_rank: str | None = None


@dataclass(slots=True)
class ActivePlans:
    transfer_la: str | None = None
    placements: list[PlacementDetail] = field(default_factory=list)
    sen_needs: list[SENneed] = field(default_factory=list)
    review_meeting: date | None = None
    review_outcome: str | None = None
    review_draft: date | None = None
    phase_transfer_due_date: date | None = None
    phase_transfer_final_date: date | None = None
    last_review: date | None = None


@dataclass(slots=True)
class Request:
    received_date: date | None = None
    request_source: str | None = None
    rya: str | None = None
    request_outcome_date: date | None = None
    request_outcome: str | None = None
    request_mediation: str | None = None
    request_tribunal: str | None = None
    exported: str | None = None
    assessment: Assessment | None = None
    active_plans: ActivePlans | None = None


@dataclass(slots=True)
class Person:
    surname: str = ""
    forename: str = ""
    person_birth_date: date | None = None
    sex: str | None = None
    ethnicity: str | None = None
    post_code: str | None = None
    upn: str | None = None
    unique_learner_number: str | None = None
    upn_unknown: str | None = None
    requests: list[Request] = field(default_factory=list)
    line: int | None = None  # where the person starts in the file it was read from

    @property
    def key(self) -> str:
        """How a person is named in an error report (the XSD has no person identifier)."""
        if self.upn:
            return f"UPN {self.upn}"
        if self.unique_learner_number:
            return f"ULN {self.unique_learner_number}"
        born = self.person_birth_date.isoformat() if self.person_birth_date else "no date of birth"
        return f"{self.forename} {self.surname} (born {born})"


# Element order per section (the XSD sequences; they differ by year). Each entry: (element, attribute, kind).
PERSON_FIELDS = [
    ("Surname", "surname", "s"),
    ("Forename", "forename", "s"),
    ("PersonBirthDate", "person_birth_date", "d"),
    ("Sex", "sex", "s"),
    ("Ethnicity", "ethnicity", "s"),
    ("PostCode", "post_code", "s"),
    ("UPN", "upn", "s"),
    ("UniqueLearnerNumber", "unique_learner_number", "s"),
    ("UPNunknown", "upn_unknown", "s"),
]
REQUEST_FIELDS = [
    ("ReceivedDate", "received_date", "d"),
    ("RequestSource", "request_source", "s"),
    ("RYA", "rya", "s"),
    ("RequestOutcomeDate", "request_outcome_date", "d"),
    ("RequestOutcome", "request_outcome", "s"),
    ("RequestMediation", "request_mediation", "s"),
    ("RequestTribunal", "request_tribunal", "s"),
    ("Exported", "exported", "s"),
]
ASSESSMENT_FIELDS = [
    ("AssessmentOutcome", "assessment_outcome", "s"),
    ("AssessmentOutcomeDate", "assessment_outcome_date", "d"),
    ("AssessmentMediation", "assessment_mediation", "s"),
    ("AssessmentTribunal", "assessment_tribunal", "s"),
    ("OtherMediation", "other_mediation", "s"),
    ("OtherTribunal", "other_tribunal", "s"),
    ("Week20", "week20", "s"),
]
PLAN_FIELDS = [
    ("PlanRes", "plan_res", "s"),
    ("PlanWBP", "plan_wbp", "s"),
    ("PB", "pb", "s"),
    ("OA", "oa", "s"),
    ("DP", "dp", "s"),
    ("CeaseDate", "cease_date", "d"),
    ("CeaseReason", "cease_reason", "s"),
]
SETTING_FIELDS = [
    ("URN", "urn", "s"),
    ("UKPRN", "ukprn", "s"),
    ("SENSetting", "sen_setting", "s"),
    ("SENSettingOther", "sen_setting_other", "s"),
    ("PlacementRank", "placement_rank", "s"),
]
INDICATOR_FIELDS = [
    ("SENunitIndicator", "sen_unit_indicator", "s"),
    ("ResourcedProvisionIndicator", "resourced_provision_indicator", "s"),
]
PLAN_DETAIL_FIELDS = SETTING_FIELDS + INDICATOR_FIELDS
PLACEMENT_FIELDS = [
    *SETTING_FIELDS,
    ("EntryDate", "entry_date", "d"),
    ("LeavingDate", "leaving_date", "d"),
    *INDICATOR_FIELDS,
    ("Res", "res", "s"),
    ("WBP", "wbp", "s"),
]
NEED_FIELDS = [("SENtype", "sen_type", "s"), ("SENtypeRank", "sen_type_rank", "s")]
REVIEW_FIELDS = {
    "ReviewMeeting": ("review_meeting", "d"),
    "ReviewOutcome": ("review_outcome", "s"),
    "ReviewDraft": ("review_draft", "d"),
    "PhaseTransferDueDate": ("phase_transfer_due_date", "d"),
    "PhaseTransferFinalDate": ("phase_transfer_final_date", "d"),
    "LastReview": ("last_review", "d"),
}
REVIEW_ORDER = {
    2024: ["ReviewMeeting", "ReviewOutcome", "LastReview"],
    2025: [
        "ReviewMeeting",
        "LastReview",
        "ReviewOutcome",
        "ReviewDraft",
        "PhaseTransferDueDate",
        "PhaseTransferFinalDate",
    ],
    2026: [
        "ReviewMeeting",
        "ReviewOutcome",
        "ReviewDraft",
        "PhaseTransferDueDate",
        "PhaseTransferFinalDate",
        "LastReview",
    ],
}
REVIEW_ORDER[2027] = REVIEW_ORDER[
    2026
]  # 2027: the 2026 schema's structure until DfE publishes one (schema.py)
