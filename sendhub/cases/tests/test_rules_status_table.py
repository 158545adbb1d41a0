"""Whole-status table tests: every stage's next step, due date, lateness and milestones, as a case officer
sees them (pure, no Django). Each row names the provision that sets its date; written to pin every part of
the status (the step's wording included), so mutation testing (`make mutation`) finds no gap.

Received 2 June 2025: decision to assess due 14 July (reg 5(1), 6 weeks), notice not to issue due
22 September (reg 10(1), 16 weeks), final plan due 20 October (reg 13(2), 20 weeks), latest draft
5 October (reg 13(1)(a): 15 days before the final deadline).
"""

from datetime import date
from typing import Any

import pytest

from sendhub.cases import rules
from sendhub.cases.rules import AdviceDates as Advice
from sendhub.cases.rules import AssessmentFacts as Facts
from sendhub.cases.rules import ExceptionPeriod, ExceptionReason, PlanFacts, ReviewOutcome, Stage

R = date(2025, 6, 2)
EX = (ExceptionPeriod(ExceptionReason.PERSONAL_CIRCUMSTANCES, date(2025, 6, 20), date(2025, 7, 20)),)
ASSESSED: dict[str, Any] = {"received": R, "decided_to_assess": date(2025, 7, 7), "exceptions": EX}
DRAFT: dict[str, Any] = {**ASSESSED, "draft_issued": date(2025, 9, 15)}

ASSESSMENT_CASES = [
    # (facts, today, stage, next step, next due, overdue, days to due)
    (
        Facts(received=R, withdrawn=date(2025, 6, 20), exceptions=EX),
        date(2025, 7, 1),
        Stage.WITHDRAWN,
        "None: request withdrawn",
        None,
        False,
        None,
    ),
    (
        Facts(received=R, decided_not_to_assess=date(2025, 7, 1), exceptions=EX),
        date(2025, 7, 2),
        Stage.NOT_ASSESSED,
        "None: decided not to assess",
        None,
        False,
        None,
    ),
    # CFA s.44(1): the first review by the day before the first anniversary of the plan
    (
        Facts(**ASSESSED, final_issued=date(2025, 10, 27)),
        date(2025, 11, 1),
        Stage.PLAN_MAINTAINED,
        "First annual review",
        date(2026, 10, 26),
        False,
        359,
    ),
    (
        Facts(**ASSESSED, decided_not_to_issue=date(2025, 9, 1)),
        date(2025, 9, 2),
        Stage.NOT_ISSUED,
        "None: decided not to issue",
        None,
        False,
        None,
    ),
    (
        Facts(received=R, exceptions=EX),
        date(2025, 7, 1),  # reg 5(1)
        Stage.AWAITING_DECISION_TO_ASSESS,
        "Decide whether to assess (reg 5)",
        date(2025, 7, 14),
        False,
        13,
    ),
    (
        Facts(**DRAFT),
        date(2025, 9, 20),  # reg 13(1)(a): inside the 15 days for comments, which end first (29 Sep)
        Stage.DRAFT_ISSUED,
        "Comments on the draft (reg 13(1))",
        date(2025, 9, 29),
        False,
        9,
    ),
    (
        Facts(**DRAFT),
        date(2025, 9, 29),  # reg 13(1)(a): the 15th day, beginning with the day served: due today
        Stage.DRAFT_ISSUED,
        "Comments on the draft (reg 13(1))",
        date(2025, 9, 29),
        False,
        0,
    ),
    (
        Facts(**DRAFT, setting_consulted=date(2025, 9, 16)),
        date(2025, 10, 10),  # CFA s.39; CoP 9.79: the school's 15 days ended 1 Oct, before reg 13(2)
        Stage.DRAFT_ISSUED,
        "Requested setting's response awaited (CFA s.39)",
        date(2025, 10, 1),
        True,
        -9,
    ),
    (
        Facts(**DRAFT, setting_consulted=date(2025, 9, 16), setting_responded=date(2025, 9, 25)),
        date(2025, 10, 25),  # reg 13(2): the 20 weeks have passed
        Stage.AWAITING_FINAL,
        "Issue the final plan (reg 13(2))",
        date(2025, 10, 20),
        True,
        -5,
    ),
    (
        Facts(**DRAFT),
        date(2025, 9, 30),  # the day after the comments period
        Stage.AWAITING_FINAL,
        "Issue the final plan (reg 13(2))",
        date(2025, 10, 20),
        False,
        20,
    ),
    (
        Facts(**ASSESSED, decided_to_issue=date(2025, 9, 1)),
        date(2025, 9, 2),  # regs 13(1)(a) and 13(2)
        Stage.AWAITING_DECISION_TO_ISSUE,
        "Issue the draft plan (reg 13(1))",
        date(2025, 10, 5),
        False,
        33,
    ),
    (
        Facts(**ASSESSED, advice=(Advice(date(2025, 7, 8), date(2025, 8, 1)), Advice(date(2025, 7, 10)))),
        date(2025, 8, 2),  # reg 8(1): the outstanding advice, 6 weeks from asking for it
        Stage.ASSESSING,
        "Advice awaited (reg 8)",
        date(2025, 8, 21),
        False,
        19,
    ),
    (
        Facts(**ASSESSED, advice=(Advice(date(2025, 7, 20)), Advice(date(2025, 7, 10)))),
        date(2025, 8, 2),  # the earliest outstanding advice is the one due first
        Stage.ASSESSING,
        "Advice awaited (reg 8)",
        date(2025, 8, 21),
        False,
        19,
    ),
    (
        Facts(**ASSESSED),
        date(2025, 7, 8),  # reg 6 sets no limit of its own; reg 10(1)'s 16 weeks are the next one
        Stage.ASSESSING,
        "Request advice (reg 6), then decide whether to issue a plan (reg 10)",
        date(2025, 9, 22),
        False,
        76,
    ),
    (
        Facts(**ASSESSED, advice=(Advice(date(2025, 7, 8), date(2025, 8, 1)),)),
        date(2025, 9, 23),  # reg 10(1)
        Stage.AWAITING_DECISION_TO_ISSUE,
        "Decide whether to issue a plan (reg 10)",
        date(2025, 9, 22),
        True,
        -1,
    ),
]


