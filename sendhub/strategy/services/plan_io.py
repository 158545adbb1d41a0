"""The plan template: import a year's plan from CSV or XLSX, and export it back in the same shape.

One row per step of an action. The action's own columns (title to expected impact) are filled on its
first row and may be left blank (or repeated unchanged) on its further rows; the plan's columns are the
same on every row. A file with any problem is refused whole, with the row and column of each problem.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import ImportRejected
from sendhub.strategy.models import Action, Plan, Priority, Step, Strategy
from sendhub.strategy.rules import by_when_date

PLAN_COLUMNS = ["strategy", "year", "plan_title"]
PRIORITY_COLUMNS = ["priority", "priority_title"]
ACTION_COLUMNS = ["number", "title", "owner", "partners", "outcome", "success_criteria", "expected_impact"]
STEP_COLUMNS = ["step", "step_by_when", "step_success_criteria"]
COLUMNS = PLAN_COLUMNS + PRIORITY_COLUMNS + ACTION_COLUMNS + STEP_COLUMNS
LIMITS = {
    "strategy": 200,
    "plan_title": 200,
    "priority_title": 300,
    "owner": 200,
    "partners": 500,
    "step_by_when": 40,
}
NUMBER = re.compile(r"^(\d+)\.(\d+)$")


@dataclass
class StepRow:
    text: str
    by_when: str
    success_criteria: str


@dataclass
class ActionRow:
    priority: int
    fields: dict[str, str]
    steps: list[StepRow] = field(default_factory=list)


@dataclass
class PlanFile:
    strategy: str
    year: int
    title: str
    priorities: dict[int, str]
    actions: list[ActionRow]


def read_rows(path: Path) -> list[dict[str, str]]:
    """The file's rows as dicts of text; the header row is row 1, as a spreadsheet shows it."""
    if path.suffix.lower() == ".xlsx":
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            values = list(csv.reader(handle))
    else:
        raise ImportRejected(
            "The plan must be a .csv or .xlsx file", [f"{path.name}: not a .csv or .xlsx file"]
        )
    if not values:
        raise ImportRejected("The file is empty", ["Row 1: the file has no header row"])
    header = [h.strip() for h in values[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportRejected(
            "The file is not a plan template", [f"Row 1: missing column(s) {', '.join(missing)}"]
        )
    rows = []
    for raw in values[1:]:
        cells = {
            name: (raw[i] if i < len(raw) else "").strip() for i, name in enumerate(header) if name in COLUMNS
        }
        rows.append(cells)
    return rows


def _where(row: int, column: str) -> str:
    return f"Row {row}, column {get_column_letter(COLUMNS.index(column) + 1)} ({column})"


def parse_plan(rows: list[dict[str, str]]) -> PlanFile:  # noqa: C901 (one check per template column, every problem reported together)
    """Check every row; raise ImportRejected listing every problem, or return the plan it describes."""
    errors: list[str] = []
    plan_values: dict[str, str] = {}
    priorities: dict[int, str] = {}
    actions: dict[str, ActionRow] = {}
    order: list[str] = []
    data_rows = [(n, r) for n, r in enumerate(rows, start=2) if any(r.values())]
    if not data_rows:
        raise ImportRejected("The file has no actions", ["Row 2: the file has no rows after the header"])
    for n, row in data_rows:
        for column, limit in LIMITS.items():
            if len(row[column]) > limit:
                errors.append(f"{_where(n, column)}: must be {limit} characters or fewer")
        for column in PLAN_COLUMNS:
            if not row[column]:
                errors.append(f"{_where(n, column)}: enter the {column.replace('_', ' ')}")
            elif plan_values.setdefault(column, row[column]) != row[column]:
                errors.append(f"{_where(n, column)}: every row must have the same {column.replace('_', ' ')}")
        if row["year"] and not (row["year"].isdigit() and 2000 <= int(row["year"]) <= 2100):
            errors.append(f"{_where(n, 'year')}: enter a year like 2024")
        if not row["priority"].isdigit() or int(row["priority"]) < 1:
            errors.append(f"{_where(n, 'priority')}: enter the priority's number, like 1")
            continue
        priority = int(row["priority"])
        if not row["priority_title"]:
            errors.append(f"{_where(n, 'priority_title')}: enter the priority's title")
        elif priorities.setdefault(priority, row["priority_title"]) != row["priority_title"]:
            errors.append(
                f"{_where(n, 'priority_title')}: priority {priority} has another title on an earlier row"
            )
        match = NUMBER.match(row["number"])
        if not match:
            errors.append(f"{_where(n, 'number')}: enter the action's number, like 1.1")
            continue
        if int(match.group(1)) != priority:
            errors.append(f"{_where(n, 'number')}: action {row['number']} is not under priority {priority}")
        number = row["number"]
        if number not in actions:
            if not row["title"]:
                errors.append(f"{_where(n, 'title')}: enter the action's title on its first row")
            actions[number] = ActionRow(priority, {c: row[c] for c in ACTION_COLUMNS})
            order.append(number)
        else:
            if order[-1] != number:
                errors.append(f"{_where(n, 'number')}: the rows of action {number} must be together")
            first = actions[number]
            for column in ACTION_COLUMNS[1:]:
                if row[column] and row[column] != first.fields[column]:
                    errors.append(
                        f"{_where(n, column)}: differs from action {number}'s first row; leave it blank"
                    )
        if row["step"] or row["step_by_when"] or row["step_success_criteria"]:
            if not row["step"]:
                errors.append(f"{_where(n, 'step')}: enter the step, or leave its by-when and criteria blank")
            actions[number].steps.append(
                StepRow(row["step"], row["step_by_when"], row["step_success_criteria"])
            )
    if errors:
        raise ImportRejected(f"The plan was not imported: {len(errors)} problem(s)", errors)
    return PlanFile(
        strategy=plan_values["strategy"],
        year=int(plan_values["year"]),
        title=plan_values["plan_title"],
        priorities=priorities,
        actions=[actions[n] for n in order],
    )


def action_by_when(steps: Iterable[StepRow | Step]) -> str:
    """The action's by-when: its latest dated step, else its first step's label ("Year 3")."""
    labels = [s.by_when for s in steps if s.by_when]
    dated = [label for label in labels if by_when_date(label)]
    if dated:
        return max(dated, key=lambda label: by_when_date(label))  # type: ignore[arg-type, return-value]
    return labels[0] if labels else ""


@transaction.atomic
def import_plan(*, rows: list[dict[str, str]], by: User | None) -> Plan:
    parsed = parse_plan(rows)
    strategy, _ = Strategy.objects.get_or_create(title=parsed.strategy)
    if Plan.objects.filter(strategy=strategy, year=parsed.year).exists():
        raise ImportRejected(
            "The plan was not imported",
            [f"Row 2, column B (year): {parsed.strategy} already has a {parsed.year} plan"],
        )
    errors = []
    priorities = {}
    for number, title in parsed.priorities.items():
        priority, _ = Priority.objects.get_or_create(
            strategy=strategy, number=number, defaults={"title": title}
        )
        if priority.title != title:
            errors.append(f"Priority {number}: the strategy already calls it '{priority.title}'")
        priorities[number] = priority
    if errors:
        raise ImportRejected("The plan was not imported", errors)
    plan = Plan(strategy=strategy, year=parsed.year, title=parsed.title)
    plan.full_clean()
    plan.save()
    for position, row in enumerate(parsed.actions, start=1):
        by_when = action_by_when(row.steps)
        action = Action(
            plan=plan,
            priority=priorities[row.priority],
            position=position,
            by_when=by_when,
            due=by_when_date(by_when),
            **row.fields,
        )
        action.full_clean()
        action.save()
        for n, step_row in enumerate(row.steps, start=1):
            step = Step(
                action=action,
                position=n,
                text=step_row.text,
                by_when=step_row.by_when,
                success_criteria=step_row.success_criteria,
            )
            step.full_clean()
            step.save()
    record_event(
        actor=by,
        action="strategy.plan.imported",
        target=plan,
        data={"year": plan.year, "actions": len(parsed.actions)},
    )
    return plan


def plan_rows(plan: Plan) -> list[list[str]]:
    """The plan in the template's shape, header first."""
    rows = [list(COLUMNS)]
    actions = plan.actions.select_related("priority").prefetch_related("steps").order_by("position")
    for action in actions:
        head = [
            plan.strategy.title,
            str(plan.year),
            plan.title,
            str(action.priority.number),
            action.priority.title,
        ]
        action_cells = [getattr(action, c) for c in ACTION_COLUMNS]
        steps: list[Step | None] = [*action.steps.all()] or [None]
        for n, step in enumerate(steps):
            cells = action_cells if n == 0 else [action.number] + [""] * (len(ACTION_COLUMNS) - 1)
            step_cells = [step.text, step.by_when, step.success_criteria] if step else ["", "", ""]
            rows.append(head + cells + step_cells)
    return rows


def export_plan(*, plan: Plan, out: Path) -> int:
    """Write the plan to `out` (.xlsx or .csv); returns the number of actions written."""
    rows = plan_rows(plan)
    if out.suffix.lower() == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        out.write_text(buffer.getvalue(), encoding="utf-8")
    else:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = f"Plan {plan.year}"
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        book.save(out)
    return plan.actions.count()
