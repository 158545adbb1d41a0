"""When a request must be decided, so the weekly panel that hears it is not too late.

The panel makes two statutory decisions on a request: whether to carry out an EHC needs assessment,
and, once the advice is in, whether to issue a plan. Each has a time limit counted from the day the
request was received.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from sendhub.cases.rules.assessment import decision_to_assess_due, notice_not_to_issue_due

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Timing(StrEnum):
    ON_TIME = "on_time"  # the panel meets by the due date
    LATE_AT_PANEL = "late_at_panel"  # the panel meets after the due date
    OVERDUE = "overdue"  # the due date has passed already


def panel_decision_due(received: date, *, whether_to_issue: bool) -> date:
    """The last day for the panel's decision.

    * Whether to assess: SEND Regulations 2014 reg 5(1), within 6 weeks of the request.
    * Whether to issue a plan: reg 10(1), a decision not to issue must be notified within 16 weeks of the
      request, so the panel must have decided by then (a plan that is issued must then be final within
      20 weeks, reg 13(2)).
    """
    return notice_not_to_issue_due(received) if whether_to_issue else decision_to_assess_due(received)


def next_panel_day(today: date, weekday: str) -> date:
    """The next day the panel meets (its weekday: "thursday"), today included."""
    target = WEEKDAYS.index(weekday.lower())
    return today + timedelta(days=(target - today.weekday()) % 7)


def panel_timing(due: date, panel_on: date, today: date) -> Timing:
    if due < today:
        return Timing.OVERDUE
    return Timing.LATE_AT_PANEL if panel_on > due else Timing.ON_TIME
