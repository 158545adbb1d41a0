"""Edge rows of the statutory rules: the boundary day of each limit, and the wording officers read
(pure, no Django). Added where mutation testing (`make mutation`) showed a boundary or a message that
no table pinned; each row cites its provision."""

from datetime import date

import pytest

from sendhub.cases import rules
from sendhub.cases.rules import CeaseCheck, CeaseReason, ExceptionPeriod, ExceptionReason, TransferKind
from sendhub.cases.rules.panel import Timing, panel_timing
from sendhub.cases.rules.periods import months_beginning_with, period_beginning_with, weeks_between
from sendhub.cases.rules.reviews import academic_year_start
from sendhub.lib.workdays import add_working_days, is_bank_holiday, working_days_between

R = date(2025, 1, 6)  # received; 20 weeks end 26 May 2025 (reg 13(2))


def test_a_plan_issued_on_the_day_of_the_request() -> None:  # reg 13(2): day 0 is within the limit
    t = rules.plan_timeliness(R, R)
    assert (t.on_time, t.days_taken, t.weeks_taken, t.band) == (
        True,
        0,
        0.0,
        rules.TimelinessBand.WITHIN_20_WEEKS,
    )


def test_a_plan_cannot_be_issued_before_the_request() -> None:
    with pytest.raises(ValueError, match=r"^A plan cannot be issued before the request was received$"):
        rules.plan_timeliness(R, date(2025, 1, 5))


def test_days_and_weeks_taken() -> None:  # DfE reports weeks from the request to the final plan
    t = rules.plan_timeliness(R, date(2025, 5, 27))
    assert (t.days_taken, t.weeks_taken, t.due, t.received, t.issued) == (
        141,
        141 / 7,
        date(2025, 5, 26),
        R,
        date(2025, 5, 27),
    )


@pytest.mark.parametrize(
    ("start", "issued", "applies"),
    [
        (date(2025, 5, 26), date(2025, 6, 1), True),  # starts on the 20-week deadline: counts
        (date(2025, 4, 30), date(2025, 4, 30), True),  # starts the day an on-time plan is issued
        (date(2025, 5, 1), date(2025, 4, 30), False),  # starts after an on-time plan was issued
    ],
)
def test_an_exception_on_the_last_day_counts(start: date, issued: date, applies: bool) -> None:  # reg 13(3)
    period = ExceptionPeriod(ExceptionReason.SCHOOL_CLOSURE, start, date(2025, 6, 30))
    assert rules.plan_timeliness(R, issued, (period,)).exception_applies is applies
    assert rules.exceptions_could_delay(R, min(issued, date(2025, 5, 26)), [period]) is applies


def test_ehc_dates_include_the_latest_draft() -> None:  # regs 5(1), 10(1), 13(1)(a), 13(2)
    dates = rules.ehc_dates(R)
    assert (
        dates.decision_to_assess_due,
        dates.notice_not_to_issue_due,
        dates.final_plan_due,
        dates.latest_draft,
    ) == (
        date(2025, 2, 17),
        date(2025, 4, 28),
        date(2025, 5, 26),
        date(2025, 5, 11),
    )


def test_a_one_day_exception_is_allowed() -> None:
    assert ExceptionPeriod(ExceptionReason.PERSONAL_CIRCUMSTANCES, R, R).days == 1
    with pytest.raises(ValueError, match=r"^An exception cannot end before it starts$"):
        ExceptionPeriod(ExceptionReason.PERSONAL_CIRCUMSTANCES, R, date(2025, 1, 5))


@pytest.mark.parametrize(
    ("reason", "start", "end", "problems"),
    [
        # ends on the day the request was received: it touches the assessment, so it is accepted
        (ExceptionReason.PERSONAL_CIRCUMSTANCES, date(2024, 12, 1), R, []),
        (
            ExceptionReason.PERSONAL_CIRCUMSTANCES,
            date(2024, 12, 1),
            date(2025, 1, 5),
            ["The exception ends before the request was received"],
        ),
        # reg 10(4)(a), (c): "a continuous period of not less than 4 weeks"
        (ExceptionReason.ABSENT_FROM_AREA, R, date(2025, 2, 2), []),  # 28 days
        (
            ExceptionReason.ABSENT_FROM_AREA,
            R,
            date(2025, 2, 1),
            ["reg 10(4)(c) needs a continuous period of at least 4 weeks"],
        ),
        (
            ExceptionReason.SCHOOL_CLOSURE,
            R,
            date(2025, 2, 1),
            ["reg 10(4)(a) needs a continuous period of at least 4 weeks"],
        ),
        (
            ExceptionReason.SCHOOL_CLOSURE,
            date(2024, 12, 1),
            date(2024, 12, 2),
            [
                "The exception ends before the request was received",
                "reg 10(4)(a) needs a continuous period of at least 4 weeks",
            ],
        ),
    ],
)
def test_validate_exception_wording(reason, start, end, problems) -> None:  # reg 10(4)
    assert rules.validate_exception(ExceptionPeriod(reason, start, end), received=R) == problems


