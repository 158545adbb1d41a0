"""Table tests for the EHC needs assessment timeline (pure, no Django).

Expected dates are worked out by hand from the regulation cited on each test.
"""

from datetime import date

import pytest

from sendhub.cases import rules
from sendhub.cases.rules import ExceptionPeriod, ExceptionReason, TimelinessBand


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 1, 6), date(2025, 2, 17)),
        (date(2024, 1, 25), date(2024, 3, 7)),  # spans 29 February 2024
        (date(2023, 1, 25), date(2023, 3, 8)),  # same dates, no leap day
        (date(2025, 11, 20), date(2026, 1, 1)),  # due on New Year's Day: it does not move
        (date(2022, 8, 8), date(2022, 9, 19)),  # due on the Queen's funeral: calendar weeks
    ],
)
def test_decision_to_assess_due(received: date, due: date) -> None:  # SEND Regs 2014 reg 5(1)
    assert rules.decision_to_assess_due(received) == due


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        (date(2024, 12, 20), date(2025, 1, 31)),  # over Christmas and the year end
        (date(2023, 3, 27), date(2023, 5, 8)),  # due on the Coronation bank holiday
        (date(2024, 2, 29), date(2024, 4, 11)),  # asked on leap day
    ],
)
def test_advice_due(requested: date, due: date) -> None:  # SEND Regs 2014 reg 8(1)
    assert rules.advice_due(requested) == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 1, 6), date(2025, 4, 28)),
        (date(2023, 11, 1), date(2024, 2, 21)),  # across the year end into a leap year
        (date(2024, 12, 2), date(2025, 3, 24)),
    ],
)
def test_notice_not_to_issue_due(received: date, due: date) -> None:  # SEND Regs 2014 reg 10(1)
    assert rules.notice_not_to_issue_due(received) == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 1, 6), date(2025, 5, 26)),  # due on the spring bank holiday: it does not move
        (date(2024, 1, 15), date(2024, 6, 3)),  # spans 29 February
        (date(2025, 12, 19), date(2026, 5, 8)),  # spans Christmas and new year
        (date(2023, 2, 1), date(2023, 6, 21)),
        (date(2024, 2, 1), date(2024, 6, 20)),  # one day earlier in a leap year
        (date(2024, 2, 29), date(2024, 7, 18)),  # received on leap day
        (date(2023, 1, 2), date(2023, 5, 22)),  # received on a substitute bank holiday
    ],
)
def test_final_plan_due(received: date, due: date) -> None:  # SEND Regs 2014 reg 13(2)
    assert rules.final_plan_due(received) == due


@pytest.mark.parametrize(
    ("served", "last_day"),
    [
        (date(2025, 12, 22), date(2026, 1, 5)),  # day of service is day 1 of 15
        (date(2024, 2, 20), date(2024, 3, 5)),  # leap year
        (date(2023, 2, 20), date(2023, 3, 6)),
    ],
)
def test_draft_representations_end(served: date, last_day: date) -> None:  # SEND Regs 2014 reg 13(1)(a)
    assert rules.draft_representations_end(served) == last_day
    assert (rules.earliest_final_plan(served) - served).days == 15


def test_setting_consultation_due() -> None:  # CFA 2014 s.39(2); Code of Practice 9.79
    assert rules.setting_consultation_due(date(2025, 12, 22)) == date(2026, 1, 6)


def test_latest_draft_leaves_fifteen_days_before_the_final_deadline() -> None:  # regs 13(1)(a), 13(2)
    assert rules.latest_draft_for_final_on_time(date(2025, 1, 6)) == date(2025, 5, 11)


def test_ehc_dates_json_contract() -> None:
    assert rules.ehc_dates(date(2025, 1, 6)).as_json() == {
        "decision_to_assess_due": "2025-02-17",
        "notice_not_to_issue_due": "2025-04-28",
        "final_plan_due": "2025-05-26",
    }


@pytest.mark.parametrize(
    ("issued", "on_time", "band"),
    [
        (date(2025, 5, 26), True, TimelinessBand.WITHIN_20_WEEKS),  # on the 20-week day
        (date(2025, 5, 27), False, TimelinessBand.OVER_20_UNDER_52_WEEKS),
        (date(2026, 1, 5), False, TimelinessBand.OVER_20_UNDER_52_WEEKS),  # exactly 52 weeks
        (date(2026, 1, 6), False, TimelinessBand.OVER_52_WEEKS),
    ],
)
def test_plan_timeliness_bands(issued: date, on_time: bool, band: TimelinessBand) -> None:  # reg 13(2)
    t = rules.plan_timeliness(date(2025, 1, 6), issued)
    assert (t.on_time, t.band, t.exception_applies) == (on_time, band, False)
    assert t.counts_including_exceptions and t.counts_excluding_exceptions


