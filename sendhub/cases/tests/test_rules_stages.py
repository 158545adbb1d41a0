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
        # draft served 2025-09-15: comments until 2025-09-29 come first, then the final due 2025-10-20
        (
            AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7), draft_issued=date(2025, 9, 15)),
            date(2025, 9, 29),
            Stage.DRAFT_ISSUED,
            date(2025, 9, 29),
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
            date(2025, 10, 7),  # the setting's 15 days (CFA s.39) ran out before the final plan's date
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


def test_milestones_before_the_draft_list_the_decision_to_issue_the_draft_and_the_final() -> None:
    steps = {m.key: m for m in rules.ehc_milestones(AssessmentFacts(received=R))}
    assert list(steps) == ["decision_to_assess", "decision_to_issue", "draft_plan", "final_plan"]
    assert steps["decision_to_issue"].due == date(2025, 9, 22)  # reg 10(1): 16 weeks
    assert steps["draft_plan"].due == date(2025, 10, 5)  # 15 days before the 20 weeks end
    assert steps["final_plan"].due == date(2025, 10, 20)


# The request page's "Next" banner shows status.next_step/next_due; its table shows status.milestones.
# Each case below is one the banner and the table once disagreed on (issue 17).


def banner_row(status: rules.CaseStatus) -> rules.Milestone:
    """The milestone table's row that the banner's "Next" names: it must exist and match."""
    (row,) = [m for m in status.milestones if m.done is None and m.due == status.next_due]
    assert row.step == status.next_step
    return row


def test_after_the_decision_to_assess_next_is_the_reg_10_decision_not_an_advice_date() -> None:
    status = rules.assessment_status(
        AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7)), date(2025, 7, 8)
    )
    row = banner_row(status)
    assert row.key == "decision_to_issue" and row.due == date(2025, 9, 22)
    assert status.next_step == "Request advice (reg 6), then decide whether to issue a plan (reg 10)"
    assert status.summary == "Assessing: no advice requested yet"


def test_after_the_decision_to_issue_the_banner_no_longer_awaits_it() -> None:
    facts = AssessmentFacts(
        received=R,
        decided_to_assess=date(2025, 7, 7),
        advice=(AdviceDates(date(2025, 7, 10), date(2025, 8, 15)),),
        decided_to_issue=date(2025, 9, 1),
    )
    status = rules.assessment_status(facts, date(2025, 9, 2))
    assert status.summary == "Decided to issue a plan: draft to be issued"
    assert "Awaiting decision" not in status.summary
    steps = {m.key: m for m in status.milestones}
    assert steps["decision_to_issue"].done == date(2025, 9, 1)
    assert banner_row(status).key == "draft_plan"


def test_after_the_draft_the_banner_gives_the_tables_comments_deadline() -> None:
    facts = AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7), draft_issued=date(2025, 9, 15))
    status = rules.assessment_status(facts, date(2025, 9, 20))
    row = banner_row(status)
    assert row.key == "draft_representations" and status.next_due == date(2025, 9, 29)
    # Once the 15 days are over, the period counts as done and the final plan is next.
    later = rules.assessment_status(facts, date(2025, 9, 30))
    assert {m.key: m.done for m in later.milestones}["draft_representations"] == date(2025, 9, 29)
    assert banner_row(later).key == "final_plan"


@pytest.mark.parametrize(
    "facts",
    [
        AssessmentFacts(
            received=R,
            decided_to_assess=date(2025, 7, 7),
            draft_issued=date(2025, 9, 15),
            setting_consulted=date(2025, 9, 16),
            final_issued=date(2025, 9, 25),  # before the 15 days ended: the family agreed the draft
        ),
        AssessmentFacts(received=R, decided_to_assess=date(2025, 7, 7), withdrawn=date(2025, 8, 1)),
        AssessmentFacts(
            received=R, decided_to_assess=date(2025, 7, 7), decided_not_to_issue=date(2025, 9, 1)
        ),
        AssessmentFacts(received=R, decided_not_to_assess=date(2025, 7, 1)),
    ],
)
def test_a_finished_request_shows_no_open_milestones(facts: AssessmentFacts) -> None:
    status = rules.assessment_status(facts, date(2025, 12, 1))
    assert status.milestones and all(m.done is not None for m in status.milestones)
    assert rules.next_milestone(status.milestones) is None


def test_a_final_plan_issued_early_closes_the_comments_period_that_day() -> None:
    facts = AssessmentFacts(
        received=R,
        decided_to_assess=date(2025, 7, 7),
        draft_issued=date(2025, 9, 15),
        final_issued=date(2025, 9, 25),
    )
    steps = {m.key: m for m in rules.ehc_milestones(facts)}
    assert steps["draft_representations"].done == date(2025, 9, 25)
    assert "setting_consultation" not in steps


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
