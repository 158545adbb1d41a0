"""Live local KPIs from casework, as pure functions over plain facts. No Django imports.

Each KPI states its definition, its legal source, its numerator and denominator, and keeps the ids of
the children behind both, so staff can drill down to the cases. The selectors turn case records into the
facts below; these functions only count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sendhub.cases.rules.assessment import ExceptionPeriod, plan_timeliness
from sendhub.cases.rules.reviews import REVIEW_DECISION_WEEKS, PhaseTransfer, annual_review_due

SIX_WEEKS = timedelta(weeks=6)  # SEND Regulations 2014 reg 5(1)


@dataclass(frozen=True)
class RequestFact:
    child_id: int
    received: date
    decided_on: date | None = None
    decided_to_assess: bool | None = None
    final_issued: date | None = None
    exceptions: tuple[ExceptionPeriod, ...] = ()


@dataclass(frozen=True)
class ReviewFact:
    """One EHC plan's review history: when it started, when it ceased, and each review meeting held
    (with the date the decision after it was notified)."""

    child_id: int
    plan_start: date
    ceased: date | None
    meetings: tuple[tuple[date, date | None], ...] = ()


@dataclass(frozen=True)
class ReviewDue:
    child_id: int
    due: date
    held: date | None

    @property
    def on_time(self) -> bool:
        return self.held is not None and self.held <= self.due


def reviews_due(plan: ReviewFact, *, until: date) -> list[ReviewDue]:
    """Every s.44(1) review deadline of a plan up to `until`, each with the meeting that answered it.

    CFA 2014 s.44(1): a review in the 12 months starting with the date the plan was made, then in each
    12 months starting with the last review. Each meeting answers the deadline then running (on time if
    held by it); a deadline with no meeting is missed, and the next 12 months start the day after it.
    A plan that ceased on or before a deadline owes no review for it.
    """
    meetings = sorted(m for m, _ in plan.meetings if m >= plan.plan_start)
    result: list[ReviewDue] = []
    last: date | None = None
    index = 0
    while True:
        due = annual_review_due(plan.plan_start, last)
        if plan.ceased is not None and plan.ceased <= due:
            break
        if index < len(meetings):
            held = meetings[index]
            index += 1
            result.append(ReviewDue(plan.child_id, due, held))
            last = held
        elif due <= until:
            result.append(ReviewDue(plan.child_id, due, None))
            last = due + timedelta(days=1)
        else:
            break
    return result


@dataclass(frozen=True)
class TransferFact:
    child_id: int
    transfer: PhaseTransfer
    amended_issued: date | None


@dataclass(frozen=True)
class ChildFact:
    child_id: int
    sen_status: str
    age: int
    need: str
    setting: str
    ward: str
    ethnicity: str
    sex: str
    free_school_meals: bool
    looked_after: bool


@dataclass(frozen=True)
class AppealFact:
    child_id: int
    lodged: date
    kind: str


@dataclass(frozen=True)
class Facts:
    requests: list[RequestFact] = field(default_factory=list)
    reviews: list[ReviewFact] = field(default_factory=list)
    transfers: list[TransferFact] = field(default_factory=list)
    children: list[ChildFact] = field(default_factory=list)
    appeals: list[AppealFact] = field(default_factory=list)


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    definition: str
    source: str
    numerator_label: str
    numerator: frozenset[int]
    denominator_label: str = ""
    denominator: frozenset[int] | None = None
    numerator_count: int = 0
    denominator_count: int | None = None

    @property
    def percent(self) -> float | None:
        if not self.denominator_count:
            return None
        return round(100 * self.numerator_count / self.denominator_count, 1)


def _within(d: date | None, start: date, end: date) -> bool:
    return d is not None and start <= d <= end


def compute_kpis(facts: Facts, *, start: date, end: date) -> list[Kpi]:
    """The KPIs for events from `start` to `end` inclusive (for example one calendar year)."""
    received = [r for r in facts.requests if _within(r.received, start, end)]
    decided = [r for r in facts.requests if _within(r.decided_on, start, end)]
    in_six = [r for r in decided if r.decided_on and r.decided_on <= r.received + SIX_WEEKS]
    issued = [r for r in facts.requests if _within(r.final_issued, start, end)]
    timely = {
        id(r): plan_timeliness(r.received, r.final_issued, r.exceptions) for r in issued if r.final_issued
    }
    on_time = [r for r in issued if timely[id(r)].on_time]
    no_exception = [r for r in issued if not timely[id(r)].exception_applies]
    on_time_ex = [r for r in no_exception if timely[id(r)].on_time]
    due = [d for plan in facts.reviews for d in reviews_due(plan, until=end) if _within(d.due, start, end)]
    reviews_on_time = [d for d in due if d.on_time]
    reviews = [
        (plan.child_id, meeting, decision_on)
        for plan in facts.reviews
        for meeting, decision_on in plan.meetings
        if _within(meeting, start, end)
    ]
    decisions_4 = [v for v in reviews if v[2] and v[2] <= v[1] + timedelta(weeks=REVIEW_DECISION_WEEKS)]
    transfers = [t for t in facts.transfers if _within(t.transfer.amended_plan_due, start, end)]
    transfers_on_time = [
        t for t in transfers if t.amended_issued and t.amended_issued <= t.transfer.amended_plan_due
    ]
    appeals = [a for a in facts.appeals if _within(a.lodged, start, end)]
    refusals = [r for r in decided if r.decided_to_assess is False]

    def ids(rows: Iterable[object]) -> frozenset[int]:
        return frozenset(r[0] if isinstance(r, tuple) else getattr(r, "child_id") for r in rows)  # noqa: B009

    def kpi(
        key: str,
        label: str,
        definition: str,
        source: str,
        num_label: str,
        num: list[Any],
        den_label: str = "",
        den: list[Any] | None = None,
    ) -> Kpi:
        return Kpi(
            key,
            label,
            definition,
            source,
            num_label,
            ids(num),
            den_label,
            None if den is None else ids(den),
            len(num),
            None if den is None else len(den),
        )

    return [
        kpi(
            "requests",
            "Requests for an EHC needs assessment",
            "Requests received in the period.",
            "Children and Families Act 2014 s.36",
            "Requests received",
            received,
        ),
        kpi(
            "decisions",
            "Decisions whether to assess",
            "Decisions to assess or not to assess made in the period.",
            "SEND Regulations 2014 reg 4 and 5",
            "Decisions made",
            decided,
        ),
        kpi(
            "six_week",
            "Decisions within 6 weeks",
            "Decisions made in the period within 6 weeks of the request.",
            "SEND Regulations 2014 reg 5(1)",
            "Decided within 6 weeks",
            in_six,
            "Decisions made",
            decided,
        ),
        kpi(
            "refusals",
            "Requests refused",
            "Decisions not to assess made in the period.",
            "SEND Regulations 2014 reg 5",
            "Decided not to assess",
            refusals,
            "Decisions made",
            decided,
        ),
        kpi(
            "twenty_week_incl",
            "EHC plans issued within 20 weeks (including exceptions)",
            "Final plans issued in the period within 20 weeks of the request, out of all plans issued.",
            "SEND Regulations 2014 reg 13(2); DfE timeliness_20_week",
            "Issued within 20 weeks",
            on_time,
            "Plans issued",
            issued,
        ),
        kpi(
            "twenty_week_excl",
            "EHC plans issued within 20 weeks (excluding exceptions)",
            "As above, leaving out plans where a reg 10(4) exception applied.",
            "SEND Regulations 2014 reg 10(4), 13(3); DfE timeliness_20_week",
            "Issued within 20 weeks",
            on_time_ex,
            "Plans issued without an exception",
            no_exception,
        ),
        kpi(
            "reviews_on_time",
            "Annual reviews on time",
            "Reviews due in the period (the last day of the 12 months starting with the plan or the last "
            "review falls in it, the plan still maintained) that were held by that day, out of all "
            "reviews due; a review not held counts as late.",
            "Children and Families Act 2014 s.44(1); DfE SEN2 annual reviews",
            "Held by the due date",
            reviews_on_time,
            "Reviews due",
            due,
        ),
        kpi(
            "review_decisions",
            "Review decisions within 4 weeks",
            "Review meetings held in the period whose decision was notified within 4 weeks.",
            "SEND Regulations 2014 reg 20(10), 21(9)",
            "Decided within 4 weeks",
            decisions_4,
            "Reviews held",
            reviews,
        ),
        kpi(
            "phase_transfers",
            "Phase transfers amended on time (15 February / 31 March)",
            "Transfer plans due in the period amended by 15 February (school) or 31 March (post-16).",
            "SEND Regulations 2014 reg 18(1)",
            "Amended by the deadline",
            transfers_on_time,
            "Transfers due",
            transfers,
        ),
        kpi(
            "appeals",
            "Tribunal appeals and mediation",
            "Appeals and mediation cases lodged in the period.",
            "Children and Families Act 2014 s.51",
            "Appeals lodged",
            appeals,
        ),
    ]


def caseload_breakdowns(children: Iterable[ChildFact]) -> dict[str, list[tuple[str, int]]]:
    """Children with an EHC plan by need, age, setting and ward; and the SEN status counts."""
    children = list(children)
    plans = [c for c in children if c.sen_status == "ehcp"]

    def count(values: Iterable[str]) -> list[tuple[str, int]]:
        return sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))

    return {
        "Primary need": count(c.need or "Not recorded" for c in plans),
        "Age": sorted(
            Counter(_age_band(c.age) for c in plans).items(), key=lambda kv: _AGE_ORDER.index(kv[0])
        ),
        "Setting": count(c.setting or "Not recorded" for c in plans),
        "Ward": count(c.ward or "Not recorded" for c in plans),
        "SEN status": count(c.sen_status for c in children),
    }


_AGE_ORDER = ["Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25", "Over 25"]


def _age_band(age: int) -> str:
    for upper, label in (
        (4, "Under 5"),
        (10, "5 to 10"),
        (15, "11 to 15"),
        (19, "16 to 19"),
        (25, "20 to 25"),
    ):
        if age <= upper:
            return label
    return "Over 25"
