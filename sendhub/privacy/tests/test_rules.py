"""Retention periods as a table (docs/security.md, "Retention schedule")."""

from __future__ import annotations

from datetime import date

import pytest

from sendhub.privacy.rules import RetentionPeriods, add_years, child_keep_until, contact_keep_until

P = RetentionPeriods()


@pytest.mark.parametrize(
    ("birth", "had_ehc", "looked_after", "expected"),
    [
        # IRMS toolkit: an EHC plan can run to 25 (CFA 2014 s.46), kept 6 more (Limitation Act 1980).
        (date(2000, 5, 17), True, False, ("child_ehc", date(2031, 5, 17))),
        # Known at SEN support only: until 25.
        (date(2000, 5, 17), False, False, ("child_support", date(2025, 5, 17))),
        # Looked after at any time: until 75 (Care Planning ... Regulations 2010, reg. 50), longest wins.
        (date(2000, 5, 17), True, True, ("child_looked_after", date(2075, 5, 17))),
        # Born on 29 February: kept until 28 February in a common year, not 1 March.
        (date(2004, 2, 29), True, False, ("child_ehc", date(2035, 2, 28))),
    ],
)
def test_child_keep_until(birth: date, had_ehc: bool, looked_after: bool, expected: tuple[str, date]) -> None:
    assert child_keep_until(birth, had_ehc=had_ehc, looked_after=looked_after, periods=P) == expected


def test_contact_is_kept_six_years_after_closing() -> None:
    assert contact_keep_until(date(2019, 12, 31), periods=P) == date(2025, 12, 31)


def test_add_years_backwards_from_29_february() -> None:
    assert add_years(date(2028, 2, 29), -31) == date(1997, 2, 28)
