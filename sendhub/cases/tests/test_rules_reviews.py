"""Table tests for annual reviews, amendments, phase transfer and ceasing (pure, no Django)."""

from datetime import date

import pytest

from sendhub.cases import rules
from sendhub.cases.rules import CeaseCheck, CeaseReason, TransferKind


@pytest.mark.parametrize(
    ("issued", "last_review", "due"),
    [
        # "the period of 12 months starting with" the date: it ends the day before the anniversary
        (date(2024, 3, 15), None, date(2025, 3, 14)),  # the example
        (date(2024, 2, 29), None, date(2025, 2, 28)),  # no 29 February in 2025: the month's last day
        (date(2023, 2, 28), None, date(2024, 2, 27)),  # not 28 or 29 February 2024
        (date(2023, 3, 1), None, date(2024, 2, 29)),  # the day before 1 March in a leap year
        (date(2024, 3, 1), None, date(2025, 2, 28)),
        (date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 27)),  # from the last review
        (date(2023, 3, 15), date(2024, 3, 1), date(2025, 2, 28)),
        (date(2024, 12, 31), None, date(2025, 12, 30)),  # year end
        (date(2025, 1, 1), None, date(2025, 12, 31)),  # a plan made on 1 January: by 31 December
        (date(2025, 6, 1), date(2025, 5, 1), date(2026, 5, 31)),  # a review before the plan date is ignored
        (date(2025, 6, 1), date(2025, 6, 1), date(2026, 5, 31)),  # a review on the day the plan was made
    ],
)
def test_annual_review_due(issued: date, last_review: date | None, due: date) -> None:  # CFA 2014 s.44(1)
    assert rules.annual_review_due(issued, last_review) == due


def test_early_years_review_due_is_six_months() -> None:  # Code of Practice 9.178
    assert rules.early_years_review_due(date(2025, 8, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("meeting", "report_due", "decision_due"),
    [
        (date(2025, 12, 18), date(2026, 1, 1), date(2026, 1, 15)),  # over Christmas: calendar weeks
        (date(2024, 2, 22), date(2024, 3, 7), date(2024, 3, 21)),  # leap year
        (date(2023, 2, 15), date(2023, 3, 1), date(2023, 3, 15)),
        (date(2024, 2, 15), date(2024, 2, 29), date(2024, 3, 14)),  # report due on leap day
    ],
)
def test_review_report_and_decision(meeting: date, report_due: date, decision_due: date) -> None:
    assert rules.review_report_due(meeting) == report_due  # SEND Regs 2014 reg 20(7)
    assert rules.review_decision_due(meeting) == decision_due  # SEND Regs 2014 reg 20(10)


@pytest.mark.parametrize(
    ("notice", "due"),
    [
        (date(2025, 11, 10), date(2026, 1, 5)),  # year end
        (date(2024, 1, 10), date(2024, 3, 6)),  # leap year
        (date(2023, 1, 10), date(2023, 3, 7)),
    ],
)
def test_amended_plan_due(notice: date, due: date) -> None:  # SEND Regs 2014 reg 22(3)
    assert rules.amended_plan_due(notice) == due


def test_amendment_representations_end() -> None:  # SEND Regs 2014 reg 22(2)
    assert rules.amendment_representations_end(date(2025, 12, 24)) == date(2026, 1, 7)


@pytest.mark.parametrize(
    ("year", "kind", "due"),
    [
        (2026, "school", date(2026, 2, 15)),  # a Sunday: the date does not move
        (2026, "post16", date(2026, 3, 31)),
        (2028, TransferKind.SCHOOL, date(2028, 2, 15)),  # leap year makes no difference
        (2027, TransferKind.POST16, date(2027, 3, 31)),
    ],
)
def test_phase_transfer_amended_plan_due(year: int, kind: str, due: date) -> None:  # SEND Regs 2014 reg 18(1)
    assert rules.phase_transfer_amended_plan_due(year, kind) == due


def test_phase_transfer_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError):
        rules.phase_transfer_amended_plan_due(2026, "university")


@pytest.mark.parametrize(
    ("birth", "on", "nc_year"),
    [
        (date(2014, 9, 1), date(2025, 9, 1), 6),  # oldest in the year group
        (date(2015, 8, 31), date(2025, 9, 1), 6),  # youngest in the same year group
        (date(2015, 9, 1), date(2025, 9, 1), 5),
        (date(2021, 2, 28), date(2025, 11, 23), 0),  # reception
        (date(2008, 2, 29), date(2025, 11, 23), 13),  # leap-day birthday
    ],
)
def test_national_curriculum_year(birth: date, on: date, nc_year: int) -> None:  # Education Act 1996 s.8
    assert rules.national_curriculum_year(birth, on) == nc_year


@pytest.mark.parametrize(
    ("birth", "year", "label", "due"),
    [
        (date(2014, 10, 10), 2026, "Primary to secondary school", date(2026, 2, 15)),
        (date(2010, 5, 5), 2026, "Secondary school to post-16", date(2026, 3, 31)),
        (date(2021, 12, 1), 2026, "Early years to reception", date(2026, 2, 15)),
        (date(2015, 8, 31), 2026, "Primary to secondary school", date(2026, 2, 15)),  # summer-born
    ],
)
def test_in_transfer_cohort(birth: date, year: int, label: str, due: date) -> None:  # reg 18(1)
    transfer = rules.in_transfer_cohort(birth, year)
    assert transfer is not None
    assert (transfer.label, transfer.amended_plan_due) == (label, due)


