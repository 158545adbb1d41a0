"""Where a case stands: stage, next statutory step, due date and lateness (pure).

Given only the dates recorded on a case and ``today``, these functions say which stage
an EHC needs assessment or a maintained plan is in, what the next statutory step is and
when it is due, whether it is overdue, and (for issued plans) whether it was on time
with and without reg 10(4) exceptions, as DfE counts. Selectors mirror these rules in
SQL for worklists; tests check the two agree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from sendhub.cases.rules import assessment as a
from sendhub.cases.rules import reviews as r
from sendhub.cases.rules.assessment import ExceptionPeriod, Timeliness
from sendhub.cases.rules.cease import appeal_deadline


class Stage(enum.StrEnum):
    """Stages of a request for an EHC needs assessment and of the plan that follows."""

    AWAITING_DECISION_TO_ASSESS = "awaiting_decision_to_assess"
    NOT_ASSESSED = "not_assessed"
    ASSESSING = "assessing"
    AWAITING_DECISION_TO_ISSUE = "awaiting_decision_to_issue"
    NOT_ISSUED = "not_issued"
    DRAFT_ISSUED = "draft_issued"
    AWAITING_FINAL = "awaiting_final"
    PLAN_MAINTAINED = "plan_maintained"
    AWAITING_REVIEW_REPORT = "awaiting_review_report"
    AWAITING_REVIEW_DECISION = "awaiting_review_decision"
    AMENDMENT_PROPOSED = "amendment_proposed"
    CEASING = "ceasing"
    CEASED = "ceased"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]

    @property
    def closed(self) -> bool:
        return self in {Stage.NOT_ASSESSED, Stage.NOT_ISSUED, Stage.CEASED, Stage.WITHDRAWN}


STAGE_LABELS: dict[Stage, str] = {
    Stage.AWAITING_DECISION_TO_ASSESS: "Awaiting decision to assess",
    Stage.NOT_ASSESSED: "Decided not to assess",
    Stage.ASSESSING: "Assessing: advice requested",
    Stage.AWAITING_DECISION_TO_ISSUE: "Awaiting decision to issue",
    Stage.NOT_ISSUED: "Decided not to issue a plan",
    Stage.DRAFT_ISSUED: "Draft plan issued",
    Stage.AWAITING_FINAL: "Awaiting final plan",
    Stage.PLAN_MAINTAINED: "Plan maintained",
    Stage.AWAITING_REVIEW_REPORT: "Annual review: awaiting report",
    Stage.AWAITING_REVIEW_DECISION: "Annual review: awaiting decision",
    Stage.AMENDMENT_PROPOSED: "Amendments proposed",
    Stage.CEASING: "Ceasing to maintain",
    Stage.CEASED: "Plan ceased",
    Stage.WITHDRAWN: "Request withdrawn",
}


@dataclass(frozen=True, slots=True)
class AdviceDates:
    """One request for advice under reg 6(1): when asked, when (if) received."""

    requested: date
    received: date | None = None

    @property
    def due(self) -> date:
        return a.advice_due(self.requested)


@dataclass(frozen=True, slots=True)
class AssessmentFacts:
    """The dates recorded for one request for an EHC needs assessment."""

    received: date
    decided_to_assess: date | None = None
    decided_not_to_assess: date | None = None
    advice: tuple[AdviceDates, ...] = ()
    decided_not_to_issue: date | None = None
    decided_to_issue: date | None = None
    draft_issued: date | None = None
    setting_consulted: date | None = None
    setting_responded: date | None = None
    final_issued: date | None = None
    withdrawn: date | None = None
    exceptions: tuple[ExceptionPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class Milestone:
    """One statutory step: what, under which provision, when due, when done."""

    key: str
    label: str  # the milestone table's row: what is done when it is done
    regulation: str
    due: date
    done: date | None = None
    step: str = ""  # the "Next" banner and the worklist: what the officer has to do for it

    def on_time(self) -> bool | None:
        return None if self.done is None else self.done <= self.due

    def overdue(self, today: date) -> bool:
        return self.done is None and today > self.due


@dataclass(frozen=True, slots=True)
class CaseStatus:
    """What a case officer needs to know about a case today."""

    stage: Stage
    next_step: str
    next_due: date | None
    overdue: bool
    days_to_due: int | None
    exception_recorded: bool = False
    timeliness: Timeliness | None = None
    milestones: tuple[Milestone, ...] = field(default_factory=tuple)
    headline: str = ""  # where the case stands, when the stage's own label says too little

    @property
    def summary(self) -> str:
        return self.headline or self.stage.label

    @property
    def due_within_14_days(self) -> bool:
        return self.days_to_due is not None and 0 <= self.days_to_due <= 14


def _status(
    stage: Stage,
    step: str,
    due: date | None,
    today: date,
    *,
    exceptions: tuple[ExceptionPeriod, ...] = (),
    timeliness: Timeliness | None = None,
    milestones: tuple[Milestone, ...] = (),
    headline: str = "",
) -> CaseStatus:
    days = None if due is None else (due - today).days
    return CaseStatus(
        stage=stage,
        next_step=step,
        next_due=due,
        overdue=days is not None and days < 0,
        days_to_due=days,
        exception_recorded=bool(exceptions),
        timeliness=timeliness,
        milestones=milestones,
        headline=headline,
    )


def ehc_milestones(f: AssessmentFacts, today: date | None = None) -> tuple[Milestone, ...]:
    """The statutory steps of one request, in order, with due and done dates (regs 5, 8, 10, 13).

    The request page's table shows these and its "Next" banner shows `next_milestone` of the same
    tuple, so the two cannot disagree. A finished request (withdrawn, not assessed, not issued, or
    its final plan issued) keeps only the steps that were done: nothing is still to do on it. The
    15 days for comments on a draft are a period, not an act: they are done on their last day once
    ``today`` is past it, or on the day the final plan is issued if that came sooner.
    """
    decided = f.decided_to_assess or f.decided_not_to_assess
    steps = [
        Milestone(
            "decision_to_assess",
            "Decision whether to assess",
            "SEND Regs 2014 reg 5(1)",
            a.decision_to_assess_due(f.received),
            decided,
            "Decide whether to assess (reg 5)",
        ),
    ]
    for i, adv in enumerate(f.advice, start=1):
        steps.append(
            Milestone(
                f"advice_{i}",
                f"Advice {i} received",
                "SEND Regs 2014 reg 8(1)",
                adv.due,
                adv.received,
                "Advice awaited (reg 8)",
            )
        )
    if f.decided_not_to_assess is None:
        # Reg 10(1)'s 16 weeks bind only a decision *not* to issue. Once the authority has decided
        # to issue, the decision is bounded only by the draft it precedes (regs 13(1)(a) and 13(2)),
        # so a decision to issue in week 17 with the draft in time is not late.
        to_issue = f.decided_to_issue or f.draft_issued or f.final_issued
        if f.decided_not_to_issue is None and to_issue is not None:
            regulation, decision_due = (
                "SEND Regs 2014 reg 13(1)-(2)",
                a.latest_draft_for_final_on_time(f.received),
            )
        else:
            regulation, decision_due = "SEND Regs 2014 reg 10(1)", a.notice_not_to_issue_due(f.received)
        steps.append(
            Milestone(
                "decision_to_issue",
                "Decision whether to issue a plan (notice if not)",
                regulation,
                decision_due,
                f.decided_not_to_issue or to_issue,
                "Decide whether to issue a plan (reg 10)"
                if f.advice
                else "Request advice (reg 6), then decide whether to issue a plan (reg 10)",
            )
        )
    issuing = f.decided_not_to_assess is None and f.decided_not_to_issue is None
    if issuing:
        steps.append(
            Milestone(
                "draft_plan",
                "Draft plan issued",
                "SEND Regs 2014 reg 13(1)-(2)",
                a.latest_draft_for_final_on_time(f.received),
                f.draft_issued,
                "Issue the draft plan (reg 13(1))",
            )
        )
    if f.draft_issued is not None:
        comments_end = a.draft_representations_end(f.draft_issued)
        ended = comments_end if today is not None and today > comments_end else None
        if f.final_issued is not None:
            ended = min(comments_end, f.final_issued)
        steps.append(
            Milestone(
                "draft_representations",
                "End of 15 days for comments on the draft",
                "SEND Regs 2014 reg 13(1)(a)",
                comments_end,
                ended,
                "Comments on the draft (reg 13(1))",
            )
        )
    if f.setting_consulted is not None:
        steps.append(
            Milestone(
                "setting_consultation",
                "Named setting's response",
                "CFA 2014 s.39; CoP 9.79",
                a.setting_consultation_due(f.setting_consulted),
                f.setting_responded,
                "Requested setting's response awaited (CFA s.39)",
            )
        )
    if issuing:
        steps.append(
            Milestone(
                "final_plan",
                "Final EHC plan issued",
                "SEND Regs 2014 reg 13(2)",
                a.final_plan_due(f.received),
                f.final_issued,
                "Issue the final plan (reg 13(2))",
            )
        )
    finished = (
        f.final_issued is not None
        or f.withdrawn is not None
        or f.decided_not_to_assess is not None
        or f.decided_not_to_issue is not None
    )
    if finished:
        steps = [m for m in steps if m.done is not None]
    return tuple(steps)


def next_milestone(milestones: tuple[Milestone, ...]) -> Milestone | None:
    """The step still to do that falls due first (on a tie, the earlier in the statutory order)."""
    open_steps = [m for m in milestones if m.done is None]
    return min(open_steps, key=lambda m: m.due, default=None)


def assessment_status(f: AssessmentFacts, today: date) -> CaseStatus:
    """Stage, next step and lateness of a request for an EHC needs assessment on ``today``.

    The next step and its due date are `next_milestone(ehc_milestones(f, today))`: the statutory
    step still to do that falls due first. Deadlines: reg 5(1) decision to assess (6 weeks); reg
    8(1) advice (6 weeks from each request for advice); reg 10(1) notice not to issue (16 weeks);
    reg 13(1)(a) 15 days for comments on the draft; CFA s.39 the requested setting's 15 days; reg
    13(2) final plan (20 weeks). Deadlines are statutory dates; recorded reg 10(4) exceptions are
    flagged, not added to them.
    """
    ex = f.exceptions
    milestones = ehc_milestones(f, today)
    if f.withdrawn is not None and f.final_issued is None:
        return _status(
            Stage.WITHDRAWN, "None: request withdrawn", None, today, exceptions=ex, milestones=milestones
        )
    if f.decided_not_to_assess is not None:
        return _status(
            Stage.NOT_ASSESSED,
            "None: decided not to assess",
            None,
            today,
            exceptions=ex,
            milestones=milestones,
        )
    if f.final_issued is not None:
        t = a.plan_timeliness(f.received, f.final_issued, ex)
        return _status(
            Stage.PLAN_MAINTAINED,
            "First annual review",
            r.annual_review_due(f.final_issued),
            today,
            exceptions=ex,
            timeliness=t,
            milestones=milestones,
        )
    if f.decided_not_to_issue is not None:
        return _status(
            Stage.NOT_ISSUED, "None: decided not to issue", None, today, exceptions=ex, milestones=milestones
        )
    headline = ""
    if f.decided_to_assess is None:
        stage = Stage.AWAITING_DECISION_TO_ASSESS
    elif f.draft_issued is not None:
        comments_end = a.draft_representations_end(f.draft_issued)
        waiting_setting = f.setting_consulted is not None and f.setting_responded is None
        stage = Stage.DRAFT_ISSUED if today <= comments_end or waiting_setting else Stage.AWAITING_FINAL
    elif f.decided_to_issue is not None:
        stage, headline = Stage.AWAITING_DECISION_TO_ISSUE, "Decided to issue a plan: draft to be issued"
    elif any(adv.received is None for adv in f.advice) or not f.advice:
        stage = Stage.ASSESSING
        headline = "" if f.advice else "Assessing: no advice requested yet"
    else:
        stage = Stage.AWAITING_DECISION_TO_ISSUE
    upcoming = next_milestone(milestones)
    return _status(
        stage,
        upcoming.step if upcoming else "",
        upcoming.due if upcoming else None,
        today,
        exceptions=ex,
        milestones=milestones,
        headline=headline,
    )


class ReviewOutcome(enum.StrEnum):
    """Reg 20(10): after the review meeting the authority keeps, amends or ceases the plan."""

    KEEP = "keep"
    AMEND = "amend"
    CEASE = "cease"


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """The dates recorded for a maintained EHC plan and its latest review."""

    issued: date
    last_review_meeting: date | None = None
    review_report_sent: date | None = None
    review_decision: date | None = None
    review_outcome: ReviewOutcome | None = None
    amendment_notice: date | None = None
    amended_issued: date | None = None
    cease_notice: date | None = None
    ceased: date | None = None
    phase_transfer_due: date | None = None  # reg 18 deadline when the child is in a transfer cohort


def plan_status(f: PlanFacts, today: date) -> CaseStatus:
    """Stage and next step for a maintained plan: review (CFA s.44; regs 18-22) or cessation (regs 29-31).

    After a review meeting: report within 2 weeks (reg 20(7)), decision within 4 weeks
    (reg 20(10)); after proposed amendments, the amended plan within 8 weeks (reg 22(3)).
    A child in a phase-transfer cohort must have the plan amended by the reg 18 date,
    whichever comes first.
    """
    if f.ceased is not None:
        return _status(Stage.CEASED, "None: plan ceased", None, today)
    if f.cease_notice is not None:
        return _status(
            Stage.CEASING, "Maintain until the appeal period ends", appeal_deadline(f.cease_notice), today
        )
    meeting = f.last_review_meeting
    if meeting is not None and f.review_decision is None:
        if f.review_report_sent is None:
            return _status(
                Stage.AWAITING_REVIEW_REPORT, "Review report (reg 20(7))", r.review_report_due(meeting), today
            )
        return _status(
            Stage.AWAITING_REVIEW_DECISION,
            "Decide: keep, amend or cease (reg 20(10))",
            r.review_decision_due(meeting),
            today,
        )
    if f.amendment_notice is not None and (f.amended_issued is None or f.amended_issued < f.amendment_notice):
        due = r.amended_plan_due(f.amendment_notice)
        if f.phase_transfer_due is not None:
            due = min(due, f.phase_transfer_due)
        return _status(Stage.AMENDMENT_PROPOSED, "Issue the amended plan (reg 22(3))", due, today)
    review_due = r.annual_review_due(f.issued, meeting)
    step = "Annual review meeting (CFA s.44)"
    transfer = f.phase_transfer_due
    # Reg 18: an amendment issued anywhere in the transfer's review window (from the September
    # before) counts, so a plan amended in the autumn is not shown overdue in the spring.
    if (
        transfer is not None
        and not r.amended_for_phase_transfer(f.amended_issued, transfer.year)
        and transfer < review_due
    ):
        review_due, step = transfer, "Phase transfer review and amended plan (reg 18)"
    return _status(Stage.PLAN_MAINTAINED, step, review_due, today)


def review_on_time(plan_issued: date, previous_review: date | None, meeting: date) -> bool:
    """CFA s.44(1): was this review held in the 12 months starting with the plan or the previous review?

    A review on the anniversary is a day late (see ``reviews.annual_review_due``).
    """
    return meeting <= r.annual_review_due(plan_issued, previous_review)
