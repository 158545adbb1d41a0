"""Working days in England: weekends and England and Wales bank holidays are not working days.

Statutory *weeks* are calendar weeks and never use this module; periods the law or the council's
service standards express in working days (for example "reply within 2 working days") do.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    # subdiv="ENG": England and Wales share the same bank holidays (Scotland and NI differ).
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself never counts).

    `add_working_days(Friday, 1)` is the next Monday, or Tuesday when Monday is a bank holiday.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """How many working days fall after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