@pytest.mark.parametrize(
    ("issued", "last_review", "due"),
    [
        (date(2025, 1, 10), None, date(2025, 7, 10)),
        (date(2025, 1, 10), date(2025, 4, 1), date(2025, 10, 1)),  # from the last review
        (date(2025, 1, 10), date(2024, 12, 1), date(2025, 7, 10)),  # a review before the plan is ignored
    ],
)
def test_early_years_review(issued: date, last_review: date | None, due: date) -> None:  # CoP 9.178
    assert rules.early_years_review_due(issued, last_review) == due


@pytest.mark.parametrize(
    ("on", "year"),
    [
        (date(2025, 8, 31), 2024),
        (date(2025, 9, 1), 2025),
        (date(2025, 1, 1), 2024),
        (date(2025, 12, 31), 2025),
    ],
)
def test_academic_year_start(on: date, year: int) -> None:  # Education Act 1996 s.8: the school year
    assert academic_year_start(on) == year


@pytest.mark.parametrize(
    ("birth", "today", "due"),
    [
        (
            date(2014, 5, 1),
            date(2024, 11, 1),
            date(2025, 2, 15),
        ),  # year 6 now: moves to year 7 next September
        (date(2009, 5, 1), date(2024, 11, 1), date(2025, 3, 31)),  # year 11 now: post-16 next September
        (date(2013, 5, 1), date(2024, 11, 1), None),  # year 7 now: just moved, next move is years away
        (date(2015, 5, 1), date(2024, 11, 1), None),  # year 5: moves the September after next
        (date(2021, 5, 1), date(2024, 11, 1), date(2025, 2, 15)),  # nursery now: reception next September
        (date(2014, 5, 1), date(2025, 8, 31), date(2025, 2, 15)),  # still year 6 on 31 August
        (date(2000, 5, 1), date(2024, 11, 1), None),  # past every transfer
    ],
)
def test_cohort_phase_transfer_due(birth: date, today: date, due: date | None) -> None:  # reg 18(1)
    assert rules.cohort_phase_transfer_due(birth, today) == due


def test_next_phase_transfer_in_full() -> None:  # reg 18(1); reg 2(1) "transfer between phases"
    # Year 2 in 2024/25: without a separate infant school the next move is to year 7 in September 2029.
    t = rules.next_phase_transfer(date(2017, 10, 1), date(2024, 11, 1))
    assert t == rules.PhaseTransfer(
        2029, 7, "Primary to secondary school", TransferKind.SCHOOL, date(2029, 2, 15)
    )
    junior = rules.next_phase_transfer(date(2017, 10, 1), date(2024, 11, 1), infant_junior=True)
    assert junior == rules.PhaseTransfer(
        2025, 3, "Infant to junior school", TransferKind.SCHOOL, date(2025, 2, 15)
    )
    # in year 7 now: the move into year 7 is behind; next is post-16
    post16 = rules.next_phase_transfer(date(2013, 5, 1), date(2024, 11, 1))
    assert post16 == rules.PhaseTransfer(
        2029, 12, "Secondary school to post-16", TransferKind.POST16, date(2029, 3, 31)
    )
    assert rules.next_phase_transfer(date(2000, 5, 1), date(2024, 11, 1)) is None


@pytest.mark.parametrize(
    ("code", "named"),
    [("A", "apprenticeship"), ("ZZ", "ZZ")],  # an unknown code is shown as it is
)
def test_work_based_problem_names_the_route(code: str, named: str) -> None:  # Education Act 1996 s.8
    problem = rules.work_based_problem(date(2010, 3, 1), code, date(2025, 9, 1))
    assert problem is not None
    assert f"Work-based learning ({named}) is only for young people over compulsory school age" in problem


@pytest.mark.parametrize(
    ("due", "panel_on", "today", "timing"),
    [
        (date(2025, 3, 10), date(2025, 3, 10), date(2025, 3, 10), Timing.ON_TIME),  # due today, panel today
        (date(2025, 3, 10), date(2025, 3, 13), date(2025, 3, 10), Timing.LATE_AT_PANEL),
        (date(2025, 3, 10), date(2025, 3, 13), date(2025, 3, 11), Timing.OVERDUE),
    ],
)
def test_panel_timing_on_the_due_day(
    due: date, panel_on: date, today: date, timing: Timing
) -> None:  # reg 5(1)
    assert panel_timing(due, panel_on, today) is timing


def _check(age_birth: date, reason: CeaseReason, **kw: bool) -> list[str]:
    return rules.cease_blockers(
        CeaseCheck(
            birth=age_birth,
            decision_date=date(2025, 6, 1),
            reason=reason,
            consulted_parent_or_young_person=True,
            consulted_setting=True,
            **kw,
        )
    )


