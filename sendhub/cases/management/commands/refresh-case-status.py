"""`sendhub refresh-case-status`: recompute every open case's stage and next due date from the rules.

Services keep these current on every write; the worker runs the same refresh nightly
(`cases.refresh_statuses` in `sendhub/cases/tasks.py`) so stages that change with time alone
(the end of a draft's 15-day comment period, a phase-transfer cohort starting in September) are
up to date too. Safe to re-run; `--dry-run` reports without writing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sendhub.cases.services.status import refresh_all_statuses


class Command(BaseCommand):
    help = "Recompute each case's stage and next due date from the statutory rules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        def progress(n: int, total: int, changed: int) -> None:
            self.stdout.write(f"{n}/{total} checked, {changed} changed")

        total, changed = refresh_all_statuses(timezone.localdate(), dry_run=dry_run, progress=progress)
        verb = "would change" if dry_run else "changed"
        self.stdout.write(self.style.SUCCESS(f"Done: {changed} of {total} {verb}"))
