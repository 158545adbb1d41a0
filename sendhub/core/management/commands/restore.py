"""`sendhub restore FILE`: replace the whole database with a backup made by `sendhub backup`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from sendhub.core.backup import BackupError, restore, table_fingerprints


class Command(BaseCommand):
    help = "Replace the whole database with a backup made by `sendhub backup` (stop the service first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask for confirmation"
        )

    def handle(self, *args: Any, file: Path, interactive: bool, **options: Any) -> None:
        if interactive:
            answer = input(
                f"This replaces everything in the {connection.vendor} database "
                f"{connection.settings_dict['NAME']} with {file}. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled: nothing was changed")
        try:
            restore(file)
        except BackupError as e:
            raise CommandError(f"{e}. Nothing was changed.") from e
        tables = table_fingerprints()
        rows = sum(count for count, _ in tables.values())
        self.stdout.write(self.style.SUCCESS(f"Restored {file}: {len(tables)} tables, {rows} rows"))
