"""Working days in England and Wales.

England and Wales share one set of bank holidays (Scotland and Northern Ireland have
their own), as proclaimed under the Banking and Financial Dealings Act 1971. The
dates come from the ``holidays`` library (``holidays.UK(subdiv="ENG")``), which
includes the one-off holidays: the Platinum Jubilee (3 June 2022), the State Funeral
of Queen Elizabeth II (19 September 2022) and the Coronation of King Charles III
(8 May 2023), and the "substitute day" when a holiday falls at a weekend.

Statutory *weeks* in the SEND Regulations 2014 are calendar weeks: use
``timedelta(weeks=n)`` for those. Use this module only where a period is set in
working days (for example a local service standard or a court order).

No Django imports: ``sendhub.lib`` is plain Python (see the import-linter contract).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

__all__ = [
    "add_working_days",
    "bank_holidays",
    "is_bank_holiday",
    "is_working_day",
    "working_day_on_or_after",
    "working_day_on_or_before",
    "working_days_between",
]

# Earliest and latest years we accept: the SEND framework starts in 2014 and no case
# sensibly runs beyond a young person's 25th birthday plus appeals.
MIN_YEAR = 1990
MAX_YEAR = 2100


@cache
def _holidays_for_year(year: int) -> dict[date, str]:
    # The library computes a year on demand; caching one dict per year keeps lookups
    # O(1) without holding a process-wide mutable calendar.
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return {d: str(name) for d, name in calendar.items()}


def _check_year(d: date) -> None:
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise ValueError(f"{d.isoformat()} is outside the supported years {MIN_YEAR}-{MAX_YEAR}")


def bank_holidays(year: int) -> dict[date, str]:
    """England and Wales bank holidays in ``year``, date → name (a copy)."""
    return dict(_holidays_for_year(year))


def is_bank_holiday(d: date) -> bool:
    """True if ``d`` is a bank holiday in England and Wales (including substitute days)."""
    _check_year(d)
    return d in _holidays_for_year(d.year)


def is_working_day(d: date) -> bool:
    """True if ``d`` is Monday to Friday and not an England and Wales bank holiday."""
    return d.weekday() < 5 and not is_bank_holiday(d)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself is never counted).

    ``days == 0`` returns ``start`` unchanged, even at a weekend; a negative ``days`` is refused.
    Weekends and England and Wales bank holidays are skipped, so
    ``add_working_days(date(2025, 12, 24), 1)`` is 29 December 2025.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    _check_year(start)
    remaining = days
    current = start
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_day_on_or_after(d: date) -> date:
    """``d`` if it is a working day, otherwise the next one: Christmas Day 2026 (a Friday) gives
    Tuesday 29 December, after Boxing Day's substitute Monday."""
    _check_year(d)
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def working_day_on_or_before(d: date) -> date:
    """``d`` if it is a working day, otherwise the last one before it."""
    _check_year(d)
    while not is_working_day(d):
        d -= timedelta(days=1)
    return d


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``).

    The inverse of :func:`add_working_days` for a working-day ``end``:
    ``working_days_between(d, add_working_days(d, n)) == n``.
    """
    _check_year(start)
    _check_year(end)
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
