"""Retention rules: pure date arithmetic, no Django (tested as a table in tests/test_rules.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RetentionPeriods:
    """Years a record is kept, by record type (settings.SENDHUB_RETENTION_*; docs/security.md).

    ehc_from_birth: a child who was ever assessed or had an EHC plan: 25 (the plan's last possible year,
        Children and Families Act 2014 s.46) + 6 (Limitation Act 1980 s.2 and s.5), as the IRMS toolkit.
    looked_after_from_birth: a child looked after at any time: until 75 (Care Planning, Placement and Case
        Review (England) Regulations 2010, reg. 50).
    support_from_birth: a child known only at SEN support: until 25.
    contact_after_close: a family's message, complaint or enquiry: 6 years after it was closed.
    """

    ehc_from_birth: int = 31
    looked_after_from_birth: int = 75
    support_from_birth: int = 25
    contact_after_close: int = 6


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def child_keep_until(
    birth_date: date, *, had_ehc: bool, looked_after: bool, periods: RetentionPeriods
) -> tuple[str, date]:
    """(record type, first day the record may be erased) for one child; the longest period that applies."""
    if looked_after:
        return "child_looked_after", add_years(birth_date, periods.looked_after_from_birth)
    if had_ehc:
        return "child_ehc", add_years(birth_date, periods.ehc_from_birth)
    return "child_support", add_years(birth_date, periods.support_from_birth)


def contact_keep_until(closed_on: date, *, periods: RetentionPeriods) -> date:
    return add_years(closed_on, periods.contact_after_close)
