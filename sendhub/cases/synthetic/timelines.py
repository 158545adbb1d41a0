"""Dates for synthetic cases, chosen so the statutory engine puts each case in a wanted stage."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sendhub.cases.rules import (
    AdviceDates,
    AssessmentFacts,
    ExceptionPeriod,
    ExceptionReason,
    PlanFacts,
    RequestSource,
    ReviewOutcome,
    Stage,
)
from sendhub.cases.rules.periods import add_months
from sendhub.cases.rules.reviews import (
    PhaseTransfer,
    academic_year_start,
    annual_review_due,
    in_transfer_cohort,
    next_phase_transfer,
    phase_transfer_window,
)
from sendhub.cases.synthetic.history import FIRST_PLANS
from sendhub.lib.workdays import working_day_on_or_after

ADVICE_KINDS = ("educational", "psychological", "health", "social_care")


@dataclass
class SyntheticCase:
    """A request for assessment and, if a plan was issued, the plan that followed."""

    stage: Stage
    source: RequestSource
    assessment: AssessmentFacts
    plan: PlanFacts | None = None
    review_outcome: ReviewOutcome | None = None


def _days(d: date, n: int) -> date:
    return d + timedelta(days=n)


def _advice(rng: random.Random, decided: date, latest: date, *, all_in: bool) -> tuple[AdviceDates, ...]:
    """One request per advice kind after the decision to assess; returned by ``latest`` when ``all_in``."""
    advice = []
    for _ in ADVICE_KINDS:
        requested = min(_days(decided, rng.randint(0, 5)), latest)
        returned = min(_days(requested, rng.randint(20, 44)), latest)
        advice.append(AdviceDates(requested, returned if all_in or rng.random() < 0.5 else None))
    return tuple(advice)


def _exceptions(rng: random.Random, received: date, latest: date) -> tuple[ExceptionPeriod, ...]:
    """About one case in ten has a recorded reg 10(4) exception inside the assessment."""
    start = _days(received, rng.randint(10, 40))
    end = _days(start, rng.randint(28, 42))
    if rng.random() > 0.1 or end > latest:
        return ()
    reason = rng.choice([ExceptionReason.ABSENT_FROM_AREA, ExceptionReason.PERSONAL_CIRCUMSTANCES])
    return (ExceptionPeriod(reason, start, end),)


# Share of plans issued within 20 weeks: Camden's published figure (DfE timeliness_20_week, 2024, including
# exceptions) is 96%; the demo's live figure should land near it.
WITHIN_20_WEEKS = 0.96


def issued_assessment(rng: random.Random, issued: date, birth: date) -> AssessmentFacts:
    """The completed assessment behind a plan issued on ``issued`` (about 96% within 20 weeks)."""
    weeks_days = rng.randint(95, 136) if rng.random() < WITHIN_20_WEEKS else rng.randint(141, 220)
    received = max(_days(issued, -weeks_days), _days(birth, 1))
    decided = _days(received, rng.randint(25, 45))
    draft = max(_days(issued, -rng.randint(15, 35)), _days(decided, 20))
    return AssessmentFacts(
        received=received,
        decided_to_assess=decided,
        advice=_advice(rng, decided, _days(draft, -1), all_in=True),
        decided_to_issue=_days(draft, -rng.randint(1, 7)),
        draft_issued=draft,
        final_issued=issued,
        exceptions=_exceptions(rng, received, issued),
    )


def assessment_for(
    rng: random.Random, today: date, stage: Stage, offset: int, source: RequestSource
) -> SyntheticCase:
    """An open or closed request in ``stage`` whose next statutory date is about ``today + offset``."""
    facts: AssessmentFacts
    if stage is Stage.AWAITING_DECISION_TO_ASSESS:
        offset = offset if offset <= 42 else rng.randint(15, 42)
        facts = AssessmentFacts(received=_days(today, offset - 42))
    elif stage is Stage.ASSESSING:
        offset = offset if offset <= 42 else rng.randint(15, 42)
        first_request = _days(today, offset - 42)
        decided = _days(first_request, -rng.randint(0, 3))
        received = _days(decided, -rng.randint(25, 45))
        advice = list(_advice(rng, first_request, today, all_in=False))
        advice[0] = AdviceDates(first_request, None)  # the oldest request is still outstanding
        facts = AssessmentFacts(
            received=received,
            decided_to_assess=decided,
            advice=tuple(advice),
            exceptions=_exceptions(rng, received, today),
        )
    elif stage is Stage.AWAITING_DECISION_TO_ISSUE:
        offset = offset if offset <= 60 else rng.randint(15, 60)
        received = _days(today, offset - 112)
        decided = _days(received, rng.randint(25, 35))
        facts = AssessmentFacts(
            received=received,
            decided_to_assess=decided,
            advice=_advice(rng, decided, today, all_in=True),
            exceptions=_exceptions(rng, received, today),
        )
    elif stage in {Stage.DRAFT_ISSUED, Stage.AWAITING_FINAL}:
        waiting = stage is Stage.DRAFT_ISSUED
        offset = offset if offset <= 45 else rng.randint(15, 45)
        received = _days(today, offset - 140)
        draft = _days(today, -rng.randint(0, 14) if waiting else -rng.randint(19, 30))
        decided = _days(received, rng.randint(25, 40))
        consulted = _days(draft, rng.randint(0, 2)) if rng.random() < 0.5 else None
        if consulted is not None and consulted > today:
            consulted = today
        responded = None if waiting or consulted is None else min(_days(consulted, rng.randint(5, 15)), today)
        facts = AssessmentFacts(
            received=received,
            decided_to_assess=decided,
            advice=_advice(rng, decided, _days(draft, -1), all_in=True),
            decided_to_issue=_days(draft, -rng.randint(1, 5)),
            draft_issued=draft,
            setting_consulted=consulted,
            setting_responded=responded,
            exceptions=_exceptions(rng, received, today),
        )
    elif stage is Stage.NOT_ASSESSED:
        received = _days(today, -rng.randint(45, 400))
        facts = AssessmentFacts(received=received, decided_not_to_assess=_days(received, rng.randint(20, 44)))
    elif stage is Stage.NOT_ISSUED:
        received = _days(today, -rng.randint(126, 400))
        decided = _days(received, rng.randint(25, 40))
        not_issue = _days(received, rng.randint(90, 125))
        facts = AssessmentFacts(
            received=received,
            decided_to_assess=decided,
            advice=_advice(rng, decided, _days(not_issue, -1), all_in=True),
            decided_not_to_issue=not_issue,
        )
    elif stage is Stage.WITHDRAWN:
        received = _days(today, -rng.randint(20, 300))
        facts = AssessmentFacts(received=received, withdrawn=_days(received, rng.randint(5, 19)))
    else:
        raise ValueError(f"{stage} is not a stage of a request")
    return SyntheticCase(stage=stage, source=source, assessment=facts)


# How many years before its latest review a plan still maintained today was made: a plan made k years ago is
# still open with a chance that falls a little each year (plans end when a young person leaves education,
# moves away or no longer needs one), so older plans are fewer; none before EHC plans began, none before
# the child was six months old.
PLAN_YEARS = range(1, 13)
PLAN_YEAR_WEIGHTS = [0.95**k for k in PLAN_YEARS]


def _issued_before(rng: random.Random, anchor: date, birth: date) -> date:
    earliest = max(_days(birth, 180), FIRST_PLANS)
    most = (anchor - earliest).days // 366
    if most < 1:
        return max(earliest, _days(anchor, -60)) if earliest < anchor else _days(anchor, -60)
    years = rng.choices(PLAN_YEARS[:most], weights=PLAN_YEAR_WEIGHTS[:most])[0]
    issued = _days(add_months(anchor, -12 * years), -rng.randint(0, 20))
    return max(issued, earliest)


def ended_plan(
    rng: random.Random, birth: date, issued: date, ceased: date, source: RequestSource
) -> SyntheticCase:
    """A plan made on ``issued`` that the council ceased to maintain on ``ceased`` (notice given about two
    months before)."""
    notice = max(add_months(ceased, -2), _days(issued, (ceased - issued).days // 2))
    return SyntheticCase(
        stage=Stage.CEASED,
        source=source,
        assessment=issued_assessment(rng, issued, birth),
        plan=_amended_for_transfer(rng, PlanFacts(issued, cease_notice=notice, ceased=ceased), birth, ceased),
    )


def plan_for(
    rng: random.Random, birth: date, today: date, stage: Stage, offset: int, source: RequestSource
) -> SyntheticCase:
    """A maintained (or ceased) plan in ``stage`` whose next date is about ``today + offset``."""
    outcome: ReviewOutcome | None = None
    if stage is Stage.PLAN_MAINTAINED:
        plan, outcome = _maintained(rng, birth, today, offset)
    elif stage is Stage.AWAITING_REVIEW_REPORT:
        meeting = _days(today, (offset if offset <= 14 else rng.randint(0, 14)) - 14)
        plan = PlanFacts(issued=_issued_before(rng, meeting, birth), last_review_meeting=meeting)
    elif stage is Stage.AWAITING_REVIEW_DECISION:
        meeting = _days(today, (offset if offset <= 25 else rng.randint(0, 25)) - 28)
        plan = PlanFacts(
            issued=_issued_before(rng, meeting, birth),
            last_review_meeting=meeting,
            review_report_sent=_days(meeting, rng.randint(3, 14)),
        )
    elif stage is Stage.AMENDMENT_PROPOSED:
        notice = _days(today, (offset if offset <= 56 else rng.randint(0, 56)) - 56)
        meeting = _days(notice, -rng.randint(20, 40))
        outcome = ReviewOutcome.AMEND
        plan = PlanFacts(
            issued=_issued_before(rng, meeting, birth),
            last_review_meeting=meeting,
            review_report_sent=_days(meeting, 10),
            review_decision=_days(meeting, rng.randint(14, 20)),
            review_outcome=outcome,
            amendment_notice=notice,
        )
    elif stage is Stage.CEASING:
        notice = _days(today, -rng.randint(0, 55))
        plan = PlanFacts(issued=_issued_before(rng, notice, birth), cease_notice=notice)
    elif stage is Stage.CEASED:
        ceased = _days(today, -rng.randint(10, max(10, min(700, (today - birth).days - 400))))
        notice = add_months(ceased, -2)
        plan = PlanFacts(issued=_issued_before(rng, notice, birth), cease_notice=notice, ceased=ceased)
    else:
        raise ValueError(f"{stage} is not a stage of a plan")
    if stage is not Stage.CEASED:
        plan = _amended_for_transfer(rng, plan, birth, today)
        outcome = plan.review_outcome if plan.review_decision else outcome
    return SyntheticCase(
        stage=stage,
        source=source,
        assessment=issued_assessment(rng, plan.issued, birth),
        plan=plan,
        review_outcome=outcome,
    )


# Share of maintained plans not yet reviewed (made in the last year): Camden makes about 200 new plans a
# year (DfE newplans 2024: 202) against about 1,600 maintained.
NEW_PLANS = 0.2


def _maintained(
    rng: random.Random, birth: date, today: date, offset: int
) -> tuple[PlanFacts, ReviewOutcome | None]:
    transfer = next_phase_transfer(birth, today)
    if (
        transfer is not None
        and transfer.transfer_year == academic_year_start(today) + 1
        and transfer.amended_plan_due > today
        and rng.random() < 0.4
    ):
        # In the coming phase-transfer cohort and already reviewed and amended this autumn (reg 18).
        meeting = _days(today, -rng.randint(30, 70))
        issued = _issued_before(rng, meeting, birth)
        decision = _days(meeting, 20)
        notice = _days(decision, 3)
        amended_on = min(_days(notice, rng.randint(20, 50)), today)
        plan = PlanFacts(
            issued=issued,
            last_review_meeting=meeting,
            review_report_sent=_days(meeting, 10),
            review_decision=decision,
            review_outcome=ReviewOutcome.AMEND,
            amendment_notice=notice,
            amended_issued=amended_on,
        )
        return plan, ReviewOutcome.AMEND
    anchor = add_months(_days(today, offset), -12)
    if anchor < _days(birth, 180) or rng.random() < NEW_PLANS:
        return PlanFacts(issued=max(anchor, min(_days(birth, 180), _days(today, -10)))), None
    issued = _issued_before(rng, anchor, birth)
    outcome = ReviewOutcome.KEEP if rng.random() < 0.7 else ReviewOutcome.AMEND
    decision = _days(anchor, rng.randint(10, 28))
    proposed = _days(decision, 3) if outcome is ReviewOutcome.AMEND else None
    amended = min(_days(proposed, rng.randint(25, 60)), today) if proposed is not None else None
    plan = PlanFacts(
        issued=issued,
        last_review_meeting=anchor,
        review_report_sent=_days(anchor, rng.randint(5, 14)),
        review_decision=decision,
        review_outcome=outcome,
        amendment_notice=proposed,
        amended_issued=amended,
    )
    return plan, outcome


def _transfer_done(birth: date, today: date) -> PhaseTransfer | None:
    """The child's phase transfer (reg 18) whose deadline has passed in this calendar year or the two
    before (the years the live KPI offers), if any."""
    for year in range(today.year, today.year - 3, -1):
        transfer = in_transfer_cohort(birth, year)
        if transfer is not None and transfer.amended_plan_due < today:
            return transfer
    return None


# Phase transfers amended by the reg 18 deadline: most, a realistic minority a few weeks late.
TRANSFERS_ON_TIME = 0.93


def _amended_for_transfer(rng: random.Random, plan: PlanFacts, birth: date, today: date) -> PlanFacts:
    """``plan`` reviewed and amended for the child's latest phase transfer whose deadline has passed, in its
    review window (from the September before: reg 18 and Code of Practice 9.179): by the deadline about
    nine times in ten, otherwise up to two months after it. A later review keeps the amended plan as it
    is. A plan made in the window and not reviewed since is left as it is."""
    transfer = _transfer_done(birth, today)
    if transfer is None:
        return plan
    window, due = phase_transfer_window(transfer.transfer_year)[0], transfer.amended_plan_due
    if plan.issued >= _days(window, -30) and plan.last_review_meeting is not None:
        # Reviewed since: made before the window (its earlier reviews come from review_history).
        plan = replace(plan, issued=max(_days(window, -rng.randint(40, 400)), _days(birth, 180), FIRST_PLANS))
    if plan.issued >= _days(window, -30):
        return plan
    if rng.random() < TRANSFERS_ON_TIME:
        amended = _days(window, rng.randint(60, (due - window).days - 5))
    else:
        amended = _days(due, rng.randint(1, 60))
    amended = min(amended, _days(plan.cease_notice or today, -1))
    meeting = plan.last_review_meeting
    proposed = plan.amendment_notice if plan.amended_issued is None else None
    if proposed is not None and amended >= _days(proposed, -7):
        return plan  # the amendments proposed now are the transfer's: late
    if meeting is None or meeting > _days(amended, 14):
        # An earlier review made the transfer amendment; the latest one (if any) keeps the plan as it is.
        later = plan.review_outcome is ReviewOutcome.AMEND and plan.amended_issued is not None
        return replace(
            plan,
            review_outcome=ReviewOutcome.KEEP if later else plan.review_outcome,
            amendment_notice=plan.amendment_notice
            if plan.amendment_notice and not later
            else _days(amended, -rng.randint(10, 25)),
            amended_issued=amended,
        )
    if plan.review_decision is None or plan.cease_notice is not None or proposed is not None:
        return plan  # the latest review is still under way: the transfer amendment is late
    if not _days(window, 14) <= meeting <= _days(amended, -30):
        meeting = _days(amended, -rng.randint(30, 55))
    decision = _days(meeting, rng.randint(14, 20))
    return replace(
        plan,
        last_review_meeting=meeting,
        review_report_sent=_days(meeting, 10),
        review_decision=decision,
        review_outcome=ReviewOutcome.AMEND,
        amendment_notice=_days(decision, 3),
        amended_issued=amended,
    )


# Annual reviews held on time (by the last day of the 12 months, CFA 2014 s.44(1)): most, not all.
REVIEWS_ON_TIME = 0.9


def review_history(rng: random.Random, issued: date, last_meeting: date | None, until: date) -> list[date]:
    """The annual review meetings a plan had before its latest one (`last_meeting`, or `until` if none).

    Each is held in the 12 months the previous one (or the plan) started: about nine in ten a few weeks
    before the deadline, the rest a few weeks after it. Without these, every earlier anniversary of a plan
    made years ago counted as a review never held."""
    end = last_meeting or until
    meetings: list[date] = []
    previous: date | None = None
    while True:
        due = annual_review_due(issued, previous)
        if rng.random() < REVIEWS_ON_TIME:
            held = working_day_on_or_after(_days(due, -rng.randint(7, 45)))
        else:
            held = working_day_on_or_after(_days(due, rng.randint(1, 45)))
        if held >= _days(end, -120):
            return meetings
        meetings.append(held)
        previous = held
