"""Counting statutory periods (pure; no Django, no clock).

The SEND Regulations 2014 set most limits in *weeks* and a few in *days*; both are
calendar periods. A limit that ends on a weekend or bank holiday does not move (the
Regulations make no provision for that, unlike court rules). "Within 6 weeks of" a date
therefore means "on or before that date plus 42 days".

Months are calendar months. A period of months *beginning with* a day (Children and
Families Act 2014 s.44(1): "in the period of 12 months starting with the date on which the
plan was made") counts that day as its first, so it ends the day before the corresponding
date: a plan made on 15 March 2024 is reviewed by 14 March 2025, and a review on 15 March
2025 is late. Where the corresponding date does not exist (29 February, or the 31st in a
30-day month) the period ends on the last day of that month.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_weeks(start: date, weeks: int) -> date:
    """``start`` plus ``weeks`` calendar weeks."""
    return start + timedelta(weeks=weeks)


def add_days(start: date, days: int) -> date:
    """``start`` plus ``days`` calendar days."""
    return start + timedelta(days=days)


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, clamped to the last day of a short month.

    ``add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)`` and
    ``add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)``.
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def months_beginning_with(start: date, months: int) -> date:
    """Last day of a period of ``months`` calendar months *beginning with* ``start``.

    CFA 2014 s.44(1) ("the period of 12 months starting with"): ``start`` is the first day
    of the period, so it ends the day before the corresponding date ``months`` later:
    ``months_beginning_with(date(2024, 3, 15), 12) == date(2025, 3, 14)``. With no
    corresponding date the period ends on the last day of that month:
    ``months_beginning_with(date(2024, 2, 29), 12) == date(2025, 2, 28)``.
    """
    if months < 1:
        raise ValueError("A period must be at least one month long")
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    if start.day > last_day:
        return date(year, month, last_day)
    return date(year, month, start.day) - timedelta(days=1)


def period_beginning_with(start: date, days: int) -> date:
    """Last day of a period of ``days`` days *beginning with* ``start``.

    SEND Regulations 2014 regs 13(1) and 22(2) give "at least 15 days, beginning with
    the day on which [the draft or notice] was served": the day of service is day 1,
    so the period ends on ``start + days - 1``.
    """
    if days < 1:
        raise ValueError("A period must be at least one day long")
    return start + timedelta(days=days - 1)


def weeks_between(start: date, end: date) -> float:
    """Elapsed calendar weeks from ``start`` to ``end`` (fractional)."""
    return (end - start).days / 7
