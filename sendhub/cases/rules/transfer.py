"""Transfer of an EHC plan to another local authority in England (SEND Regulations 2014 reg 15; CFA 2014
s.47, which lets the Regulations provide for the transfer).

Reg 15(1): the child or young person moves from the area of the authority maintaining the plan ("the old
authority") into the area of another ("the new authority").

Reg 15(2): the old authority "shall transfer the EHC plan to the new authority ... on the day of the move
or, where it has not become aware of the move at least 15 working days prior to that move, within 15
working days beginning with the day on which it did become aware".

Reg 15(3)(a): from the date of the transfer the plan is treated as made by the new authority on the date
the old one made it, and the new authority must maintain it (so the old authority no longer does).

Reg 15(4): the new authority must, "within 6 weeks of the date of the transfer", tell the parent or young
person that the plan has been transferred, whether it proposes to make an EHC needs assessment, and when
it proposes to review the plan under paragraph (5).

Reg 15(5): the new authority must review the plan (s.44) before the later of the 12 months beginning with
the date the plan was made or last reviewed and the 3 months beginning with the date of the transfer.

Working days are Monday to Friday other than England and Wales bank holidays (sendhub.lib.workdays).
"Weeks" are calendar weeks: within 6 weeks of a date is on or before the date plus 42 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sendhub.cases.rules.periods import add_weeks, months_beginning_with
from sendhub.cases.rules.reviews import annual_review_due
from sendhub.lib.workdays import add_working_days, working_days_between

TRANSFER_NOTICE_WORKING_DAYS = 15  # reg 15(2)
PARENT_NOTICE_WEEKS = 6  # reg 15(4)
REVIEW_AFTER_TRANSFER_MONTHS = 3  # reg 15(5)(b)

_DAY = timedelta(days=1)


def aware_in_time(moved_on: date, aware_on: date) -> bool:
    """Reg 15(2): the old authority became aware of the move "at least 15 working days prior to" it.

    The working days counted are those from the day it became aware up to the day before the move: aware
    on Monday 3 March 2025 of a move on Monday 24 March is 15 working days before (3-21 March), in time;
    aware on Tuesday 4 March is 14, not in time.
    """
    if aware_on >= moved_on:
        return False
    return working_days_between(aware_on - _DAY, moved_on - _DAY) >= TRANSFER_NOTICE_WORKING_DAYS


def plan_transfer_due(moved_on: date, aware_on: date) -> date:
    """Reg 15(2): the last day the old authority may transfer the plan to the new authority.

    The day of the move, when the authority knew at least 15 working days before it; otherwise the 15th
    working day of the period "beginning with the day on which it did become aware" (that day is the first
    when it is a working day). Aware on Friday 12 December 2025 (the first day): due Tuesday 6 January 2026,
    past Christmas, Boxing Day and New Year's Day.
    """
    if aware_in_time(moved_on, aware_on):
        return moved_on
    return add_working_days(aware_on - _DAY, TRANSFER_NOTICE_WORKING_DAYS)


def parent_notice_due(transferred_on: date) -> date:
    """Reg 15(4): the new authority tells the parent or young person within 6 weeks of the transfer."""
    return add_weeks(transferred_on, PARENT_NOTICE_WEEKS)


def review_after_transfer_due(transferred_on: date, plan_made: date, last_review: date | None = None) -> date:
    """Reg 15(5): the new authority reviews the plan before the later of 12 months beginning with the date
    the plan was made or last reviewed (s.44(1)) and 3 months beginning with the date of the transfer."""
    return max(
        annual_review_due(plan_made, last_review),
        months_beginning_with(transferred_on, REVIEW_AFTER_TRANSFER_MONTHS),
    )


@dataclass(frozen=True)
class PlanTransferDates:
    """The statutory dates of one plan's transfer out, for the officer's page and the letters."""

    aware_in_time: bool  # reg 15(2): aware at least 15 working days before the move
    transfer_due: date  # reg 15(2)
    transferred_on: date  # when the plan passes (or passed) to the new authority
    on_time: bool  # transferred on or before transfer_due
    parent_notice_due: date  # reg 15(4), from the date of the transfer
    review_due: date  # reg 15(5)


def plan_transfer_dates(
    *, moved_on: date, aware_on: date, recorded_on: date, plan_made: date, last_review: date | None = None
) -> PlanTransferDates:
    """Every date of a transfer out recorded on ``recorded_on``.

    The plan passes to the new authority on the day of the move, or on the day it is recorded when that is
    later (the letter to the new authority goes that day): recorded after the move but within the 15
    working days of reg 15(2)(late awareness) it is on time; recorded after its due date it is late.
    """
    due = plan_transfer_due(moved_on, aware_on)
    transferred_on = max(moved_on, recorded_on)
    return PlanTransferDates(
        aware_in_time=aware_in_time(moved_on, aware_on),
        transfer_due=due,
        transferred_on=transferred_on,
        on_time=transferred_on <= due,
        parent_notice_due=parent_notice_due(transferred_on),
        review_due=review_after_transfer_due(transferred_on, plan_made, last_review),
    )
