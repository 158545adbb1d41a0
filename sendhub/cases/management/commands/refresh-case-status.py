"""`sendhub refresh-case-status`: recompute every open case's stage and next due date from the rules.

Services keep these current on every write; run this nightly so stages that change with time alone
(the end of a draft's 15-day comment period, a phase-transfer cohort starting in September) are
up to date too. Safe to re-run; `--dry-run` reports without writing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sendhub.cases import selectors
from sendhub.cases.services.status import current_status, refresh_status


class Command(BaseCommand):
    help = "Recompute each case's stage and next due date from the statutory rules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        today = timezone.localdate()
        qs = selectors.children_with_cases().order_by("pk")
        total, changed = qs.count(), 0
        for n, child in enumerate(qs.iterator(chunk_size=500), start=1):
            status = current_status(child, today)
            stage = status.stage.value if status and not status.stage.closed else ""
            due = status.next_due if status and not status.stage.closed else None
            if (stage, due) != (child.stage, child.next_due):
                changed += 1
                if not dry_run:
                    refresh_status(child, today)
            if n % 500 == 0 or n == total:
                self.stdout.write(f"{n}/{total} checked, {changed} changed")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(self.style.SUCCESS(f"Done: {changed} of {total} {verb}"))