@pytest.mark.parametrize(("facts", "today", "stage", "step", "due", "overdue", "days"), ASSESSMENT_CASES)
def test_assessment_status_in_full(facts, today, stage, step, due, overdue, days) -> None:
    status = rules.assessment_status(facts, today)
    assert (status.stage, status.next_step, status.next_due, status.overdue, status.days_to_due) == (
        stage,
        step,
        due,
        overdue,
        days,
    )
    assert status.exception_recorded  # every row records the reg 10(4) exception
    assert status.milestones == rules.ehc_milestones(facts, today)  # the banner and the table: one source
    assert status.due_within_14_days is (days is not None and 0 <= days <= 14)
    if facts.final_issued is None:
        assert status.timeliness is None
    else:
        assert status.timeliness == rules.plan_timeliness(facts.received, facts.final_issued, EX)


def test_an_issued_plan_reports_its_timeliness() -> None:  # reg 13(2), (3)
    facts = Facts(**ASSESSED, final_issued=date(2025, 10, 27))
    t = rules.assessment_status(facts, date(2025, 11, 1)).timeliness
    assert t is not None
    assert (t.on_time, t.exception_applies, t.days_taken, t.due) == (False, True, 147, date(2025, 10, 20))


def test_no_exception_recorded() -> None:
    status = rules.assessment_status(Facts(received=R), date(2025, 6, 3))
    assert not status.exception_recorded


