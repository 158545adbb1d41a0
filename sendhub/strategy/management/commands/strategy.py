"""`sendhub strategy import-plan FILE` and `sendhub strategy export-plan --out FILE.xlsx [--year 2024]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendhub.core.exceptions import ImportRejected
from sendhub.strategy.selectors.plan import current_plan
from sendhub.strategy.services.plan_io import export_plan, import_plan, read_rows


class Command(BaseCommand):
    help = "The implementation plan template: import a year's plan from CSV/XLSX, or export one."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import-plan", help="Import a year's plan from a .csv or .xlsx template")
        imp.add_argument("file", type=Path)
        exp = sub.add_parser("export-plan", help="Export a year's plan as .xlsx (or .csv)")
        exp.add_argument("--out", type=Path, required=True)
        exp.add_argument("--year", type=int, help="The plan's year (default: the latest plan)")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "import-plan":
            path: Path = options["file"]
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            try:
                imported = import_plan(rows=read_rows(path), by=None)
            except ImportRejected as e:
                for line in e.errors:
                    self.stderr.write(line)
                raise CommandError(str(e)) from e
            self.stdout.write(
                self.style.SUCCESS(f"Imported {imported}: {imported.actions.count()} action(s)")
            )
            return
        plan = current_plan(options.get("year"))
        if plan is None:
            raise CommandError(
                "There is no plan for that year" if options.get("year") else "There is no plan yet"
            )
        out: Path = options["out"]
        if out.suffix.lower() not in (".xlsx", ".csv"):
            raise CommandError("--out must end in .xlsx or .csv")
        count = export_plan(plan=plan, out=out)
        self.stdout.write(self.style.SUCCESS(f"Exported {plan}: {count} action(s) to {out}"))
