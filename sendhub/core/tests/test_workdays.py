"""England and Wales working days: weekends and bank holidays (including one-off ones) are skipped."""

from datetime import date

import pytest

from sendhub.lib.workdays import (
    add_working_days,
    is_working_day,
    working_day_on_or_after,
    working_day_on_or_before,
    working_days_between,
)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 11, 23), 2, date(2026, 11, 25)),  # Monday + 2
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday + 1 skips the weekend
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # from a Saturday
        (date(2024, 12, 24), 2, date(2024, 12, 30)),  # Christmas Day and Boxing Day
        (date(2025, 12, 31), 1, date(2026, 1, 2)),  # New Year's Day
        (date(2024, 3, 28), 1, date(2024, 4, 2)),  # Good Friday and Easter Monday
        (date(2022, 9, 16), 1, date(2022, 9, 20)),  # state funeral of Queen Elizabeth II, 19 Sep 2022
        (date(2023, 5, 5), 1, date(2023, 5, 9)),  # coronation bank holiday, 8 May 2023
        (date(2024, 2, 28), 2, date(2024, 3, 1)),  # 29 February 2024 is a working day
        (date(2026, 5, 22), 1, date(2026, 5, 26)),  # spring bank holiday
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_add_working_days(start, days, due):
    assert add_working_days(start, days) == due


def test_scottish_holidays_do_not_count():
    assert is_working_day(date(2026, 1, 2)) is True  # 2 January is a bank holiday in Scotland only
    assert is_working_day(date(2026, 8, 3)) is True  # Scottish summer bank holiday


def test_working_days_between():
    assert working_days_between(date(2024, 12, 20), date(2024, 12, 31)) == 5
    assert working_days_between(date(2024, 12, 31), date(2024, 12, 20)) == 0


def test_negative_days_are_refused():
    with pytest.raises(ValueError, match="must not be negative"):
        add_working_days(date(2026, 1, 1), -1)


@pytest.mark.parametrize(
    ("day", "after", "before"),
    [
        (date(2026, 11, 25), date(2026, 11, 25), date(2026, 11, 25)),  # a Wednesday stays
        (date(2026, 11, 28), date(2026, 11, 30), date(2026, 11, 27)),  # Saturday
        (date(2026, 12, 25), date(2026, 12, 29), date(2026, 12, 24)),  # Christmas, Boxing Day (Monday 28th)
        (date(2024, 3, 29), date(2024, 4, 2), date(2024, 3, 28)),  # Good Friday to Easter Monday
        (date(2026, 1, 1), date(2026, 1, 2), date(2025, 12, 31)),  # New Year's Day
    ],
)
def test_working_day_on_or_after_and_before(day, after, before):
    assert working_day_on_or_after(day) == after
    assert working_day_on_or_before(day) == before