MILESTONES_FULL = (
    (
        "decision_to_assess",
        "Decision whether to assess",
        "SEND Regs 2014 reg 5(1)",
        date(2025, 7, 14),
        date(2025, 7, 20),
    ),
    ("advice_1", "Advice 1 received", "SEND Regs 2014 reg 8(1)", date(2025, 9, 1), date(2025, 8, 20)),
    # advice 2 was never received: a finished request lists only the steps that were done
    # reg 10(1)'s 16 weeks bind only a decision not to issue; a decision to issue (shown by the draft of
    # 29 Sep, week 17) is bounded by the latest draft for the 20 weeks (regs 13(1)(a), 13(2)): not late
    (
        "decision_to_issue",
        "Decision whether to issue a plan (notice if not)",
        "SEND Regs 2014 reg 13(1)-(2)",
        date(2025, 10, 5),
        date(2025, 9, 29),
    ),
    ("draft_plan", "Draft plan issued", "SEND Regs 2014 reg 13(1)-(2)", date(2025, 10, 5), date(2025, 9, 29)),
    (  # reg 13(1)(a): a period; done on its last day, which passed before the final plan
        "draft_representations",
        "End of 15 days for comments on the draft",
        "SEND Regs 2014 reg 13(1)(a)",
        date(2025, 10, 13),
        date(2025, 10, 13),
    ),
    (
        "setting_consultation",
        "Named setting's response",
        "CFA 2014 s.39; CoP 9.79",
        date(2025, 10, 15),
        date(2025, 10, 10),
    ),
    (
        "final_plan",
        "Final EHC plan issued",
        "SEND Regs 2014 reg 13(2)",
        date(2025, 10, 20),
        date(2025, 10, 17),
    ),
)


def _milestones(facts: Facts) -> tuple[tuple[object, ...], ...]:
    return tuple((m.key, m.label, m.regulation, m.due, m.done) for m in rules.ehc_milestones(facts))


def test_milestones_of_a_whole_assessment() -> None:  # regs 5(1), 8(1), 13(1)(a), 13(2); CFA s.39
    facts = Facts(
        received=R,
        decided_to_assess=date(2025, 7, 20),
        advice=(Advice(date(2025, 7, 21), date(2025, 8, 20)), Advice(date(2025, 7, 22))),
        draft_issued=date(2025, 9, 29),
        setting_consulted=date(2025, 9, 30),
        setting_responded=date(2025, 10, 10),
        final_issued=date(2025, 10, 17),
    )
    assert _milestones(facts) == MILESTONES_FULL
    assert all(m.on_time() for m in rules.ehc_milestones(facts)[1:])  # only the decision to assess was late


def test_milestones_when_not_assessed() -> None:  # reg 5(1): the decision is the only step
    facts = Facts(received=R, decided_not_to_assess=date(2025, 7, 1))
    assert _milestones(facts) == ((*MILESTONES_FULL[0][:4], date(2025, 7, 1)),)


def test_milestones_when_not_issued() -> None:  # reg 10(1): notice within 16 weeks; no final plan step
    facts = Facts(received=R, decided_to_assess=date(2025, 7, 1), decided_not_to_issue=date(2025, 9, 1))
    assert _milestones(facts) == (
        (*MILESTONES_FULL[0][:4], date(2025, 7, 1)),
        (
            "decision_to_issue",
            "Decision whether to issue a plan (notice if not)",
            "SEND Regs 2014 reg 10(1)",
            date(2025, 9, 22),
            date(2025, 9, 1),
        ),
    )


@pytest.mark.parametrize(
    ("done", "today", "on_time", "overdue"),
    [
        (None, date(2025, 7, 14), None, False),  # due today: not yet overdue
        (None, date(2025, 7, 15), None, True),
        (date(2025, 7, 14), date(2025, 8, 1), True, False),  # done on the due date
        (date(2025, 7, 15), date(2025, 8, 1), False, False),  # done late: late, but no longer overdue
    ],
)
def test_milestone_on_time_and_overdue(done, today, on_time, overdue) -> None:  # reg 5(1)
    m = rules.Milestone(
        "decision_to_assess", "Decision whether to assess", "reg 5(1)", date(2025, 7, 14), done
    )
    assert (m.on_time(), m.overdue(today)) == (on_time, overdue)


