from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendhub.core.exceptions import ImportRejected
from sendhub.schools.services import import_gias


class Command(BaseCommand):
    help = "Reference data for schools and settings"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        gias = sub.add_parser("import-gias", help="Import a Get Information About Schools CSV extract")
        gias.add_argument("file", type=Path)
        gias.add_argument("--la", dest="la_code", help="Only import settings in this LA (3-digit code)")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
                summary = import_gias(lines=f, la_code=options.get("la_code"))
        except ImportRejected as e:
            for problem in e.errors[:50]:
                self.stderr.write(problem)
            raise CommandError(str(e)) from e
        self.stdout.write(
            self.style.SUCCESS(
                f"Schools: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged"
            )
        )
