"""Annual reviews, amendments and phase transfers (pure functions).

Sources: Children and Families Act 2014 s.44 (reviews); SEND Regulations 2014 regs 18
(phase transfer), 19 (conduct of reviews), 20 (review where the child attends a school),
21 (review where the child does not attend a school) and 22 (amending a plan); SEND Code
of Practice 2015 paras 9.166-9.199.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from sendhub.cases.rules.periods import add_months, add_weeks, months_beginning_with, period_beginning_with

REVIEW_INTERVAL_MONTHS = 12  # CFA s.44(1)
UNDER_FIVE_REVIEW_MONTHS = 6  # Code of Practice para 9.178 (children under 5)
REVIEW_REPORT_WEEKS = 2  # reg 20(7)-(8) / reg 21(7)-(8)
REVIEW_DECISION_WEEKS = 4  # reg 20(10) / reg 21(9)
AMENDMENT_REPRESENTATION_DAYS = 15  # reg 22(2)
AMENDED_PLAN_WEEKS = 8  # reg 22(3)


def annual_review_due(plan_issued: date, last_review: date | None = None) -> date:
    """CFA 2014 s.44(1): the last day for the review, the plan being made or last reviewed on the given dates.

    s.44(1) requires a review "in the period of 12 months starting with the date on which
    the plan was made" and then "in each subsequent period of 12 months starting with the
    date on which the plan was last reviewed". The period starts with that date, so it ends
    the day before the anniversary: a plan made on 15 March 2024 is due for review by
    14 March 2025, and a review held on 15 March 2025 is late. ``last_review`` is the date
    of the last review meeting (the review is "held" on that date for SEN2). From
    29 February the review is due by 28 February of the next year (there is no anniversary).
    """
    start = last_review if last_review is not None and last_review > plan_issued else plan_issued
    return months_beginning_with(start, REVIEW_INTERVAL_MONTHS)


def early_years_review_due(plan_issued: date, last_review: date | None = None) -> date:
    """SEND Code of Practice para 9.178: for a child under 5, consider reviewing every 3 to 6 months.

    Guidance, not a statutory limit; returned as the 6-month outer bound.
    """
    start = last_review if last_review is not None and last_review > plan_issued else plan_issued
    return add_months(start, UNDER_FIVE_REVIEW_MONTHS)


def review_report_due(meeting: date) -> date:
    """SEND Regulations 2014 reg 20(7)-(8): the written report is sent within 2 weeks of the review meeting.

    Where the child attends a school the head teacher prepares and circulates it; where
    not, the authority does (reg 21).
    """
    return add_weeks(meeting, REVIEW_REPORT_WEEKS)


def review_decision_due(meeting: date) -> date:
    """SEND Regulations 2014 reg 20(10): decide to keep, amend or cease within 4 weeks of the meeting.

    The authority notifies the parent or young person of the decision (and reg 21 applies
    the same limit where the child does not attend a school).
    """
    return add_weeks(meeting, REVIEW_DECISION_WEEKS)


def amendment_representations_end(notice_sent: date) -> date:
    """SEND Regulations 2014 reg 22(2): at least 15 days for representations on proposed amendments.

    The period begins with the day the notice of proposed amendments was served.
    """
    return period_beginning_with(notice_sent, AMENDMENT_REPRESENTATION_DAYS)


def amended_plan_due(notice_sent: date) -> date:
    """SEND Regulations 2014 reg 22(3): issue the amended plan within 8 weeks of the proposed amendments.

    Counted from the date the authority sent the existing plan and the notice of proposed
    amendments to the parent or young person (reg 22(1)).
    """
    return add_weeks(notice_sent, AMENDED_PLAN_WEEKS)


class TransferKind(enum.StrEnum):
    """Transfers between phases of education (SEND Regulations 2014 reg 2(1))."""

    SCHOOL = "school"  # early years → school, infant → junior, primary → middle/secondary, middle → secondary
    POST16 = "post16"  # secondary school → post-16 institution


def phase_transfer_amended_plan_due(transfer_year: int, kind: TransferKind | str) -> date:
    """SEND Regulations 2014 reg 18(1): review and amend the plan ahead of a transfer between phases.

    Reg 18(1)(a): by 15 February in the calendar year of the transfer, for a child moving
    between phases of school education (including from early years into school).
    Reg 18(1)(b): by 31 March in the calendar year of the transfer, for a young person
    moving from secondary school to a post-16 institution. The transfer year is the
    calendar year in which the child starts at the new setting (normally in September).
    """
    kind = TransferKind(kind)
    if kind is TransferKind.POST16:
        return date(transfer_year, 3, 31)
    return date(transfer_year, 2, 15)


def phase_transfer_window(transfer_year: int) -> tuple[date, date]:
    """The school year before a transfer in September of ``transfer_year``, in which reg 18's review falls.

    SEND Regulations 2014 reg 18(1) sets only the deadline (15 February or 31 March of the
    transfer's calendar year), not when the review may start; the Code of Practice para
    9.179 places it in the school year before the move, and councils hold most of these
    reviews in the autumn term. So a plan amended at any time from 1 September of the year
    before the transfer to 31 August of the transfer year was amended for this transfer: a
    plan reviewed in October 2025 and amended in December 2025 for September 2026 meets
    the 15 February 2026 deadline.
    """
    return date(transfer_year - 1, 9, 1), date(transfer_year, 8, 31)


def amended_for_phase_transfer(amended: date | None, transfer_year: int) -> bool:
    """Reg 18(1): was the plan amended in the review window of the transfer in ``transfer_year``?"""
    if amended is None:
        return False
    first, last = phase_transfer_window(transfer_year)
    return first <= amended <= last


def academic_year_start(on: date) -> int:
    """The calendar year in which the academic year containing ``on`` began (1 September)."""
    return on.year if on.month >= 9 else on.year - 1


def national_curriculum_year(birth: date, on: date) -> int:
    """The child's national curriculum year on ``on`` (reception = 0; year 12 = 12; negative for nursery).

    A child is in reception in the academic year starting on the 1 September after their
    4th birthday (children born 1 September to 31 August share a year group), following
    the Education Act 1996 s.8 compulsory school age rules.
    """
    start = academic_year_start(on)
    age_at_31_august = start - birth.year - (1 if (birth.month, birth.day) > (8, 31) else 0)
    return age_at_31_august - 4


def school_leaving_date(birth: date) -> date:
    """The last day of compulsory school age for a child born on ``birth``.

    Education Act 1996 s.8(3)-(4): a child ceases to be of compulsory school age at the end of the school
    leaving date of the school year in which they turn 16, and the Education (School Leaving Date) Order
    1997 makes that the last Friday in June. So a child who turns 16 before 1 September (even in July or
    August, after the leaving date) leaves that June; one who turns 16 from 1 September, in year 11, leaves
    the June after. From the next day they are over compulsory school age (post-16 routes open).
    """
    year = birth.year + 16 + (1 if birth.month >= 9 else 0)
    end_of_june = date(year, 6, 30)
    return end_of_june - timedelta(days=(end_of_june.weekday() - 4) % 7)  # Friday is weekday 4


# National curriculum year the child *enters* at each standard phase transfer.
TRANSFER_ENTRY_YEARS: dict[int, tuple[str, TransferKind]] = {
    0: ("Early years to reception", TransferKind.SCHOOL),
    3: ("Infant to junior school", TransferKind.SCHOOL),
    7: ("Primary to secondary school", TransferKind.SCHOOL),
    12: ("Secondary school to post-16", TransferKind.POST16),
}


@dataclass(frozen=True, slots=True)
class PhaseTransfer:
    """A child's next standard phase transfer and its reg 18 deadline."""

    transfer_year: int
    entry_nc_year: int
    label: str
    kind: TransferKind
    amended_plan_due: date


def next_phase_transfer(birth: date, on: date, *, infant_junior: bool = False) -> PhaseTransfer | None:
    """The next transfer between phases for a child born on ``birth``, seen from ``on`` (reg 18(1)).

    Standard transfers are into reception, year 7 and year 12; ``infant_junior`` adds the
    move into year 3 for children at a separate infant school. Returns ``None`` once the
    young person has passed the post-16 transfer.
    """
    current_start = academic_year_start(on)
    nc_now = national_curriculum_year(birth, on)
    for entry, (label, kind) in sorted(TRANSFER_ENTRY_YEARS.items()):
        if entry == 3 and not infant_junior:
            continue
        if entry > nc_now:
            transfer_year = current_start + (entry - nc_now)
            return PhaseTransfer(
                transfer_year=transfer_year,
                entry_nc_year=entry,
                label=label,
                kind=kind,
                amended_plan_due=phase_transfer_amended_plan_due(transfer_year, kind),
            )
    return None


def in_transfer_cohort(
    birth: date, transfer_year: int, *, infant_junior: bool = False
) -> PhaseTransfer | None:
    """The phase transfer a child makes in September of ``transfer_year``, if any (reg 18)."""
    # Seen from 1 January of that year the child is still in the year before the move.
    transfer = next_phase_transfer(birth, date(transfer_year, 1, 1), infant_junior=infant_junior)
    if transfer is not None and transfer.transfer_year == transfer_year:
        return transfer
    return None


def cohort_phase_transfer_due(birth: date, today: date) -> date | None:
    """The reg 18 deadline if the child changes phase next September (the cohort being prepared now)."""
    transfer = next_phase_transfer(birth, today)
    if transfer is not None and transfer.transfer_year == academic_year_start(today) + 1:
        return transfer.amended_plan_due
    return None
