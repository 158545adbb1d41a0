"""EHC needs assessment and the 20-week timeline (pure functions).

Sources: Children and Families Act 2014 (CFA) ss.36-39; Special Educational Needs and
Disability Regulations 2014 (SI 2014/1530, "the Regulations") regs 3-14; SEND Code of
Practice 0-25 (2015) ch. 9. Each function names the provision it implements.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from sendhub.cases.rules.periods import add_days, add_weeks, period_beginning_with

DECISION_TO_ASSESS_WEEKS = 6  # reg 5(1)
ADVICE_WEEKS = 6  # reg 8(1)
NOTICE_NOT_TO_ISSUE_WEEKS = 16  # reg 10(1)
FINAL_PLAN_WEEKS = 20  # reg 13(2)
DRAFT_REPRESENTATION_DAYS = 15  # reg 13(1)(a)
SETTING_CONSULTATION_DAYS = 15  # CFA s.39(2); Code of Practice para 9.79
ONE_YEAR_WEEKS = 52  # DfE's "issued after 52 weeks" band


class RequestSource(enum.StrEnum):
    """Who asked for the assessment.

    CFA s.36(1): a request may be made by the child's parent, the young person, or a
    person acting on behalf of a school or post-16 institution. Anyone else (health,
    social care, early years, a relative) brings the child to the authority's notice
    under s.24, after which the authority must decide whether to assess (reg 5(1)(b)).
    The SEN2 return (RequestSource) distinguishes the same groups.
    """

    PARENT = "parent"
    YOUNG_PERSON = "young_person"
    SCHOOL = "school"
    HEALTH = "health"
    SOCIAL_CARE = "social_care"
    OTHER = "other"


class ExceptionReason(enum.StrEnum):
    """The exceptions of reg 10(4) (which also relieve reg 13(2) by reg 13(3)).

    The authority "need not comply with the time limit" if it is impractical because:
    (a) it asked a head teacher or principal for advice during the period beginning one
    week before the school or institution closed for at least 4 weeks and ending one week
    before it re-opened; (b) of exceptional personal circumstances affecting the child or
    the parent, or the young person; (c) the child or the parent, or the young person, was
    absent from the authority's area for a continuous period of at least 4 weeks. Reg 5(4)
    gives the same exceptions for the 6-week decision, and reg 8(2) for advice (adding
    (d): a missed appointment for an examination or test).
    """

    SCHOOL_CLOSURE = "school_closure"
    PERSONAL_CIRCUMSTANCES = "personal_circumstances"
    ABSENT_FROM_AREA = "absent_from_area"
    MISSED_APPOINTMENT = "missed_appointment"

    @property
    def regulation(self) -> str:
        return EXCEPTION_REGULATIONS[self]


EXCEPTION_REGULATIONS = {
    ExceptionReason.SCHOOL_CLOSURE: "reg 10(4)(a)",
    ExceptionReason.PERSONAL_CIRCUMSTANCES: "reg 10(4)(b)",
    ExceptionReason.ABSENT_FROM_AREA: "reg 10(4)(c)",
    ExceptionReason.MISSED_APPOINTMENT: "reg 8(2)(d)",
}
MIN_CLOSURE_OR_ABSENCE_DAYS = 28  # "a continuous period of not less than 4 weeks"


@dataclass(frozen=True, slots=True)
class ExceptionPeriod:
    """A recorded reg 10(4) exception: why, and from when to when."""

    reason: ExceptionReason
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("An exception cannot end before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def validate_exception(period: ExceptionPeriod, *, received: date) -> list[str]:
    """Problems with a recorded exception (empty list if it is acceptable).

    Reg 10(4)(a) and (c) require a continuous period of not less than 4 weeks (the school
    closure or the absence); an exception must fall within the assessment, so it cannot
    end before the request was received.
    """
    problems: list[str] = []
    if period.end < received:
        problems.append("The exception ends before the request was received")
    if (
        period.reason in {ExceptionReason.SCHOOL_CLOSURE, ExceptionReason.ABSENT_FROM_AREA}
        and period.days < MIN_CLOSURE_OR_ABSENCE_DAYS
    ):
        problems.append(f"{period.reason.regulation} needs a continuous period of at least 4 weeks")
    return problems


def decision_to_assess_due(received: date) -> date:
    """SEND Regulations 2014 reg 5(1): decide whether to assess and notify within 6 weeks.

    Counted from the day the request was received (reg 5(1)(a)) or the authority became
    responsible for the child (reg 5(1)(b)); reg 4 lists who must be told the request is
    being considered. Calendar weeks: a bank holiday does not move the date.
    """
    return add_weeks(received, DECISION_TO_ASSESS_WEEKS)


def advice_due(requested: date) -> date:
    """SEND Regulations 2014 reg 8(1): advice must be given within 6 weeks of the request for it.

    Applies to the advice sought under reg 6(1) (educational, medical, psychological,
    social care and other advice); reg 8(2) lists the exceptions.
    """
    return add_weeks(requested, ADVICE_WEEKS)


def notice_not_to_issue_due(received: date) -> date:
    """SEND Regulations 2014 reg 10(1): notify a decision not to issue a plan within 16 weeks.

    Counted from the date the request was received.
    """
    return add_weeks(received, NOTICE_NOT_TO_ISSUE_WEEKS)


def final_plan_due(received: date) -> date:
    """SEND Regulations 2014 reg 13(2): send the finalised EHC plan within 20 weeks of the request.

    The 20 weeks run from the date the request was received (or the authority became
    responsible for the child), not from the decision to assess.
    """
    return add_weeks(received, FINAL_PLAN_WEEKS)


def draft_representations_end(draft_served: date) -> date:
    """SEND Regulations 2014 reg 13(1)(a): at least 15 days, beginning with the day the draft plan is served.

    During this period the parent or young person may make representations, ask for a
    meeting and request a particular school or institution (CFA s.38(2)). Returns the
    last day of the period; the plan may not be finalised before the next day unless
    the parent or young person has responded.
    """
    return period_beginning_with(draft_served, DRAFT_REPRESENTATION_DAYS)


def earliest_final_plan(draft_served: date) -> date:
    """First day the plan may be finalised without a response: the day after reg 13(1)(a)'s period."""
    return add_days(draft_representations_end(draft_served), 1)


