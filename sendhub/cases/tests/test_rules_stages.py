"""Table tests for the stage/status model of a case (pure, no Django)."""

from datetime import date, timedelta

import pytest

from sendhub.cases import rules
from sendhub.cases.rules import (
    AdviceDates,
    AssessmentFacts,
    ExceptionPeriod,
    ExceptionReason,
    PlanFacts,
    ReviewOutcome,
    Stage,
)

R = date(2025, 6, 2)  # request received; final plan due 2025-10-20 (reg 13(2))


@pytest.mark.parametrize(
    ("facts", "today", "stage", "due", "overdue"),
    [
        # reg 5(1): decision to assess due 2025-07-14
        (
            AssessmentFacts(received=R),
            date(2025, 7, 14),
            Stage.AWAITING_DECISION_TO_ASSESS,
            date(2025, 7, 14),
            False,
        ),
        (
            AssessmentFacts(received=R),
            date(2025, 7, 15),
            Stage.AWAITING_DECISION_TO_ASSESS,
            date(2025, 7, 14),
            True,
        ),
        (
            AssessmentFacts(received=R, decided_not_to_assess=date(2025, 7, 1)),
            date(2025, 9, 1),
            Stage.NOT_ASSESSED,
            None,
            False,
        ),
        # reg 8(1): advice asked 2025-07-10 is due 2025-08-21
        (
            AssessmentFacts(
                received=R, decided_to_assess=date(2025, 7, 7), advice=(AdviceDates(date(2025, 7, 10)),)
            ),
            date(2025, 8, 22),
            Stage.ASSESSING,
            date(2025, 8, 21),
            True,
        ),
        # decided to assess but no advice requested yet: the reg 10(1) 16-week date frames it
        (
            AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7)),
            date(2025, 7, 8),
            Stage.ASSESSING,
            date(2025, 9, 22),
            False,
        ),
        # all advice in: decide whether to issue by week 16 (reg 10(1))
        (
            AssessmentFacts(
                received=R,
                decided_to_assess=date(2025, 7, 7),
                advice=(AdviceDates(date(2025, 7, 10), date(2025, 8, 15)),),
            ),
            date(2025, 8, 20),
            Stage.AWAITING_DECISION_TO_ISSUE,
            date(2025, 9, 22),
            False,
        ),
        (
            AssessmentFacts(
                received=R, decided_to_assess=date(2025, 7, 7), decided_not_to_issue=date(2025, 9, 20)
            ),
            date(2025, 10, 1),
            Stage.NOT_ISSUED,
            None,
            False,
        ),
        # decided to issue: the draft must go by 2025-10-05 to leave 15 days (reg 13(1)(a))
        (
            AssessmentFacts(
                received=R, decided_to_assess=date(2025, 7, 7), decided_to_issue=date(2025, 9, 1)
            ),
            date(2025, 10, 6),
            Stage.AWAITING_DECISION_TO_ISSUE,
            date(2025, 10, 5),
            True,
        ),
        # draft served 2025-09-15: comments until 2025-09-29, final due 2025-10-20
        (
            AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7), draft_issued=date(2025, 9, 15)),
            date(2025, 9, 29),
            Stage.DRAFT_ISSUED,
            date(2025, 10, 20),
            False,
        ),
        (
            AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7), draft_issued=date(2025, 9, 15)),
            date(2025, 9, 30),
            Stage.AWAITING_FINAL,
            date(2025, 10, 20),
            False,
        ),
        (
            AssessmentFacts(
                received=R,
                decided_to_assess=date(2025, 7, 7),
                draft_issued=date(2025, 9, 15),
                setting_consulted=date(2025, 9, 22),
            ),
            date(2025, 10, 21),
            Stage.DRAFT_ISSUED,
            date(2025, 10, 20),
            True,
        ),
        # final issued: the first annual review is due by the day before the anniversary (CFA s.44(1))
        (
            AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7), final_issued=date(2025, 10, 20)),
            date(2025, 11, 1),
            Stage.PLAN_MAINTAINED,
            date(2026, 10, 19),
            False,
        ),
        (
            AssessmentFacts(received=R, withdrawn=date(2025, 6, 30)),
            date(2025, 8, 1),
            Stage.WITHDRAWN,
            None,
            False,
        ),
    ],
)
def test_assessment_status(
    facts: AssessmentFacts, today: date, stage: Stage, due: date | None, overdue: bool
) -> None:
    status = rules.assessment_status(facts, today)
    assert (status.stage, status.next_due, status.overdue) == (stage, due, overdue)
    assert status.stage.closed == (due is None)


