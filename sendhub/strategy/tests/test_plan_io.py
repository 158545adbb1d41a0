"""The plan template: Camden's Appendix C as data, import, export and the round trip, refusals."""

import csv
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sendhub.core.exceptions import ImportRejected
from sendhub.strategy.camden import camden_plan, camden_plan_rows
from sendhub.strategy.models import Action, Plan
from sendhub.strategy.services.plan_io import COLUMNS, import_plan, plan_rows, read_rows

SEED_ORDER = [
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "1.5",
    "1.6",
    "1.7",
    "1.8",
    "1.9",
    "1.10",
    "1.11",
    "1.12",
    "1.13",
    "2.1",
    "2.2",
    "2.4",
    "2.5",
    "2.6",
    "2.8",
    "2.9",
    "2.10",
    "2.11",
    "2.12",
    "3.1",
    "3.2",
    "3.5",
    "3.7",
    "3.8",
    "3.11",
    "3.13",
    "3.12",
    "3.14",
]  # fmt: skip  (3.13 comes before 3.12 in the seed, and the plan keeps the seed's order)


def test_the_data_file_holds_every_appendix_c_item_in_the_seeds_order(shared_dir):
    from sendhub.strategy.data.extract_camden_plan import extract

    data = camden_plan()
    numbers = [a["number"] for p in data["priorities"] for a in p["actions"]]
    assert numbers == SEED_ORDER
    seed = (shared_dir / "seeds" / "camden-send-strategy-progress-report-2024.txt").read_text(
        encoding="utf-8"
    )
    assert extract(seed) == data  # the committed file is what the script makes of the seed


@pytest.mark.django_db
def test_camden_plan_imports_with_by_when_and_criteria():
    plan = import_plan(rows=camden_plan_rows(), by=None)
    actions = list(plan.actions.order_by("position"))
    assert [a.number for a in actions] == SEED_ORDER
    first = actions[0]
    assert first.title.startswith("Agree and publish service standards")
    assert first.by_when == "Dec-24" and first.due == date(2024, 12, 31)
    assert "Over 75% of parent/carers report satisfaction" in first.success_criteria
    assert [s.by_when for s in first.steps.all()] == [
        "Oct-24",
        "Nov-24",
        "Dec-24",
        "Dec-24",
        "Dec-24",
        "Year 3",
    ]
    three_eight = plan.actions.get(number="3.8")
    assert three_eight.by_when == "Apr-25"
    assert "% of EHCPs including PFA outcomes" in three_eight.success_criteria
    assert plan.actions.get(number="1.9").by_when == "Year 3" and plan.actions.get(number="1.9").due is None
    assert (
        plan.strategy.priorities.get(number=3).title
        == "Enable young adults with SEND to build a good life locally"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_round_trips_the_plan_unchanged(tmp_path: Path, suffix):
    plan = import_plan(rows=camden_plan_rows(), by=None)
    before = plan_rows(plan)
    out = tmp_path / f"plan{suffix}"
    call_command("strategy", "export-plan", "--out", str(out), "--year", "2024")
    Plan.objects.all().delete()
    assert not Action.objects.exists()
    call_command("strategy", "import-plan", str(out))
    again = Plan.objects.get(year=2024)
    assert plan_rows(again) == before
    out2 = tmp_path / f"again{suffix}"
    call_command("strategy", "export-plan", "--out", str(out2))
    assert read_rows(out2) == read_rows(out)


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "plan.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


ROW = [
    "SEND Strategy",
    "2025",
    "Plan 2025",
    "1",
    "Families",
    "1.1",
    "Publish standards",
    "",
    "",
    "",
    "",
    "",
    "Draft them",
    "Oct-25",
    "",
]


@pytest.mark.django_db
def test_a_malformed_file_is_refused_whole_with_each_problems_row_and_column(tmp_path):
    bad_year = ROW.copy()
    bad_year[1] = "20x5"
    bad_number = ROW.copy()
    bad_number[5] = "one"
    wrong_priority = ROW.copy()
    wrong_priority[5] = "2.1"
    no_title = ROW.copy()
    no_title[5], no_title[6] = "1.2", ""
    path = _write(tmp_path, [COLUMNS, ROW, bad_year, bad_number, wrong_priority, no_title])
    with pytest.raises(ImportRejected) as refused:
        import_plan(rows=read_rows(path), by=None)
    assert refused.value.errors == [
        "Row 3, column B (year): every row must have the same year",
        "Row 3, column B (year): enter a year like 2024",
        "Row 4, column F (number): enter the action's number, like 1.1",
        "Row 5, column F (number): action 2.1 is not under priority 1",
        "Row 6, column G (title): enter the action's title on its first row",
    ]
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_the_command_prints_each_problem_and_fails(tmp_path):
    path = _write(tmp_path, [COLUMNS[:-1], ROW[:-1]])
    with pytest.raises(CommandError, match="not a plan template"):
        call_command("strategy", "import-plan", str(path))
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_a_plan_for_a_year_already_held_is_refused(tmp_path):
    path = _write(tmp_path, [COLUMNS, ROW])
    import_plan(rows=read_rows(path), by=None)
    with pytest.raises(ImportRejected) as refused:
        import_plan(rows=read_rows(path), by=None)
    assert refused.value.errors == ["Row 2, column B (year): SEND Strategy already has a 2025 plan"]
    assert Action.objects.count() == 1


@pytest.mark.django_db
def test_a_malformed_xlsx_is_refused_with_spreadsheet_rows_and_columns(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(COLUMNS)
    sheet.append(ROW)
    bad = ROW.copy()
    bad[3] = "first"
    sheet.append(bad)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    with pytest.raises(CommandError, match="1 problem"):
        call_command("strategy", "import-plan", str(path))
    with pytest.raises(ImportRejected) as refused:
        import_plan(rows=read_rows(path), by=None)
    assert refused.value.errors == ["Row 3, column D (priority): enter the priority's number, like 1"]
    assert not Plan.objects.exists()