def setting_consultation_due(consulted: date) -> date:
    """CFA 2014 s.39(2)-(3); SEND Code of Practice para 9.79: the setting has 15 days to respond.

    Before naming a school or institution requested by the parent or young person the
    authority must consult its governing body, proprietor or principal, who should
    respond within 15 days of being consulted.
    """
    return add_days(consulted, SETTING_CONSULTATION_DAYS)


def latest_draft_for_final_on_time(received: date) -> date:
    """Latest date to serve the draft and still allow the 15-day period before the 20-week deadline.

    Combines reg 13(1)(a) and reg 13(2): the draft must be served so that its
    representation period ends before ``final_plan_due``.
    """
    return add_days(final_plan_due(received), -DRAFT_REPRESENTATION_DAYS)


class TimelinessBand(enum.StrEnum):
    """DfE's bands for plans issued (Education, health and care plans statistics)."""

    WITHIN_20_WEEKS = "within_20_weeks"
    OVER_20_UNDER_52_WEEKS = "over_20_under_52_weeks"
    OVER_52_WEEKS = "over_52_weeks"


@dataclass(frozen=True, slots=True)
class Timeliness:
    """How one issued plan counts in DfE's 20-week measure, with and without exceptions.

    ``on_time`` counts in both measures' numerator when true. ``counts_excluding_exceptions``
    is false when an exception applied: such a plan is dropped from the "excluding
    exceptions" numerator *and* denominator, but stays in the "including exceptions" one.
    """

    received: date
    issued: date
    due: date
    days_taken: int
    on_time: bool
    exception_applies: bool
    band: TimelinessBand

    @property
    def counts_including_exceptions(self) -> bool:
        return True

    @property
    def counts_excluding_exceptions(self) -> bool:
        return not self.exception_applies

    @property
    def weeks_taken(self) -> float:
        return self.days_taken / 7


def plan_timeliness(
    received: date, issued: date, exceptions: tuple[ExceptionPeriod, ...] | list[ExceptionPeriod] = ()
) -> Timeliness:
    """Reg 13(2) and (3): was the final plan issued within 20 weeks, and did a reg 10(4) exception apply?

    DfE reports 20-week timeliness both including and excluding cases where an exception
    applied (timeliness_20_week.csv: ``plans_issued_den`` vs ``plans_issued_den_ex``).

    Reg 13(3) relieves the 20-week limit only where meeting it is impractical *because of*
    a reg 10(4) exception, so an exception counts only if it could have caused the delay:
    it must overlap the time the authority had, from the request to the earlier of the
    20-week deadline and the issue of the plan. An absence or a school closure that starts
    after the deadline has passed (or after the plan was issued) does not apply.
    """
    if issued < received:
        raise ValueError("A plan cannot be issued before the request was received")
    due = final_plan_due(received)
    days = (issued - received).days
    if issued <= due:
        band = TimelinessBand.WITHIN_20_WEEKS
    elif issued <= add_weeks(received, ONE_YEAR_WEEKS):
        band = TimelinessBand.OVER_20_UNDER_52_WEEKS
    else:
        band = TimelinessBand.OVER_52_WEEKS
    applies = exceptions_could_delay(received, min(issued, due), exceptions)
    return Timeliness(received, issued, due, days, issued <= due, applies, band)


def exceptions_could_delay(
    received: date, until: date, exceptions: tuple[ExceptionPeriod, ...] | list[ExceptionPeriod]
) -> bool:
    """Reg 13(3): does a recorded exception overlap the days from ``received`` to ``until`` (both included)?"""
    return any(e.start <= until and e.end >= received for e in exceptions)


def exception_adjusted_due(
    due: date, exceptions: tuple[ExceptionPeriod, ...] | list[ExceptionPeriod]
) -> date:
    """A local management target: ``due`` pushed back by the days of recorded exceptions.

    Not a statutory date. Where reg 10(4) applies the Regulations simply relieve the
    authority of the time limit; the plan must still be issued "as soon as practicable".
    Officers use this target to keep such cases moving. Overlapping periods count once.
    """
    covered: set[date] = set()
    for e in exceptions:
        covered.update(add_days(e.start, i) for i in range(e.days))
    return add_days(due, len(covered))


@dataclass(frozen=True, slots=True)
class EhcDates:
    """The statutory dates of one request, counted from the date it was received."""

    decision_to_assess_due: date
    notice_not_to_issue_due: date
    final_plan_due: date
    latest_draft: date

    def as_json(self) -> dict[str, str]:
        """The stable contract printed by ``sendhub dates ehc``."""
        return {
            "decision_to_assess_due": self.decision_to_assess_due.isoformat(),
            "notice_not_to_issue_due": self.notice_not_to_issue_due.isoformat(),
            "final_plan_due": self.final_plan_due.isoformat(),
        }


def ehc_dates(received: date) -> EhcDates:
    """All reg 5, 10 and 13 dates for a request received on ``received``."""
    return EhcDates(
        decision_to_assess_due=decision_to_assess_due(received),
        notice_not_to_issue_due=notice_not_to_issue_due(received),
        final_plan_due=final_plan_due(received),
        latest_draft=latest_draft_for_final_on_time(received),
    )