def test_status_reports_issued_plan_both_ways() -> None:  # regs 10(4), 13(2)-(3); DfE 20-week measure
    facts = AssessmentFacts(
        received=R,
        decided_to_assess=date(2025, 7, 7),
        final_issued=date(2025, 11, 3),
        exceptions=(ExceptionPeriod(ExceptionReason.SCHOOL_CLOSURE, date(2025, 7, 18), date(2025, 9, 3)),),
    )
    status = rules.assessment_status(facts, date(2025, 11, 10))
    assert status.exception_recorded
    assert status.timeliness is not None
    assert not status.timeliness.on_time
    assert status.timeliness.counts_including_exceptions
    assert not status.timeliness.counts_excluding_exceptions


def test_due_within_14_days() -> None:
    status = rules.assessment_status(AssessmentFacts(received=R), date(2025, 7, 1))
    assert status.days_to_due == 13
    assert status.due_within_14_days
    assert not rules.assessment_status(AssessmentFacts(received=R), date(2025, 6, 20)).due_within_14_days


def test_milestones_record_each_step_with_its_regulation() -> None:
    facts = AssessmentFacts(
        received=R,
        decided_to_assess=date(2025, 7, 20),  # late: due 2025-07-14
        advice=(AdviceDates(date(2025, 7, 21), date(2025, 8, 20)),),
        draft_issued=date(2025, 9, 29),
        final_issued=date(2025, 10, 17),
    )
    steps = {m.key: m for m in rules.ehc_milestones(facts)}
    assert steps["decision_to_assess"].on_time() is False
    assert steps["decision_to_assess"].regulation.endswith("reg 5(1)")
    assert steps["advice_1"].on_time() is True
    assert steps["final_plan"].on_time() is True
    assert steps["draft_representations"].due == date(2025, 10, 13)


P = date(2024, 2, 29)  # plan issued on leap day


@pytest.mark.parametrize(
    ("facts", "today", "stage", "due"),
    [
        (PlanFacts(issued=P), date(2025, 1, 10), Stage.PLAN_MAINTAINED, date(2025, 2, 28)),  # CFA s.44(1)
        (
            PlanFacts(issued=P, last_review_meeting=date(2025, 2, 20)),
            date(2025, 2, 25),
            Stage.AWAITING_REVIEW_REPORT,
            date(2025, 3, 6),
        ),
        (
            PlanFacts(issued=P, last_review_meeting=date(2025, 2, 20), review_report_sent=date(2025, 3, 3)),
            date(2025, 3, 4),
            Stage.AWAITING_REVIEW_DECISION,
            date(2025, 3, 20),  # reg 20(10)
        ),
        (
            PlanFacts(
                issued=P,
                last_review_meeting=date(2025, 2, 20),
                review_report_sent=date(2025, 3, 3),
                review_decision=date(2025, 3, 10),
                review_outcome=ReviewOutcome.AMEND,
                amendment_notice=date(2025, 3, 12),
            ),
            date(2025, 4, 1),
            Stage.AMENDMENT_PROPOSED,
            date(2025, 5, 7),  # reg 22(3): 8 weeks
        ),
        (
            PlanFacts(
                issued=P,
                last_review_meeting=date(2025, 2, 20),
                review_report_sent=date(2025, 3, 3),
                review_decision=date(2025, 3, 10),
                amendment_notice=date(2025, 3, 12),
                amended_issued=date(2025, 4, 30),
            ),
            date(2025, 5, 1),
            Stage.PLAN_MAINTAINED,
            date(2026, 2, 19),  # the 12 months starting with the meeting (CFA s.44(1))
        ),
        # phase transfer cohort: the reg 18 date comes before the anniversary
        (
            PlanFacts(issued=date(2025, 6, 1), phase_transfer_due=date(2026, 2, 15)),
            date(2025, 12, 1),
            Stage.PLAN_MAINTAINED,
            date(2026, 2, 15),
        ),
        # amendments proposed for a transfer: reg 18 date caps the reg 22(3) 8 weeks
        (
            PlanFacts(
                issued=date(2025, 3, 1),
                last_review_meeting=date(2025, 12, 1),
                review_report_sent=date(2025, 12, 5),
                review_decision=date(2025, 12, 20),
                amendment_notice=date(2026, 1, 5),
                phase_transfer_due=date(2026, 2, 15),
            ),
            date(2026, 1, 6),
            Stage.AMENDMENT_PROPOSED,
            date(2026, 2, 15),
        ),
        (
            PlanFacts(issued=P, cease_notice=date(2025, 9, 1)),
            date(2025, 9, 2),
            Stage.CEASING,
            date(2025, 11, 1),
        ),
        (PlanFacts(issued=P, ceased=date(2025, 11, 2)), date(2025, 12, 1), Stage.CEASED, None),
    ],
)
def test_plan_status(facts: PlanFacts, today: date, stage: Stage, due: date | None) -> None:
    status = rules.plan_status(facts, today)
    assert (status.stage, status.next_due) == (stage, due)


