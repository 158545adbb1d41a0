"""Table tests for sendhub.lib.workdays: England and Wales bank holidays (pure, no Django)."""

from datetime import date

import pytest

from sendhub.lib.workdays import (
    add_working_days,
    bank_holidays,
    is_bank_holiday,
    is_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2025, 11, 24), 1, date(2025, 11, 25)),  # ordinary Monday to Tuesday
        (date(2025, 11, 28), 1, date(2025, 12, 1)),  # Friday to Monday over the weekend
        (date(2025, 11, 29), 1, date(2025, 12, 1)),  # from a Saturday
        (date(2025, 12, 24), 1, date(2025, 12, 29)),  # Christmas Day and Boxing Day 2025
        (date(2025, 12, 24), 3, date(2025, 12, 31)),
        (date(2025, 12, 31), 1, date(2026, 1, 2)),  # New Year's Day; year end
        (date(2025, 1, 1), 1, date(2025, 1, 2)),  # 2 January is a holiday in Scotland only
        (date(2025, 4, 17), 1, date(2025, 4, 22)),  # Good Friday and Easter Monday 2025
        (date(2024, 3, 28), 1, date(2024, 4, 2)),  # Easter 2024 spans March and April
        (date(2022, 6, 1), 1, date(2022, 6, 6)),  # Platinum Jubilee: 2 and 3 June 2022
        (date(2022, 9, 16), 1, date(2022, 9, 20)),  # State Funeral of Queen Elizabeth II, 19 Sep 2022
        (date(2023, 5, 5), 1, date(2023, 5, 9)),  # Coronation of King Charles III, 8 May 2023
        (date(2022, 12, 23), 1, date(2022, 12, 28)),  # Christmas on Sunday: substitute day 27 Dec
        (date(2026, 12, 24), 1, date(2026, 12, 29)),  # Boxing Day on Saturday: substitute 28 Dec
        (date(2020, 5, 7), 1, date(2020, 5, 11)),  # VE Day 2020 moved the May bank holiday to Friday 8th
        (date(2025, 8, 1), 1, date(2025, 8, 4)),  # Scotland's August holiday is a working day here
        (date(2024, 2, 28), 1, date(2024, 2, 29)),  # leap day is a working day
        (date(2025, 12, 1), 20, date(2025, 12, 31)),
        (date(2025, 11, 22), 0, date(2025, 11, 22)),  # zero days: the date itself, even a Saturday
    ],
)
def test_add_working_days(start: date, days: int, due: date) -> None:
    assert add_working_days(start, days) == due


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 11, 22), False),  # Saturday
        (date(2025, 11, 23), False),  # Sunday
        (date(2025, 11, 24), True),
        (date(2022, 9, 19), False),  # State Funeral
        (date(2023, 5, 8), False),  # Coronation
        (date(2025, 5, 26), False),  # Spring bank holiday
        (date(2025, 8, 25), False),  # Summer bank holiday (last Monday of August in England)
        (date(2025, 1, 2), True),
        (date(2025, 3, 17), True),  # St Patrick's Day is Northern Ireland only
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_bank_holiday_names_for_2023_include_the_coronation() -> None:
    names = bank_holidays(2023)
    assert "Coronation" in names[date(2023, 5, 8)]
    # 8 regular holidays plus the Coronation fall on weekdays; 1 January 2023 (a Sunday)
    # is listed by name but its substitute day, 2 January, is the day off.
    assert len([d for d in names if d.weekday() < 5]) == 9
    assert is_bank_holiday(date(2023, 1, 2))  # substitute day


@pytest.mark.parametrize("days", [0, 1, 5, 17, 60])
def test_working_days_between_inverts_add(days: int) -> None:
    start = date(2025, 12, 19)
    assert working_days_between(start, add_working_days(start, days)) == days
    assert working_days_between(add_working_days(start, days), start) == 0


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2025, 1, 6), -1)


def test_out_of_range_years_are_rejected() -> None:
    with pytest.raises(ValueError, match="outside the supported years"):
        add_working_days(date(1800, 1, 1), 1)
