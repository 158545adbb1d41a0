"""CFA 2014 s.83(2): a young person is over compulsory school age (past the last Friday in June of the
school year they turn 16) and under 25; only then may they hold the account for their own record."""

from __future__ import annotations

from datetime import date

import pytest

from sendhub.cases.rules.young_person import young_person_check


@pytest.mark.parametrize(
    ("birth", "today", "allowed"),
    [
        (None, date(2026, 12, 7), False),  # no date of birth: cannot tell
        (date(2011, 1, 10), date(2026, 12, 7), False),  # 15: a child
        (date(2010, 9, 1), date(2026, 12, 7), False),  # 16 on 1 Sep 2026, in year 11: leaves 25 Jun 2027
        (date(2010, 9, 1), date(2027, 6, 25), False),  # the school leaving date itself: still a child
        (date(2010, 9, 1), date(2027, 6, 26), True),  # the day after: over compulsory school age
        (date(2010, 8, 31), date(2026, 6, 26), False),  # 15, but leaves on Friday 26 June 2026 ...
        (date(2010, 8, 31), date(2026, 6, 27), True),  # ... so a young person before turning 16
        (date(2009, 12, 25), date(2026, 12, 7), True),  # 16, left school in June 2026
        (date(2001, 12, 8), date(2026, 12, 7), True),  # 24, the day before 25
        (date(2001, 12, 7), date(2026, 12, 7), False),  # 25 today: no longer
        (date(2004, 2, 29), date(2029, 2, 28), True),  # born 29 Feb: 25 on 1 March 2029
        (date(2004, 2, 29), date(2029, 3, 1), False),
    ],
)
def test_young_person_under_cfa_2014_s83_2(birth, today, allowed):
    check = young_person_check(birth, today)
    assert check.allowed is allowed
    assert (check.reason == "") is allowed


def test_refusal_under_16_says_when_the_rights_pass():
    check = young_person_check(date(2011, 1, 10), date(2026, 12, 7))
    assert "Under 16" in check.reason and "s.83(2)" in check.reason and "26 June 2027" in check.reason
