"""Table tests for the family voice rules (pure: no Django).

Dates were worked out by hand from the England and Wales bank holiday lists (gov.uk/bank-holidays),
including the 2022 Platinum Jubilee (2 and 3 June), the State Funeral (19 September 2022) and the
Coronation (8 May 2023).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from sendhub.voice.rules import (
    ComplaintStep,
    Reference,
    ReferenceError,
    complaint_step_due,
    contact_received_on,
    format_reference,
    is_reference,
    is_reply_overdue,
    parse_reference,
    replied_in_time,
    reply_due,
    response_rate,
    satisfaction_rate,
    step_timeliness,
)


# Progress report 2024 Appendix C 1.4: reply within 48 hours, kept as 2 working days.
@pytest.mark.parametrize(
    ("received_at", "counts_from", "due"),
    [
        (datetime(2026, 11, 23, 10, 0), date(2026, 11, 23), date(2026, 11, 25)),  # Monday morning
        (datetime(2026, 11, 23, 8, 0), date(2026, 11, 23), date(2026, 11, 25)),  # before opening: same day
        (datetime(2026, 11, 23, 16, 59), date(2026, 11, 23), date(2026, 11, 25)),  # a minute before close
        (datetime(2026, 11, 23, 17, 0), date(2026, 11, 24), date(2026, 11, 26)),  # at close: next day
        (datetime(2026, 11, 27, 16, 59), date(2026, 11, 27), date(2026, 12, 1)),  # Friday: over the weekend
        (datetime(2026, 11, 27, 17, 0), date(2026, 11, 30), date(2026, 12, 2)),  # Friday evening
        (datetime(2026, 11, 28, 11, 0), date(2026, 11, 30), date(2026, 12, 2)),  # Saturday
        (datetime(2026, 11, 29, 23, 59), date(2026, 11, 30), date(2026, 12, 2)),  # Sunday night
        (
            datetime(2026, 12, 23, 10, 0),
            date(2026, 12, 23),
            date(2026, 12, 29),
        ),  # Christmas and Boxing Day (sub)
        (datetime(2026, 12, 24, 12, 0), date(2026, 12, 24), date(2026, 12, 30)),
        (datetime(2026, 12, 25, 9, 30), date(2026, 12, 29), date(2026, 12, 31)),  # on Christmas Day
        (datetime(2026, 12, 31, 15, 0), date(2026, 12, 31), date(2027, 1, 5)),  # New Year's Day 2027 (Fri)
        (datetime(2026, 4, 2, 10, 0), date(2026, 4, 2), date(2026, 4, 8)),  # Good Friday and Easter Monday
        (datetime(2026, 4, 3, 11, 0), date(2026, 4, 7), date(2026, 4, 9)),  # on Good Friday
        (datetime(2022, 6, 1, 10, 0), date(2022, 6, 1), date(2022, 6, 7)),  # Platinum Jubilee 2 and 3 June
        (datetime(2022, 9, 16, 10, 0), date(2022, 9, 16), date(2022, 9, 21)),  # State Funeral 19 Sept
        (datetime(2023, 5, 5, 10, 0), date(2023, 5, 5), date(2023, 5, 10)),  # Coronation 8 May 2023
        (datetime(2022, 12, 23, 10, 0), date(2022, 12, 23), date(2022, 12, 29)),  # 26 and 27 Dec 2022
    ],
)
def test_reply_due(received_at: datetime, counts_from: date, due: date) -> None:
    assert contact_received_on(received_at) == counts_from
    assert reply_due(received_at) == due


@pytest.mark.parametrize(
    ("due", "today", "replied_on", "overdue"),
    [
        (date(2026, 11, 25), date(2026, 11, 25), None, False),  # due today is not late yet
        (date(2026, 11, 25), date(2026, 11, 26), None, True),
        (date(2026, 11, 25), date(2026, 12, 26), date(2026, 11, 27), False),  # a reply stops the clock
    ],
)
def test_is_reply_overdue(due: date, today: date, replied_on: date | None, overdue: bool) -> None:
    assert is_reply_overdue(due=due, today=today, replied_on=replied_on) is overdue


def test_replied_in_time_includes_the_due_day() -> None:
    assert replied_in_time(due=date(2026, 11, 25), replied_on=date(2026, 11, 25))
    assert not replied_in_time(due=date(2026, 11, 25), replied_on=date(2026, 11, 26))


# LGSCO Complaint Handling Code section 6: 5 / 10 / 20 working days.
@pytest.mark.parametrize(
    ("step", "start", "due"),
    [
        (ComplaintStep.ACKNOWLEDGE, date(2026, 11, 23), date(2026, 11, 30)),
        (ComplaintStep.ACKNOWLEDGE, date(2026, 11, 28), date(2026, 12, 4)),  # received on a Saturday
        (ComplaintStep.ACKNOWLEDGE, date(2026, 12, 18), date(2026, 12, 29)),  # over Christmas 2026
        (ComplaintStep.ACKNOWLEDGE, date(2023, 5, 4), date(2023, 5, 12)),  # Coronation Monday
        (ComplaintStep.STAGE_1, date(2026, 3, 30), date(2026, 4, 15)),  # over Easter 2026
        (ComplaintStep.STAGE_1, date(2022, 9, 12), date(2022, 9, 27)),  # State Funeral
        (ComplaintStep.STAGE_2, date(2026, 12, 1), date(2026, 12, 31)),  # Christmas 2026
        (ComplaintStep.STAGE_2, date(2022, 5, 23), date(2022, 6, 22)),  # Platinum Jubilee
        (ComplaintStep.STAGE_2, date(2022, 12, 16), date(2023, 1, 18)),  # 26, 27 Dec 2022 and 2 Jan 2023
    ],
)
def test_complaint_step_due(step: ComplaintStep, start: date, due: date) -> None:
    assert complaint_step_due(step, start) == due


def test_step_timeliness_open_done_and_late() -> None:
    due = date(2026, 11, 30)
    assert step_timeliness(due=due, done_on=None, today=date(2026, 11, 30)).on_time is None
    late = step_timeliness(due=due, done_on=None, today=date(2026, 12, 2))
    assert (late.on_time, late.working_days_late) == (False, 2)
    done = step_timeliness(due=due, done_on=date(2026, 11, 27), today=date(2026, 12, 9))
    assert (done.on_time, done.working_days_late) == (True, 0)
    done_late = step_timeliness(due=due, done_on=date(2026, 12, 7), today=date(2026, 12, 9))
    assert (done_late.on_time, done_late.working_days_late) == (False, 5)


# Progress report Appendix C 1.1 and 1.4: over 75% satisfied.
@pytest.mark.parametrize(
    ("scores", "percent", "meets"),
    [
        ([5, 4, 3], Decimal("66.7"), False),
        ([5, 5, 5, 1], Decimal("75.0"), False),  # exactly 75% is not "over 75%"
        ([4] * 76 + [2] * 24, Decimal("76.0"), True),
        ([4] * 301 + [3] * 100, Decimal("75.1"), True),  # 75.06% rounds to 75.1 and is over
        ([5, 4, 4, 5], Decimal("100.0"), True),
        ([1, 2, 3], Decimal("0.0"), False),
        ([], None, None),
    ],
)
def test_satisfaction_rate(scores: list[int], percent: Decimal | None, meets: bool | None) -> None:
    rate = satisfaction_rate(scores)
    assert (rate.percent, rate.meets_target) == (percent, meets)


def test_satisfaction_rate_counts_only_4_and_5_as_satisfied() -> None:
    rate = satisfaction_rate([1, 2, 3, 4, 5])
    assert (rate.satisfied, rate.answered) == (2, 5)


@pytest.mark.parametrize("bad", [0, 6, -1])
def test_satisfaction_rate_refuses_scores_outside_1_to_5(bad: int) -> None:
    with pytest.raises(ValueError, match="from 1 to 5"):
        satisfaction_rate([5, bad])


@pytest.mark.parametrize(
    ("sent", "answered", "rate"),
    [(0, 0, None), (3, 1, Decimal("33.3")), (8, 8, Decimal("100.0")), (200, 1, Decimal("0.5"))],
)
def test_response_rate(sent: int, answered: int, rate: Decimal | None) -> None:
    assert response_rate(sent=sent, answered=answered) == rate


def test_response_rate_refuses_more_answers_than_sent() -> None:
    with pytest.raises(ValueError):
        response_rate(sent=2, answered=3)


@pytest.mark.parametrize(
    ("year", "number", "text"),
    [(2026, 123, "SEN-2026-000123"), (2026, 1, "SEN-2026-000001"), (2030, 999999, "SEN-2030-999999")],
)
def test_format_reference(year: int, number: int, text: str) -> None:
    assert format_reference(year, number) == text
    assert str(Reference(year, number)) == text


@pytest.mark.parametrize(("year", "number"), [(2026, 0), (2026, 1_000_000), (1999, 5), (26, 5)])
def test_format_reference_refuses_out_of_range(year: int, number: int) -> None:
    with pytest.raises(ReferenceError):
        format_reference(year, number)


@pytest.mark.parametrize(
    "text",
    [
        "SEN-2026-000123",
        "sen-2026-000123",
        " SEN 2026 123 ",
        "SEN/2026/000123",
        "SEN2026-123",
        "sen-2026-0123",
    ],
)
def test_parse_reference_forgives_how_families_quote_it(text: str) -> None:
    assert parse_reference(text) == Reference(2026, 123)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "SEN-26-000123",
        "SEN-2026-1234567",
        "SEN-2026-000000",
        "ABC-2026-000123",
        "2026-000123",
        "SEN-2026",
    ],
)
def test_parse_reference_refuses_other_text(text: str) -> None:
    with pytest.raises(ReferenceError, match="SEN-2026-000123"):
        parse_reference(text)
    assert not is_reference(text)
