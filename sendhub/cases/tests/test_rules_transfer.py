"""Table tests for transferring an EHC plan to another authority (SEND Regulations 2014 reg 15; pure).

Working days skip weekends and England and Wales bank holidays: Good Friday 18 April and Easter Monday
21 April 2025, the early May bank holiday 5 May 2025, Christmas Day, Boxing Day 2025, New Year's Day 2026.
"""

from datetime import date

import pytest

from sendhub.cases.rules.transfer import (
    aware_in_time,
    parent_notice_due,
    plan_transfer_dates,
    plan_transfer_due,
    review_after_transfer_due,
)


@pytest.mark.parametrize(
    ("aware", "moved", "in_time", "due"),
    [
        # reg 15(2): aware at least 15 working days before the move (3-21 March): on the day of the move
        (date(2025, 3, 3), date(2025, 3, 24), True, date(2025, 3, 24)),
        # 14 working days before: within 15 working days beginning with 4 March (the 15th is 24 March)
        (date(2025, 3, 4), date(2025, 3, 24), False, date(2025, 3, 24)),
        # a week before: 15 working days beginning with Monday 10 March end on Friday 28 March
        (date(2025, 3, 10), date(2025, 3, 17), False, date(2025, 3, 28)),
        # aware on a Saturday: the period begins then, its first working day is Monday 10 March
        (date(2025, 3, 8), date(2025, 3, 10), False, date(2025, 3, 28)),
        # aware on the day of the move: that day is the first of the 15
        (date(2025, 3, 24), date(2025, 3, 24), False, date(2025, 4, 11)),
        # aware after the move, over Easter (18 and 21 April are bank holidays)
        (date(2025, 4, 2), date(2025, 4, 1), False, date(2025, 4, 24)),
        # over Christmas and New Year: Friday 12 December is day 1, day 15 is Tuesday 6 January 2026
        (date(2025, 12, 12), date(2026, 1, 2), False, date(2026, 1, 6)),
        # the early May bank holiday does not count: 28 April to 19 May is exactly 15 working days
        (date(2025, 4, 28), date(2025, 5, 20), True, date(2025, 5, 20)),
        (date(2025, 4, 30), date(2025, 5, 20), False, date(2025, 5, 21)),
    ],
)
def test_plan_transfer_due(aware: date, moved: date, in_time: bool, due: date) -> None:
    assert aware_in_time(moved, aware) is in_time
    assert plan_transfer_due(moved, aware) == due


@pytest.mark.parametrize(
    ("transferred", "due"),
    [
        (date(2025, 3, 24), date(2025, 5, 5)),  # reg 15(4): within 6 weeks of the transfer (42 days)
        (date(2025, 12, 31), date(2026, 2, 11)),  # over the year end
        (date(2024, 1, 18), date(2024, 2, 29)),  # into a leap day
    ],
)
def test_parent_notice_due(transferred: date, due: date) -> None:
    assert parent_notice_due(transferred) == due


@pytest.mark.parametrize(
    ("transferred", "made", "last_review", "due"),
    [
        # reg 15(5): the later of 12 months from the plan (14 March 2025) and 3 months from the transfer
        (date(2025, 3, 24), date(2024, 3, 15), None, date(2025, 6, 23)),
        # a new plan: its first 12 months end later than the 3 months from the transfer
        (date(2025, 10, 1), date(2025, 9, 1), None, date(2026, 8, 31)),
        # from the last review (due 19 January 2026); 3 months beginning with 1 December end 28 February
        (date(2025, 12, 1), date(2020, 1, 10), date(2025, 1, 20), date(2026, 2, 28)),
    ],
)
def test_review_after_transfer_due(
    transferred: date, made: date, last_review: date | None, due: date
) -> None:
    assert review_after_transfer_due(transferred, made, last_review) == due


def test_dates_of_a_transfer_recorded_in_time_and_late() -> None:
    made = date(2024, 3, 15)
    # told 3 March of a move on 24 March, recorded on 10 March: the plan passes on the day of the move
    early = plan_transfer_dates(
        moved_on=date(2025, 3, 24), aware_on=date(2025, 3, 3), recorded_on=date(2025, 3, 10), plan_made=made
    )
    assert (early.aware_in_time, early.transfer_due, early.transferred_on, early.on_time) == (
        True,
        date(2025, 3, 24),
        date(2025, 3, 24),
        True,
    )
    assert (early.parent_notice_due, early.review_due) == (date(2025, 5, 5), date(2025, 6, 23))
    # the same move recorded two days after it: the plan passes that day, late
    late = plan_transfer_dates(
        moved_on=date(2025, 3, 24), aware_on=date(2025, 3, 3), recorded_on=date(2025, 3, 26), plan_made=made
    )
    assert (late.transferred_on, late.on_time, late.parent_notice_due) == (
        date(2025, 3, 26),
        False,
        date(2025, 5, 7),
    )
    # told a week before: recorded three days after the move is within the 15 working days, on time
    short = plan_transfer_dates(
        moved_on=date(2025, 3, 17), aware_on=date(2025, 3, 10), recorded_on=date(2025, 3, 20), plan_made=made
    )
    assert (short.transfer_due, short.transferred_on, short.on_time) == (
        date(2025, 3, 28),
        date(2025, 3, 20),
        True,
    )
    # recorded on the last day is on time; the next working day is late
    last = plan_transfer_dates(
        moved_on=date(2025, 3, 17), aware_on=date(2025, 3, 10), recorded_on=date(2025, 3, 28), plan_made=made
    )
    after = plan_transfer_dates(
        moved_on=date(2025, 3, 17), aware_on=date(2025, 3, 10), recorded_on=date(2025, 3, 31), plan_made=made
    )
    assert (last.on_time, after.on_time) == (True, False)