MADE = date(2024, 3, 15)  # plan made; first review by 14 March 2025 (CFA s.44(1))
MET: dict[str, Any] = {"last_review_meeting": date(2025, 3, 1), "review_report_sent": date(2025, 3, 10)}

PLAN_CASES = [
    (
        PlanFacts(issued=MADE, ceased=date(2025, 11, 2)),
        date(2025, 12, 1),
        Stage.CEASED,
        "None: plan ceased",
        None,
        False,
        None,
    ),
    # Tribunal Procedure Rules r.20: maintained until the 2-month appeal period ends
    (
        PlanFacts(issued=MADE, cease_notice=date(2025, 9, 1)),
        date(2025, 9, 2),
        Stage.CEASING,
        "Maintain until the appeal period ends",
        date(2025, 11, 1),
        False,
        60,
    ),
    (
        PlanFacts(issued=MADE, last_review_meeting=date(2025, 3, 1)),
        date(2025, 3, 20),  # reg 20(7): 2 weeks
        Stage.AWAITING_REVIEW_REPORT,
        "Review report (reg 20(7))",
        date(2025, 3, 15),
        True,
        -5,
    ),
    (
        PlanFacts(issued=MADE, **MET),
        date(2025, 3, 20),  # reg 20(10): 4 weeks
        Stage.AWAITING_REVIEW_DECISION,
        "Decide: keep, amend or cease (reg 20(10))",
        date(2025, 3, 29),
        False,
        9,
    ),
    (
        PlanFacts(
            issued=MADE,
            **MET,
            review_decision=date(2025, 3, 20),
            review_outcome=ReviewOutcome.AMEND,
            amendment_notice=date(2025, 3, 25),
        ),
        date(2025, 5, 21),  # reg 22(3): 8 weeks
        Stage.AMENDMENT_PROPOSED,
        "Issue the amended plan (reg 22(3))",
        date(2025, 5, 20),
        True,
        -1,
    ),
    # an amended plan issued before these proposals does not answer them
    (
        PlanFacts(
            issued=MADE,
            **MET,
            review_decision=date(2025, 3, 20),
            amendment_notice=date(2025, 3, 25),
            amended_issued=date(2024, 9, 1),
        ),
        date(2025, 4, 1),
        Stage.AMENDMENT_PROPOSED,
        "Issue the amended plan (reg 22(3))",
        date(2025, 5, 20),
        False,
        49,
    ),
    # an amended plan issued on the day of the proposals answers them (CFA s.44(1) next)
    (
        PlanFacts(
            issued=MADE,
            **MET,
            review_decision=date(2025, 3, 20),
            amendment_notice=date(2025, 3, 25),
            amended_issued=date(2025, 3, 25),
        ),
        date(2025, 4, 1),
        Stage.PLAN_MAINTAINED,
        "Annual review meeting (CFA s.44)",
        date(2026, 2, 28),
        False,
        333,
    ),
    # reg 18: the transfer deadline comes before the 8 weeks of reg 22(3)
    (
        PlanFacts(
            issued=MADE,
            last_review_meeting=date(2025, 11, 1),
            review_report_sent=date(2025, 11, 10),
            review_decision=date(2025, 11, 20),
            review_outcome=ReviewOutcome.AMEND,
            amendment_notice=date(2026, 1, 5),
            phase_transfer_due=date(2026, 2, 15),
        ),
        date(2026, 2, 16),
        Stage.AMENDMENT_PROPOSED,
        "Issue the amended plan (reg 22(3))",
        date(2026, 2, 15),
        True,
        -1,
    ),
    # reg 22(3) comes first when the transfer deadline is later
    (
        PlanFacts(
            issued=MADE,
            last_review_meeting=date(2025, 11, 1),
            review_report_sent=date(2025, 11, 10),
            review_decision=date(2025, 11, 20),
            review_outcome=ReviewOutcome.AMEND,
            amendment_notice=date(2025, 11, 25),
            phase_transfer_due=date(2026, 2, 15),
        ),
        date(2025, 12, 1),
        Stage.AMENDMENT_PROPOSED,
        "Issue the amended plan (reg 22(3))",
        date(2026, 1, 20),
        False,
        50,
    ),
    (
        PlanFacts(issued=MADE),
        date(2025, 3, 14),  # CFA s.44(1): the last day of the 12 months
        Stage.PLAN_MAINTAINED,
        "Annual review meeting (CFA s.44)",
        date(2025, 3, 14),
        False,
        0,
    ),
    (
        PlanFacts(issued=MADE),
        date(2025, 3, 15),  # the anniversary: a day late
        Stage.PLAN_MAINTAINED,
        "Annual review meeting (CFA s.44)",
        date(2025, 3, 14),
        True,
        -1,
    ),
    (
        PlanFacts(issued=MADE, phase_transfer_due=date(2025, 2, 15)),
        date(2025, 1, 10),  # reg 18(1)(a) first
        Stage.PLAN_MAINTAINED,
        "Phase transfer review and amended plan (reg 18)",
        date(2025, 2, 15),
        False,
        36,
    ),
    (
        PlanFacts(issued=MADE, phase_transfer_due=date(2025, 3, 14)),
        date(2025, 1, 10),  # same day: the review
        Stage.PLAN_MAINTAINED,
        "Annual review meeting (CFA s.44)",
        date(2025, 3, 14),
        False,
        63,
    ),
    (
        PlanFacts(issued=MADE, phase_transfer_due=date(2025, 3, 31)),
        date(2025, 1, 10),  # reg 18(1)(b) after
        Stage.PLAN_MAINTAINED,
        "Annual review meeting (CFA s.44)",
        date(2025, 3, 14),
        False,
        63,
    ),
]


