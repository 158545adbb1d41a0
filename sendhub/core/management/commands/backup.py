"""`sendhub backup --out FILE`: the whole database to one file (pg_dump custom format, or SQLite's copy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from sendhub.core.backup import BackupError, backup, table_fingerprints


class Command(BaseCommand):
    help = "Back up the whole database to one file (restore it with `sendhub restore FILE`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, type=Path, metavar="FILE")

    def handle(self, *args: Any, out: Path, **options: Any) -> None:
        if out.exists() and out.is_dir():
            raise CommandError(f"{out} is a folder: name the backup file")
        try:
            backup(out)
        except BackupError as e:
            raise CommandError(str(e)) from e
        tables = table_fingerprints()
        rows = sum(count for count, _ in tables.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {connection.vendor} database to {out}: {len(tables)} tables, {rows} rows"
            )
        )
