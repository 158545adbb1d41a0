"""Counting statutory periods (pure; no Django, no clock).

The SEND Regulations 2014 set most limits in *weeks* and a few in *days*; both are
calendar periods. A limit that ends on a weekend or bank holiday does not move (the
Regulations make no provision for that, unlike court rules). "Within 6 weeks of" a date
therefore means "on or before that date plus 42 days".

"Within 12 months of" (Children and Families Act 2014 s.44(1)) is a calendar-month
period: the same day-of-month a year later; from 29 February it ends on 28 February,
because 1 March would be more than twelve months later.
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
