"""When the panel's decision is due (SEND Regulations 2014 regs 5(1) and 10(1)) and the next panel day."""

from __future__ import annotations

from datetime import date

import pytest

from sendhub.cases.rules.panel import Timing, next_panel_day, panel_decision_due, panel_timing


@pytest.mark.parametrize(
    ("received", "whether_to_issue", "due", "regulation"),
    [
        (date(2026, 1, 5), False, date(2026, 2, 16), "reg 5(1): whether to assess within 6 weeks"),
        (date(2026, 1, 5), True, date(2026, 4, 27), "reg 10(1): notice not to issue within 16 weeks"),
        (
            date(2026, 12, 21),
            False,
            date(2027, 2, 1),
            "6 calendar weeks: the Christmas holidays do not move it",
        ),
    ],
)
def test_panel_decision_due(received, whether_to_issue, due, regulation):
    assert panel_decision_due(received, whether_to_issue=whether_to_issue) == due, regulation


@pytest.mark.parametrize(
    ("today", "weekday", "expected"),
    [
        (date(2026, 11, 26), "thursday", date(2026, 11, 26)),  # a Thursday: today's panel
        (date(2026, 11, 27), "thursday", date(2026, 12, 3)),  # a Friday: next week's
        (date(2026, 11, 23), "Wednesday", date(2026, 11, 25)),
    ],
)
def test_next_panel_day(today, weekday, expected):
    assert next_panel_day(today, weekday) == expected


@pytest.mark.parametrize(
    ("due", "panel_on", "today", "timing"),
    [
        (date(2026, 12, 10), date(2026, 12, 3), date(2026, 11, 27), Timing.ON_TIME),
        (date(2026, 12, 3), date(2026, 12, 3), date(2026, 11, 27), Timing.ON_TIME),  # deciding on the day
        (date(2026, 12, 1), date(2026, 12, 3), date(2026, 11, 27), Timing.LATE_AT_PANEL),
        (date(2026, 11, 26), date(2026, 12, 3), date(2026, 11, 27), Timing.OVERDUE),
    ],
)
def test_panel_timing(due, panel_on, today, timing):
    assert panel_timing(due, panel_on, today) == timing