@pytest.mark.parametrize(("facts", "today", "stage", "step", "due", "overdue", "days"), PLAN_CASES)
def test_plan_status_in_full(facts, today, stage, step, due, overdue, days) -> None:
    status = rules.plan_status(facts, today)
    assert (status.stage, status.next_step, status.next_due, status.overdue, status.days_to_due) == (
        stage,
        step,
        due,
        overdue,
        days,
    )
    assert (status.exception_recorded, status.timeliness, status.milestones) == (False, None, ())


def test_a_request_not_issued_drops_advice_never_received() -> None:  # reg 10(1): nothing left to do
    facts = Facts(
        received=R,
        decided_to_assess=date(2025, 7, 1),
        advice=(Advice(date(2025, 7, 2)),),
        decided_not_to_issue=date(2025, 9, 1),
    )
    assert [m.key for m in rules.ehc_milestones(facts, date(2025, 9, 2))] == [
        "decision_to_assess",
        "decision_to_issue",
    ]


@pytest.mark.parametrize(
    ("facts", "headline", "summary"),
    [
        (Facts(received=R, withdrawn=date(2025, 6, 20)), "", "Request withdrawn"),
        (Facts(received=R), "", "Awaiting decision to assess"),
        (Facts(**ASSESSED), "Assessing: no advice requested yet", "Assessing: no advice requested yet"),
        (Facts(**ASSESSED, advice=(Advice(date(2025, 7, 8)),)), "", "Assessing: advice requested"),
        (
            Facts(**ASSESSED, decided_to_issue=date(2025, 9, 1)),
            "Decided to issue a plan: draft to be issued",
            "Decided to issue a plan: draft to be issued",
        ),
    ],
)
def test_the_banner_headline_says_where_the_request_stands(facts, headline, summary) -> None:  # regs 5, 6, 10
    status = rules.assessment_status(facts, date(2025, 7, 9))
    assert (status.headline, status.summary) == (headline, summary)
