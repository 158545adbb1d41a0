"""Table tests for the structured annual review and the consultations with settings (pure, no Django).

SEND Regulations 2014 regs 19-21 (reg 20(6) / 21(6): Preparing for Adulthood from year 9; reg 20(7)-(8)
/ 21(7)-(8): the report within 2 weeks; reg 20(10) / 21(9): the decision within 4 weeks); CFA 2014
s.39(4) (a setting's grounds for refusing); Code of Practice 2015 paras 9.83-9.84 (15 days to answer).
"""

from datetime import date

import pytest

from sendhub.cases import rules
from sendhub.cases.rules import ConsultationState, DeadlineState, SettingAnswer


@pytest.mark.parametrize(
    ("birth", "meeting", "due"),
    [
        # Year 9 is the school year in which the child turns 14 (born 1 September to 31 August).
        (date(2012, 9, 1), date(2025, 9, 1), False),  # autumn-born: year 8 in 2025-26
        (date(2011, 9, 1), date(2025, 9, 1), True),  # first day of year 9
        (date(2012, 8, 31), date(2025, 9, 1), True),  # summer-born: year 9 from 1 September 2025
        (date(2012, 8, 31), date(2025, 8, 31), False),  # the day before: still year 8
        (date(2012, 9, 1), date(2026, 8, 31), False),  # last day of year 8
        (date(2012, 9, 1), date(2026, 9, 1), True),  # first day of year 9
        (date(2008, 2, 29), date(2026, 3, 1), True),  # year 12 and beyond: still required (to 25)
        (date(2001, 7, 1), date(2026, 7, 1), True),  # a young person of 25
        (date(2016, 1, 1), date(2026, 1, 1), False),  # year 5
    ],
)
def test_pfa_required_from_year_9(birth: date, meeting: date, due: bool) -> None:  # reg 20(6), reg 21(6)
    assert rules.pfa_required(birth, meeting) is due


def test_pfa_required_agrees_with_the_national_curriculum_year() -> None:
    birth = date(2011, 12, 25)
    for meeting in (date(2024, 8, 31), date(2024, 9, 1), date(2025, 1, 1)):
        assert rules.pfa_required(birth, meeting) is (rules.national_curriculum_year(birth, meeting) >= 9)


ALL = {"child_views": True, "parent_views": True, "meets_needs": True, "recommendations": True}


@pytest.mark.parametrize(
    ("filled", "outcomes", "with_progress", "pfa_due", "pfa_filled", "problems"),
    [
        (ALL, 3, 3, False, [], []),
        (ALL, 0, 0, False, [], []),  # a plan with no structured outcomes
        (
            {},
            1,
            0,
            False,
            [],
            [
                "Record the views of the child or young person (reg 19(a))",
                "Record the views of the parent (reg 19(a))",
                "Record the progress towards each outcome of the plan (reg 20(5))",
                "Say whether the plan still meets the child's needs (reg 20(5))",
                "Record the review's recommendations (reg 20(7)-(8))",
            ],
        ),
        (ALL, 3, 2, False, [], ["Record the progress towards each outcome of the plan (reg 20(5))"]),
        ({**ALL, "parent_views": False}, 1, 1, False, [], ["Record the views of the parent (reg 19(a))"]),
        (ALL, 1, 1, True, ["employment", "independent_living", "community", "health"], []),
        (
            ALL,
            1,
            1,
            True,
            ["employment", "health"],
            [
                "Record the Preparing for Adulthood section on independent living (year 9 or beyond: reg 20(6))",
                "Record the Preparing for Adulthood section on community participation (year 9 or beyond: reg 20(6))",
            ],
        ),
        (ALL, 1, 1, False, [], []),  # before year 9 PfA is not asked for
    ],
)
def test_review_record_problems(filled, outcomes, with_progress, pfa_due, pfa_filled, problems) -> None:
    assert (
        rules.review_record_problems(
            filled=filled,
            outcomes=outcomes,
            outcomes_with_progress=with_progress,
            pfa_due=pfa_due,
            pfa_filled=pfa_filled,
        )
        == problems
    )


@pytest.mark.parametrize(
    ("due", "done", "today", "state"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), date(2026, 2, 1), DeadlineState.DONE_ON_TIME),  # on the day
        (date(2026, 1, 1), date(2026, 1, 2), date(2026, 2, 1), DeadlineState.DONE_LATE),
        (date(2026, 1, 1), None, date(2026, 1, 1), DeadlineState.DUE),  # the last day is not overdue
        (date(2026, 1, 1), None, date(2026, 1, 2), DeadlineState.OVERDUE),
        (date(2026, 1, 1), date(2025, 12, 20), date(2025, 12, 21), DeadlineState.DONE_ON_TIME),
    ],
)
def test_deadline_state(due, done, today, state) -> None:
    assert rules.deadline_state(due, done, today) is state