def test_exception_removes_a_late_plan_from_the_excluding_measure_only() -> None:  # regs 10(4), 13(3)
    away = ExceptionPeriod(ExceptionReason.ABSENT_FROM_AREA, date(2025, 3, 1), date(2025, 4, 15))
    t = rules.plan_timeliness(date(2025, 1, 6), date(2025, 6, 30), [away])
    assert not t.on_time
    assert t.exception_applies
    assert t.counts_including_exceptions
    assert not t.counts_excluding_exceptions


def test_exception_outside_the_assessment_does_not_apply() -> None:
    earlier = ExceptionPeriod(ExceptionReason.PERSONAL_CIRCUMSTANCES, date(2024, 10, 1), date(2024, 12, 1))
    assert not rules.plan_timeliness(date(2025, 1, 6), date(2025, 5, 1), [earlier]).exception_applies


def test_plan_cannot_be_issued_before_the_request() -> None:
    with pytest.raises(ValueError, match="before the request"):
        rules.plan_timeliness(date(2025, 1, 6), date(2025, 1, 5))


@pytest.mark.parametrize(
    ("reason", "start", "end", "problems"),
    [
        (ExceptionReason.ABSENT_FROM_AREA, date(2025, 7, 1), date(2025, 7, 28), 0),  # exactly 4 weeks
        (ExceptionReason.ABSENT_FROM_AREA, date(2025, 7, 1), date(2025, 7, 27), 1),  # 27 days: too short
        (ExceptionReason.SCHOOL_CLOSURE, date(2025, 7, 15), date(2025, 9, 2), 0),  # summer holiday
        (ExceptionReason.SCHOOL_CLOSURE, date(2025, 12, 19), date(2026, 1, 5), 1),  # Christmas is < 4 weeks
        (ExceptionReason.PERSONAL_CIRCUMSTANCES, date(2025, 7, 1), date(2025, 7, 3), 0),  # no minimum
        (ExceptionReason.PERSONAL_CIRCUMSTANCES, date(2024, 1, 1), date(2024, 2, 1), 1),  # before the request
    ],
)
def test_validate_exception(
    reason: ExceptionReason, start: date, end: date, problems: int
) -> None:  # reg 10(4)
    period = ExceptionPeriod(reason, start, end)
    assert len(rules.validate_exception(period, received=date(2025, 6, 2))) == problems


def test_exception_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="cannot end before"):
        ExceptionPeriod(ExceptionReason.ABSENT_FROM_AREA, date(2025, 7, 2), date(2025, 7, 1))


def test_exception_reasons_cite_their_regulation() -> None:
    assert ExceptionReason.SCHOOL_CLOSURE.regulation == "reg 10(4)(a)"
    assert ExceptionReason("personal_circumstances").regulation == "reg 10(4)(b)"
    assert ExceptionReason.ABSENT_FROM_AREA.regulation == "reg 10(4)(c)"


def test_exception_adjusted_due_counts_overlapping_days_once() -> None:
    due = date(2025, 5, 26)
    periods = [
        ExceptionPeriod(ExceptionReason.ABSENT_FROM_AREA, date(2025, 3, 1), date(2025, 3, 28)),  # 28 days
        ExceptionPeriod(
            ExceptionReason.PERSONAL_CIRCUMSTANCES, date(2025, 3, 20), date(2025, 4, 2)
        ),  # +5 new
    ]
    assert rules.exception_adjusted_due(due, periods) == date(2025, 6, 28)
    assert rules.exception_adjusted_due(due, []) == due


# Received 6 January 2025: the 20-week deadline (reg 13(2)) is 26 May 2025.
@pytest.mark.parametrize(
    ("start", "end", "issued", "applies"),
    [
        (date(2025, 3, 1), date(2025, 4, 1), date(2025, 7, 1), True),  # inside the 20 weeks
        (date(2025, 5, 26), date(2025, 6, 30), date(2025, 7, 1), True),  # starts on the deadline itself
        (date(2024, 12, 1), date(2025, 1, 6), date(2025, 7, 1), True),  # ends on the day of the request
        # starts after the deadline had passed: it cannot be why the deadline was missed (reg 13(3))
        (date(2025, 5, 27), date(2025, 6, 30), date(2025, 7, 1), False),
        (date(2025, 6, 10), date(2025, 7, 20), date(2025, 9, 1), False),
        # starts after an on-time plan was issued
        (date(2025, 5, 1), date(2025, 6, 1), date(2025, 4, 30), False),
        (date(2025, 4, 30), date(2025, 6, 1), date(2025, 4, 30), True),
        (date(2024, 11, 1), date(2025, 1, 5), date(2025, 7, 1), False),  # ended before the request
    ],
)
def test_exception_counts_only_if_it_could_have_caused_the_delay(
    start: date, end: date, issued: date, applies: bool
) -> None:  # regs 10(4), 13(3)
    period = ExceptionPeriod(ExceptionReason.ABSENT_FROM_AREA, start, end)
    t = rules.plan_timeliness(date(2025, 1, 6), issued, [period])
    assert t.exception_applies is applies
    assert t.counts_excluding_exceptions is not applies