def test_infant_to_junior_only_when_asked() -> None:  # reg 2(1) "transfer between phases"
    birth = date(2019, 1, 1)  # enters year 3 in September 2026
    assert rules.in_transfer_cohort(birth, 2026) is None
    transfer = rules.in_transfer_cohort(birth, 2026, infant_junior=True)
    assert transfer is not None and transfer.entry_nc_year == 3


def test_no_transfer_after_post16() -> None:
    assert rules.next_phase_transfer(date(2005, 1, 1), date(2025, 11, 23)) is None


@pytest.mark.parametrize(
    ("birth", "end"),
    [
        (date(2000, 3, 10), date(2025, 7, 31)),
        (date(2000, 9, 10), date(2026, 7, 31)),  # 25th birthday in the autumn term
        (date(2000, 8, 15), date(2026, 7, 31)),  # August birthday starts the next academic year
        (date(2000, 2, 29), date(2025, 7, 31)),
    ],
)
def test_plan_end_at_25(birth: date, end: date) -> None:  # SEND Regs 2014 reg 46
    assert rules.plan_end_at_25(birth) == end


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2008, 2, 29), date(2026, 2, 28), 17),  # leap-day birthday reached on 1 March
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
    ],
)
def test_age_on(birth: date, on: date, age: int) -> None:  # Family Law Reform Act 1969 s.9
    assert rules.age_on(birth, on) == age


def _check(**kw: object) -> CeaseCheck:
    base: dict[str, object] = {
        "birth": date(2010, 1, 1),
        "decision_date": date(2025, 11, 1),
        "reason": CeaseReason.NO_LONGER_NEEDED,
        "consulted_parent_or_young_person": True,
        "consulted_setting": True,
    }
    base.update(kw)
    return CeaseCheck(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "blocked_by"),
    [
        ({}, []),
        ({"consulted_parent_or_young_person": False}, ["Reg 31(1)(a)-(b)"]),
        ({"consulted_setting": False}, ["Reg 31(1)(c)"]),
        ({"reason": CeaseReason.EMPLOYMENT}, ["Reg 29(1)"]),  # 15-year-old
        ({"reason": CeaseReason.EMPLOYMENT, "birth": date(2005, 1, 1)}, []),
        ({"reason": CeaseReason.OVER_18_LEFT_EDUCATION, "birth": date(2005, 1, 1)}, ["Reg 30(1)"]),
        (
            {
                "reason": CeaseReason.OVER_18_LEFT_EDUCATION,
                "birth": date(2005, 1, 1),
                "reviewed_since_leaving": True,
            },
            [],
        ),
        ({"reason": CeaseReason.MOVED_AWAY, "consulted_setting": False}, []),
        ({"reason": CeaseReason.REACHED_25, "birth": date(2000, 9, 10)}, ["Reg 46"]),  # until 31 July 2026
        ({"reason": CeaseReason.REACHED_25, "birth": date(2000, 3, 10)}, []),
    ],
)
def test_cease_blockers(changes: dict[str, object], blocked_by: list[str]) -> None:  # regs 29-31, 46
    blockers = rules.cease_blockers(_check(**changes))
    assert [b.split(":")[0] for b in blockers] == blocked_by


@pytest.mark.parametrize(
    ("notice", "deadline"),
    [
        (date(2025, 12, 31), date(2026, 2, 28)),  # month end clamps
        (date(2023, 12, 30), date(2024, 2, 29)),  # into a leap February
        (date(2025, 11, 3), date(2026, 1, 3)),
    ],
)
def test_appeal_deadline(notice: date, deadline: date) -> None:  # HESC Rules 2008 r.20(1)
    assert rules.appeal_deadline(notice) == deadline


def test_appeal_deadline_after_mediation_takes_the_later_date() -> None:
    assert rules.appeal_deadline_after_mediation(date(2025, 9, 1), date(2025, 10, 15)) == date(2025, 11, 15)
    assert rules.appeal_deadline_after_mediation(date(2025, 9, 1), date(2025, 9, 10)) == date(2025, 11, 1)


def test_plan_maintained_until() -> None:  # Code of Practice 9.210
    assert rules.plan_maintained_until(date(2025, 9, 1), appeal_lodged=True) is None
    assert rules.plan_maintained_until(date(2025, 9, 1), appeal_lodged=False) == date(2025, 11, 1)


@pytest.mark.parametrize(
    ("transfer_year", "window"),
    [
        (2026, (date(2025, 9, 1), date(2026, 8, 31))),
        (2025, (date(2024, 9, 1), date(2025, 8, 31))),
    ],
)
def test_phase_transfer_window(transfer_year: int, window: tuple[date, date]) -> None:  # reg 18(1); CoP 9.179
    assert rules.phase_transfer_window(transfer_year) == window


@pytest.mark.parametrize(
    ("amended", "counts"),
    [
        (None, False),
        (date(2025, 8, 31), False),  # the summer before the window: a review of the previous year
        (date(2025, 9, 1), True),
        (date(2025, 12, 10), True),  # amended in December for the next September's transfer
        (date(2026, 2, 15), True),
        (date(2026, 8, 31), True),  # late, but for this transfer
        (date(2026, 9, 1), False),  # after the move
    ],
)
def test_amended_for_phase_transfer(amended: date | None, counts: bool) -> None:  # reg 18(1)
    assert rules.amended_for_phase_transfer(amended, 2026) is counts
