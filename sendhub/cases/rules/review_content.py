"""What an annual review must contain, its deadlines, and the answers settings give when consulted (pure).

Sources: Children and Families Act 2014 s.39 (naming a requested school or institution) and s.44
(reviews); SEND Regulations 2014 (SI 2014/1530) regs 18-22 (phase transfer, conduct of reviews, the
review meeting and report where the child attends a school (reg 20) or does not (reg 21), amending a
plan (reg 22)); SEND Code of Practice 0-25 (2015) paras 8.9-8.12, 9.78-9.84 and 9.166-9.185.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sendhub.cases.rules.assessment import setting_consultation_due
from sendhub.cases.rules.reviews import national_curriculum_year, review_decision_due, review_report_due

PFA_FROM_YEAR = 9  # reg 20(6), reg 21(6): "year 9 or beyond"


class PfaArea(enum.StrEnum):
    """The four Preparing for Adulthood areas (Code of Practice 2015 paras 8.9-8.12, 9.179)."""

    EMPLOYMENT = "employment"  # higher education and/or employment
    INDEPENDENT_LIVING = "independent_living"
    COMMUNITY = "community"  # participating in society: friends, relationships, community
    HEALTH = "health"  # being as healthy as possible in adult life


PFA_LABELS: dict[PfaArea, str] = {
    PfaArea.EMPLOYMENT: "Employment and higher education",
    PfaArea.INDEPENDENT_LIVING: "Independent living",
    PfaArea.COMMUNITY: "Community participation",
    PfaArea.HEALTH: "Health",
}


def pfa_required(birth: date, meeting: date) -> bool:
    """SEND Regulations 2014 reg 20(6) (school) and reg 21(6) (no school): from year 9, the review meeting
    must consider what provision is required to assist the child or young person in preparation for
    adulthood and independent living.

    The year is the National Curriculum year on the day of the meeting, from the date of birth
    (``national_curriculum_year``: a child born 1 September to 31 August of the next year shares a year
    group; year 9 is the school year in which they turn 14). It stays true for young people over
    compulsory school age (year 12 and beyond) up to 25.
    """
    return national_curriculum_year(birth, meeting) >= PFA_FROM_YEAR


class ReviewSection(enum.StrEnum):
    """The parts of a review record the officer completes (reg 19-21; Code of Practice 9.176)."""

    CHILD_VIEWS = "child_views"  # reg 19(a): the child's or young person's views, wishes and feelings
    PARENT_VIEWS = "parent_views"  # reg 19(a): the parent's views
    PROGRESS = "progress"  # reg 19(b)-(c), 20(5)(a): progress towards the outcomes in section E
    MEETS_NEEDS = "meets_needs"  # reg 20(5)(b): whether the plan remains appropriate
    RECOMMENDATIONS = "recommendations"  # reg 20(7)(a), 20(8): the report's recommendations


SECTION_PROBLEMS: dict[str, str] = {
    ReviewSection.CHILD_VIEWS: "Record the views of the child or young person (reg 19(a))",
    ReviewSection.PARENT_VIEWS: "Record the views of the parent (reg 19(a))",
    ReviewSection.PROGRESS: "Record the progress towards each outcome of the plan (reg 20(5))",
    ReviewSection.MEETS_NEEDS: "Say whether the plan still meets the child's needs (reg 20(5))",
    ReviewSection.RECOMMENDATIONS: "Record the review's recommendations (reg 20(7)-(8))",
}


def review_record_problems(
    *,
    filled: Mapping[str, bool],
    outcomes: int,
    outcomes_with_progress: int,
    pfa_due: bool,
    pfa_filled: Iterable[str] = (),
) -> list[str]:
    """What is still missing before the review report can be sent (regs 19, 20(5)-(8), 20(6)/21(6)).

    ``filled`` says which of the ``ReviewSection`` texts are recorded; each outcome of the plan's
    current version needs its progress (reg 20(5)); from year 9 (``pfa_due``) each Preparing for
    Adulthood area needs its text (reg 20(6)/21(6)). Problems come in the order the form asks.
    """
    problems = [
        SECTION_PROBLEMS[section]
        for section in (ReviewSection.CHILD_VIEWS, ReviewSection.PARENT_VIEWS)
        if not filled.get(section, False)
    ]
    if outcomes_with_progress < outcomes:
        problems.append(SECTION_PROBLEMS[ReviewSection.PROGRESS])
    for section in (ReviewSection.MEETS_NEEDS, ReviewSection.RECOMMENDATIONS):
        if not filled.get(section, False):
            problems.append(SECTION_PROBLEMS[section])
    if pfa_due:
        done = set(pfa_filled)
        problems.extend(
            f"Record the Preparing for Adulthood section on {label.lower()} (year 9 or beyond: reg 20(6))"
            for area, label in PFA_LABELS.items()
            if area.value not in done
        )
    return problems


class DeadlineState(enum.StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    DUE = "due"
    OVERDUE = "overdue"


DEADLINE_LABELS: dict[DeadlineState, str] = {
    DeadlineState.DONE_ON_TIME: "On time",
    DeadlineState.DONE_LATE: "Late",
    DeadlineState.DUE: "Due",
    DeadlineState.OVERDUE: "Overdue",
}


def deadline_state(due: date, done: date | None, today: date) -> DeadlineState:
    """A step due by ``due`` (inclusive): done on or before it is on time, after it late; not done and
    ``today`` after ``due`` is overdue."""
    if done is not None:
        return DeadlineState.DONE_ON_TIME if done <= due else DeadlineState.DONE_LATE
    return DeadlineState.OVERDUE if today > due else DeadlineState.DUE


@dataclass(frozen=True, slots=True)
class ReviewDeadline:
    step: str
    regulation: str
    due: date
    done: date | None
    state: DeadlineState

    @property
    def label(self) -> str:
        return DEADLINE_LABELS[self.state]


def review_deadlines(
    meeting: date, report_sent: date | None, decision_on: date | None, today: date, *, at_school: bool = True
) -> list[ReviewDeadline]:
    """The two deadlines after a review meeting, with where each stands.

    SEND Regulations 2014 reg 20(7)-(8) (the head teacher's report, sent within 2 weeks of the meeting)
    or reg 21(7)-(8) (where the child does not attend a school, the authority's own report, also within
    2 weeks); reg 20(10) or reg 21(9): the authority decides whether to keep, amend or cease the plan, and
    notifies the parent or young person, within 4 weeks of the meeting. Weeks are calendar weeks.
    """
    report_reg, decision_reg = (
        ("reg 20(7)-(8)", "reg 20(10)") if at_school else ("reg 21(7)-(8)", "reg 21(9)")
    )
    report_due, decision_due = review_report_due(meeting), review_decision_due(meeting)
    return [
        ReviewDeadline(
            "Review report sent",
            report_reg,
            report_due,
            report_sent,
            deadline_state(report_due, report_sent, today),
        ),
        ReviewDeadline(
            "Decision to keep, amend or cease, notified",
            decision_reg,
            decision_due,
            decision_on,
            deadline_state(decision_due, decision_on, today),
        ),
    ]


class SettingAnswer(enum.StrEnum):
    """A consulted setting's answer, in the terms of CFA 2014 s.39(4) (and s.40(2) where no school
    was requested): the authority must name a requested setting unless (a) it is unsuitable for the
    age, ability, aptitude or special educational needs of the child or young person, or (b) their
    attendance there would be incompatible with the provision of efficient education for others, or
    (c) with the efficient use of resources."""

    AGREE = "agree"
    CANNOT_MEET_NEEDS = "cannot_meet_needs"  # s.39(4)(a)
    INCOMPATIBLE_EDUCATION = "incompatible_education"  # s.39(4)(b)(i)
    INCOMPATIBLE_RESOURCES = "incompatible_resources"  # s.39(4)(b)(ii)


ANSWER_LABELS: dict[SettingAnswer, str] = {
    SettingAnswer.AGREE: "Agrees: can meet the needs and be named",
    SettingAnswer.CANNOT_MEET_NEEDS: "Cannot meet the needs: unsuitable for age, ability, aptitude or SEN (s.39(4)(a))",
    SettingAnswer.INCOMPATIBLE_EDUCATION: "Incompatible with the efficient education of others (s.39(4)(b))",
    SettingAnswer.INCOMPATIBLE_RESOURCES: "Incompatible with the efficient use of resources (s.39(4)(b))",
}


class ConsultationState(enum.StrEnum):
    AWAITING = "awaiting"
    OVERDUE = "overdue"
    ANSWERED = "answered"


def consultation_state(sent: date, answered_on: date | None, today: date) -> ConsultationState:
    """Awaiting the setting's answer, overdue once its 15 days have passed, or answered.

    The 15 days (``setting_consultation_due``) are calendar days from the day after the consultation
    was sent (sent 1 March: due by 16 March; weekends and bank holidays count): SEND Code of Practice
    2015 paras 9.83-9.84, guidance, since no regulation sets them. The duty to consult is CFA 2014
    s.39(2)-(3) (the setting the parent or young person asked for, and the authority that maintains it
    if another) and s.40(3) (a setting the authority is itself considering). The draft plan's own 15
    days for comments (reg 13(1)(a)) are a separate period.
    """
    if answered_on is not None:
        return ConsultationState.ANSWERED
    return ConsultationState.OVERDUE if today > setting_consultation_due(sent) else ConsultationState.AWAITING


def naming_problem(answer: str, reasons_given: bool, *, response_due: date, today: date) -> str:
    """Can a consulted setting be named in section I from its answer? "" when it can.

    A setting that agreed can be named. A refusal must give its reasons (CFA s.39(4) sets the only
    grounds; Code of Practice 9.79), and the authority decides: it may still name a setting that
    refused when it disagrees with the reasons, so a refusal with reasons is not a bar here. With no
    answer the authority may name the setting once the 15 days have passed (Code of Practice 9.84),
    not before.
    """
    if not answer:
        if today <= response_due:
            return "Wait for the setting's answer or for its 15 days to pass (Code of Practice 9.84)"
        return ""
    if answer != SettingAnswer.AGREE and not reasons_given:
        return "Record the setting's reasons for its answer first (CFA s.39(4))"
    return ""