@pytest.mark.parametrize(
    ("birth", "reason", "blockers"),
    [
        # 18 on the day of the decision: reg 29 no longer limits the grounds
        (date(2007, 6, 1), CeaseReason.EMPLOYMENT, []),
        (
            date(2007, 6, 2),
            CeaseReason.EMPLOYMENT,
            ["Reg 29(1): under 18 a plan may only cease if it is no longer necessary"],
        ),
        (
            date(2007, 6, 1),
            CeaseReason.OVER_18_LEFT_EDUCATION,
            ["Reg 30(1): review the plan (regs 18-19) before ceasing it"],
        ),
        (
            date(2007, 6, 2),
            CeaseReason.OVER_18_LEFT_EDUCATION,
            [
                "Reg 29(1): under 18 a plan may only cease if it is no longer necessary",
                "Reg 30(1) applies only to young people aged 18 or over",
            ],
        ),
        # reg 46: 25th birthday in November 2024, academic year to 31 July 2025
        (
            date(1999, 11, 1),
            CeaseReason.REACHED_25,
            [
                "Reg 46: the plan may continue to the end of the academic year in which the young person turns 25"
            ],
        ),
    ],
)
def test_cease_blockers_at_18(
    birth: date, reason: CeaseReason, blockers: list[str]
) -> None:  # regs 29, 30, 46
    assert _check(birth, reason) == blockers


def test_reg_46_allows_ceasing_on_the_last_day() -> None:
    check = CeaseCheck(date(1999, 11, 1), date(2025, 7, 31), CeaseReason.REACHED_25, True, True)
    assert rules.cease_blockers(check) == []


def test_plan_maintained_until_after_mediation() -> None:  # Tribunal Procedure Rules r.20(1)(b); CoP 9.210
    notice = date(2025, 3, 1)
    assert rules.plan_maintained_until(notice, appeal_lodged=False, certificate=date(2025, 4, 20)) == date(
        2025, 5, 20
    )
    assert rules.plan_maintained_until(notice, appeal_lodged=False, certificate=date(2025, 3, 10)) == date(
        2025, 5, 1
    )
    assert rules.plan_maintained_until(notice, appeal_lodged=False) == date(2025, 5, 1)
    assert rules.plan_maintained_until(notice, appeal_lodged=True, certificate=date(2025, 4, 20)) is None


@pytest.mark.parametrize("days", [0, -1])
def test_a_period_is_at_least_a_day(days: int) -> None:  # regs 13(1), 22(2)
    with pytest.raises(ValueError, match=r"^A period must be at least one day long$"):
        period_beginning_with(R, days)


def test_a_one_day_period_ends_the_day_it_begins() -> None:
    assert period_beginning_with(R, 1) == R


@pytest.mark.parametrize("months", [0, -12])
def test_a_period_of_months_is_at_least_a_month(months: int) -> None:  # CFA s.44(1)
    with pytest.raises(ValueError, match=r"^A period must be at least one month long$"):
        months_beginning_with(R, months)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),  # no 31 February: the month's last day
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 30), 1, date(2025, 2, 28)),  # 30 February does not exist either
        (date(2025, 1, 28), 1, date(2025, 2, 27)),
        (date(2025, 3, 1), 1, date(2025, 3, 31)),
        (date(2025, 12, 1), 1, date(2025, 12, 31)),  # across no year end
        (date(2025, 12, 15), 1, date(2026, 1, 14)),  # across the year end
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 1, 1), 24, date(2026, 12, 31)),
    ],
)
def test_months_beginning_with(start: date, months: int, end: date) -> None:  # CFA 2014 s.44(1)
    assert months_beginning_with(start, months) == end


@pytest.mark.parametrize(
    ("start", "end", "weeks"), [(R, date(2025, 5, 26), 20.0), (R, date(2025, 1, 9), 3 / 7), (R, R, 0.0)]
)
def test_weeks_between(start: date, end: date, weeks: float) -> None:
    assert weeks_between(start, end) == weeks


@pytest.mark.parametrize(
    ("d", "ok"),
    [
        (date(1990, 1, 1), True),
        (date(2100, 12, 31), True),
        (date(1989, 12, 31), False),
        (date(2101, 1, 1), False),
    ],
)
def test_working_days_cover_1990_to_2100(d: date, ok: bool) -> None:  # the supported years, both ends
    if ok:
        assert is_bank_holiday(d) is (d == date(1990, 1, 1))
        assert working_days_between(d, d) == 0
    else:
        with pytest.raises(ValueError, match=rf"^{d.isoformat()} is outside the supported years 1990-2100$"):
            is_bank_holiday(d)


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^days must not be negative$"):
        add_working_days(R, -1)
