"""The pure core of ``sendhub dates`` (the management command is tested with call_command)."""

import pytest

from sendhub.cases.dates_cli import DatesInputError, compute


def test_ehc() -> None:  # regs 5(1), 10(1), 13(2)
    assert compute("ehc", received="2024-02-29") == {
        "decision_to_assess_due": "2024-04-11",
        "notice_not_to_issue_due": "2024-06-20",
        "final_plan_due": "2024-07-18",
    }


@pytest.mark.parametrize(("kind", "due"), [("school", "2027-02-15"), ("post16", "2027-03-31")])
def test_phase_transfer(kind: str, due: str) -> None:  # reg 18(1)
    assert compute("phase-transfer", year="2027", to=kind) == {"amended_plan_due": due}


@pytest.mark.parametrize(
    ("last", "due"),
    [
        ("2024-03-15", "2025-03-14"),  # the 12 months starting with 15 March end on 14 March
        ("2024-02-29", "2025-02-28"),
        ("2023-03-01", "2024-02-29"),
    ],
)
def test_annual_review(last: str, due: str) -> None:  # CFA 2014 s.44(1)
    assert compute("annual-review", last=last) == {"review_due": due}


def test_working_days() -> None:
    assert compute("working-days", start="2023-05-05", days="1") == {"due": "2023-05-09"}


@pytest.mark.parametrize(
    ("which", "options", "message"),
    [
        ("ehc", {"received": "2025-02-30"}, "real date"),
        ("ehc", {"received": "yesterday"}, "real date"),
        ("ehc", {"received": "20250101"}, "YYYY-MM-DD"),
        ("ehc", {"received": "1066-10-14"}, "between"),
        ("annual-review", {"last": "2025-02-29"}, "real date"),
        ("annual-review", {"last": "15/03/2024"}, "real date"),
        ("annual-review", {"last": "2101-01-01"}, "between"),
        ("phase-transfer", {"year": "26", "to": "school"}, "year between"),
        ("phase-transfer", {"year": "2026", "to": "college"}, "school or post16"),
        ("working-days", {"start": "2025-01-01", "days": "-3"}, "whole number"),
        ("working-days", {"start": "2025-01-01", "days": "two"}, "whole number"),
        ("working-days", {"start": "2025-01-01", "days": "99999"}, "at most"),
    ],
)
def test_bad_input_is_one_line(which: str, options: dict[str, str], message: str) -> None:
    with pytest.raises(DatesInputError, match=message) as err:
        compute(which, **options)
    assert "\n" not in str(err.value)
