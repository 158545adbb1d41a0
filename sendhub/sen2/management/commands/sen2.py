"""`sendhub sen2 export|validate|import`: the SEN2 return from the command line (docs/domains/sen2.md)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendhub.core.exceptions import ImportRejected
from sendhub.sen2 import schema, services, validation


class Command(BaseCommand):
    help = "The SEN2 statutory return: export it from casework, validate a file, import a previous return."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Write the return for a collection year from casework data.")
        export.add_argument("--year", type=int, required=True, help="Collection year, e.g. 2026")
        export.add_argument("--out", required=True, help="File to write, e.g. sen2_2026.xml")
        export.add_argument("--no-validate", action="store_true", help="Skip checking the file after writing")
        check = sub.add_parser("validate", help="Check a file against its year's schema and the DfE rules.")
        check.add_argument("file")
        check.add_argument("--year", type=int, help="The year the file must be for (default: its header's)")
        load = sub.add_parser("import", help="Load a previous return into casework (all or nothing).")
        load.add_argument("file")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "export":
            self._export(options["year"], options["out"], validate=not options["no_validate"])
        elif action == "validate":
            self._validate(options["file"], options.get("year"))
        else:
            self._import(options["file"])

    def _export(self, year: int, out: str, *, validate: bool) -> None:
        if year not in schema.SUPPORTED_EXPORT_YEARS:
            years = ", ".join(map(str, schema.SUPPORTED_EXPORT_YEARS))
            raise CommandError(f"SEN2 {year} cannot be exported: choose one of {years}")
        target = Path(out)
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist")
        # Write to a temporary file and rename, so a failed export never leaves half a file behind.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".sen2-", suffix=".xml")
        os.close(fd)
        report = None
        try:
            if validate:  # checked as it is written: the same report as validating the file afterwards
                count, report = services.export_and_check(year=year, out=tmp, now=services.now_for_header())
            else:
                count = services.export_return(year=year, out=tmp, now=services.now_for_header())
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        self.stdout.write(f"Wrote {count} persons to {target}")
        if report is not None:
            self._show(report)

    def _validate(self, path: str, year: int | None) -> None:
        if not Path(path).is_file():
            raise CommandError(f"No such file: {path}")
        self._show(validation.validate_file(path, year=year, la_code=settings.SENDHUB_LA_CODE))

    def _show(self, report: validation.Report) -> None:
        if report.year and (note := schema.provisional_note(report.year)):
            self.stdout.write(note)
        for line in services.iter_report_lines(report):
            self.stdout.write(line)
        summary = f"{report.persons} persons, {report.requests} requests, {report.error_count} errors"
        if not report.ok:
            raise CommandError(
                f"The SEN2 {report.year or ''} file is not valid: {summary}".replace("  ", " ")
            )
        self.stdout.write(self.style.SUCCESS(f"Valid SEN2 {report.year} return: {summary}"))

    def _import(self, path: str) -> None:
        if not Path(path).is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = services.import_return(path=path)
        except ImportRejected as e:
            for line in e.errors:
                self.stderr.write(line)
            raise CommandError(str(e)) from None
        for note in result.notes:
            self.stdout.write(f"To check: {note}")
        if not result.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Nothing changed: the {result.persons} persons were already loaded")
            )
            return
        parts = [f"{n} {what}" for what, n in sorted(result.created.items())]
        updated = [f"{n} {what}" for what, n in sorted(result.updated.items())]
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.persons} persons. Created: {', '.join(parts) or 'nothing'}. "
                f"Updated: {', '.join(updated) or 'nothing'}."
            )
        )
