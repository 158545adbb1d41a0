"""Demo surgeries fall on working days (issue #22: one was set on the Boxing Day bank holiday)."""

from datetime import date, timedelta

from sendhub.lib.workdays import is_working_day
from sendhub.voice.demo import working_day_from


def test_boxing_day_surgery_moves_to_the_next_working_day():
    # 2026: Christmas Day Friday, Boxing Day Saturday, its substitute bank holiday Monday 28 December.
    assert working_day_from(date(2026, 12, 26)) == date(2026, 12, 29)
    assert working_day_from(date(2026, 12, 2)) == date(2026, 12, 2)


def test_every_demo_surgery_day_is_a_working_day():
    start = date(2025, 12, 1)
    for n in range(400):
        today = start + timedelta(days=n)
        for offset in (-14, 7, 14, 21):
            assert is_working_day(working_day_from(today + timedelta(days=offset)))
