from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendhub.core.exceptions import ImportRejected
from sendhub.schools.services import ImportSummary, import_gias

# GIAS publishes its extracts in Windows-1252 ("edubasealldata…csv"); a file saved again may be UTF-8.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


class Command(BaseCommand):
    help = "Reference data for schools and settings"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        gias = sub.add_parser(
            "import-gias",
            help="Import a Get Information About Schools CSV extract (the whole of England, or --la)",
        )
        gias.add_argument("file", type=Path)
        gias.add_argument("--la", dest="la_code", help="Only import settings in this LA (3-digit code)")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            summary = self._import(path, options.get("la_code"))
        except ImportRejected as e:
            for problem in e.errors[:50]:
                self.stderr.write(problem)
            raise CommandError(str(e)) from e
        self.stdout.write(
            self.style.SUCCESS(
                f"Schools: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged"
            )
        )

    def _import(self, path: Path, la_code: str | None) -> ImportSummary:
        """Read as UTF-8 first, then as GIAS's own Windows-1252: nothing is written until the whole file
        has been read, so a decoding error part-way simply starts again with the next encoding."""
        for encoding in ENCODINGS[:-1]:
            try:
                with path.open(encoding=encoding, newline="") as f:
                    return import_gias(lines=f, la_code=la_code)
            except UnicodeDecodeError:
                continue
        with path.open(encoding=ENCODINGS[-1], newline="") as f:
            return import_gias(lines=f, la_code=la_code)