@pytest.mark.parametrize(
    ("meeting", "report", "decision", "today", "at_school", "expected"),
    [
        # reg 20(7)-(8): 2 calendar weeks; reg 20(10): 4 weeks (over Christmas: nothing moves)
        (
            date(2025, 12, 18),
            None,
            None,
            date(2026, 1, 2),
            True,
            [
                ("reg 20(7)-(8)", date(2026, 1, 1), DeadlineState.OVERDUE),
                ("reg 20(10)", date(2026, 1, 15), DeadlineState.DUE),
            ],
        ),
        (
            date(2024, 2, 22),
            date(2024, 3, 7),
            date(2024, 3, 22),
            date(2024, 4, 1),
            True,
            [
                ("reg 20(7)-(8)", date(2024, 3, 7), DeadlineState.DONE_ON_TIME),
                ("reg 20(10)", date(2024, 3, 21), DeadlineState.DONE_LATE),
            ],
        ),
        (  # no school: reg 21 instead
            date(2026, 3, 2),
            None,
            None,
            date(2026, 3, 2),
            False,
            [
                ("reg 21(7)-(8)", date(2026, 3, 16), DeadlineState.DUE),
                ("reg 21(9)", date(2026, 3, 30), DeadlineState.DUE),
            ],
        ),
    ],
)
def test_review_deadlines(meeting, report, decision, today, at_school, expected) -> None:
    got = rules.review_deadlines(meeting, report, decision, today, at_school=at_school)
    assert [(d.regulation, d.due, d.state) for d in got] == expected
    assert [d.step for d in got] == ["Review report sent", "Decision to keep, amend or cease, notified"]
    assert (
        got[0].label
        == {"overdue": "Overdue", "due": "Due", "done_on_time": "On time", "done_late": "Late"}[got[0].state]
    )


@pytest.mark.parametrize(
    ("sent", "answered", "today", "state"),
    [
        # 15 calendar days from the day after sending (Code of Practice 9.84): sent 1 March, due 16 March
        (date(2026, 3, 1), None, date(2026, 3, 16), ConsultationState.AWAITING),
        (date(2026, 3, 1), None, date(2026, 3, 17), ConsultationState.OVERDUE),
        (
            date(2026, 3, 1),
            date(2026, 3, 20),
            date(2026, 3, 21),
            ConsultationState.ANSWERED,
        ),  # late but answered
        (
            date(2025, 12, 20),
            None,
            date(2026, 1, 4),
            ConsultationState.AWAITING,
        ),  # over Christmas: calendar days
        (date(2025, 12, 20), None, date(2026, 1, 5), ConsultationState.OVERDUE),
        (date(2024, 2, 14), None, date(2024, 2, 29), ConsultationState.AWAITING),  # leap day is the due day
        (date(2024, 2, 14), None, date(2024, 3, 1), ConsultationState.OVERDUE),
    ],
)
def test_consultation_state(sent, answered, today, state) -> None:
    assert rules.consultation_state(sent, answered, today) is state


def test_setting_consultation_due_is_15_calendar_days() -> None:
    assert rules.setting_consultation_due(date(2026, 3, 1)) == date(2026, 3, 16)
    assert rules.setting_consultation_due(date(2025, 12, 20)) == date(2026, 1, 4)  # a Sunday: not moved


DUE = date(2026, 3, 16)


@pytest.mark.parametrize(
    ("answer", "reasons", "today", "problem"),
    [
        (SettingAnswer.AGREE.value, False, DUE, ""),
        (SettingAnswer.CANNOT_MEET_NEEDS.value, True, DUE, ""),  # the authority may disagree and name it
        (SettingAnswer.INCOMPATIBLE_EDUCATION.value, True, DUE, ""),
        (
            SettingAnswer.INCOMPATIBLE_RESOURCES.value,
            False,
            DUE,
            "Record the setting's reasons for its answer first (CFA s.39(4))",
        ),
        ("", False, DUE, "Wait for the setting's answer or for its 15 days to pass (Code of Practice 9.84)"),
        ("", False, date(2026, 3, 17), ""),  # no answer after 15 days: the authority may go on
    ],
)
def test_naming_problem(answer, reasons, today, problem) -> None:
    assert rules.naming_problem(answer, reasons, response_due=DUE, today=today) == problem


def test_answer_labels_name_the_grounds_of_s39_4() -> None:
    assert [a.value for a in SettingAnswer] == [
        "agree",
        "cannot_meet_needs",
        "incompatible_education",
        "incompatible_resources",
    ]
    assert "s.39(4)(a)" in rules.ANSWER_LABELS[SettingAnswer.CANNOT_MEET_NEEDS]
    assert "efficient use of resources" in rules.ANSWER_LABELS[SettingAnswer.INCOMPATIBLE_RESOURCES]
    assert [rules.PFA_LABELS[a] for a in rules.PfaArea] == [
        "Employment and higher education",
        "Independent living",
        "Community participation",
        "Health",
    ]