def test_overdue_review() -> None:
    status = rules.plan_status(PlanFacts(issued=P), date(2025, 3, 1))
    assert status.overdue
    assert status.days_to_due == -1


@pytest.mark.parametrize(
    ("previous", "meeting", "on_time"),
    [
        (None, date(2025, 2, 28), True),
        (None, date(2025, 3, 1), False),  # a day late from a leap-day plan
        (date(2025, 2, 1), date(2026, 1, 31), True),  # the last day of the 12 months starting 1 February
        (date(2025, 2, 1), date(2026, 2, 1), False),  # CFA s.44(1): a review on the anniversary is late
    ],
)
def test_review_on_time(previous: date | None, meeting: date, on_time: bool) -> None:  # CFA s.44(1)
    assert rules.review_on_time(P, previous, meeting) is on_time


# Reg 18(1)(a): the plan of a child moving to secondary school in September 2026 must be amended by
# 15 February 2026. The review is held in the school year before the move, usually in the autumn.
TRANSFER = date(2026, 2, 15)


@pytest.mark.parametrize(
    ("meeting", "amended", "today", "due", "overdue"),
    [
        # reviewed in October 2025, amended in December 2025: done early, not overdue on 1 March 2026
        (date(2025, 10, 22), date(2025, 12, 10), date(2026, 3, 1), date(2026, 10, 21), False),
        (
            date(2025, 7, 1),
            date(2025, 9, 1),
            date(2026, 3, 1),
            date(2026, 6, 30),
            False,
        ),  # window's first day
        (
            date(2025, 12, 1),
            date(2026, 2, 15),
            date(2026, 3, 1),
            date(2026, 11, 30),
            False,
        ),  # on the deadline
        # amended in the summer before the window (the year before): the transfer review is still owed
        (date(2025, 6, 20), date(2025, 8, 31), date(2026, 3, 1), TRANSFER, True),
        (date(2025, 10, 22), None, date(2026, 3, 1), TRANSFER, True),
        (date(2025, 10, 22), None, date(2026, 2, 15), TRANSFER, False),
    ],
)
def test_phase_transfer_amended_in_the_autumn_counts(
    meeting: date, amended: date | None, today: date, due: date, overdue: bool
) -> None:  # SEND Regs 2014 reg 18(1)(a); CFA s.44(1)
    facts = PlanFacts(
        issued=date(2024, 6, 1),
        last_review_meeting=meeting,
        review_report_sent=meeting + timedelta(days=8),
        review_decision=meeting + timedelta(days=20),
        review_outcome=ReviewOutcome.AMEND if amended else ReviewOutcome.KEEP,
        amendment_notice=meeting + timedelta(days=21) if amended else None,
        amended_issued=amended,
        phase_transfer_due=TRANSFER,
    )
    status = rules.plan_status(facts, today)
    assert (status.stage, status.next_due, status.overdue) == (Stage.PLAN_MAINTAINED, due, overdue)
