"""`sendhub dates ...`: the engine's command-line contract (acceptance tests use it exactly)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def run(*args: str) -> dict[str, str]:
    out = io.StringIO()
    call_command("dates", *args, stdout=out)
    return json.loads(out.getvalue())


def test_ehc() -> None:  # regs 5(1), 10(1), 13(2)
    assert run("ehc", "--received", "2025-01-06") == {
        "decision_to_assess_due": "2025-02-17",
        "notice_not_to_issue_due": "2025-04-28",
        "final_plan_due": "2025-05-26",
    }


@pytest.mark.parametrize(("to", "due"), [("school", "2026-02-15"), ("post16", "2026-03-31")])
def test_phase_transfer(to: str, due: str) -> None:  # reg 18(1)
    assert run("phase-transfer", "--year", "2026", "--to", to) == {"amended_plan_due": due}


def test_annual_review() -> None:  # CFA 2014 s.44(1): due the day before the anniversary
    assert run("annual-review", "--last", "2024-03-15") == {"review_due": "2025-03-14"}


def test_working_days_over_christmas() -> None:
    assert run("working-days", "--from", "2025-12-24", "--days", "1") == {"due": "2025-12-29"}


@pytest.mark.parametrize(
    "args",
    [
        ("ehc", "--received", "2025-02-30"),
        ("ehc", "--received", "not-a-date"),
        ("phase-transfer", "--year", "2026", "--to", "university"),
        ("phase-transfer", "--year", "twenty", "--to", "school"),
        ("working-days", "--from", "2025-12-24", "--days", "-1"),
        ("working-days", "--from", "2025-12-24"),
        ("ehc",),
        ("annual-review",),
        ("annual-review", "--last", "2025-13-01"),
        ("fortnight",),
    ],
)
def test_invalid_input_is_a_command_error(args: tuple[str, ...]) -> None:
    with pytest.raises(CommandError) as err:
        call_command("dates", *args, stdout=io.StringIO())
    assert "\n" not in str(err.value).strip()


def test_real_command_line() -> None:
    root = Path(__file__).resolve().parents[3]
    ok = subprocess.run(
        [sys.executable, str(root / "manage.py"), "dates", "ehc", "--received", "2024-02-29"],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["final_plan_due"] == "2024-07-18"
    bad = subprocess.run(
        [sys.executable, str(root / "manage.py"), "dates", "ehc", "--received", "2024-02-30"],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
        timeout=120,
    )
    assert bad.returncode != 0
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1
    missing = subprocess.run(
        [sys.executable, str(root / "manage.py"), "dates", "phase-transfer", "--year", "2026"],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
        timeout=120,
    )
    assert missing.returncode != 0
    assert missing.stderr.strip().splitlines() == [
        "CommandError: Error: the following arguments are required: --to"
    ]
