"""`sendhub privacy export|retention`: subject-access exports and the retention schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendhub.cases.models import Child, ParentCarer
from sendhub.core.params import parse_int
from sendhub.privacy.selectors import due_for_erasure, holding_for, holding_for_parent
from sendhub.privacy.services import apply_retention, retention_periods, write_export


class Command(BaseCommand):
    help = "Privacy: export everything held about a child or a parent; list or erase records past retention."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser(
            "export", help="Write a subject-access ZIP (HTML and PDF summary, JSON, audit)"
        )
        who = export.add_mutually_exclusive_group(required=True)
        who.add_argument("--child", metavar="REF", help="The child's case reference")
        who.add_argument(
            "--parent", metavar="ID", help="The parent or carer's record id (from the child page)"
        )
        export.add_argument("--out", required=True, type=Path, metavar="FILE.zip")
        retention = sub.add_parser("retention", help="List (--dry-run) or erase records past their retention")
        retention.add_argument("--dry-run", action="store_true", help="List what is due; change nothing")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "export":
            self.export(options)
        else:
            self.retention(dry_run=options["dry_run"])

    def export(self, options: dict[str, Any]) -> None:
        out: Path = options["out"]
        if out.suffix.lower() != ".zip":
            raise CommandError("--out must name a .zip file")
        if options["child"]:
            child = Child.objects.filter(reference=options["child"].strip()).first()
            if child is None:
                raise CommandError(f"No child with the case reference {options['child']!r}")
            holding, subject = holding_for(child), f"child {child.reference}"
        else:
            pk = parse_int(options["parent"], minimum=1)
            parent = ParentCarer.objects.filter(pk=pk).first() if pk is not None else None
            if parent is None:
                raise CommandError(f"No parent or carer with the id {options['parent']!r}")
            holding, subject = holding_for_parent(parent), f"parent or carer {parent.pk}"
        counts = write_export(holding, out, subject=subject)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {out}: {counts['records']} record(s), {counts['audit_events']} audit event(s), "
                f"{counts['documents']} document(s)"
            )
        )

    def retention(self, *, dry_run: bool) -> None:
        today = timezone.localdate()
        if dry_run:
            due = due_for_erasure(today, retention_periods())
            for item in due:
                self.stdout.write(
                    f"{item.record_type}\t{item.record._meta.label_lower} {item.record.pk}\t"
                    f"kept until {item.keep_until:%Y-%m-%d}"
                )
            self.stdout.write(
                f"{len(due)} record(s) due for erasure on {today:%Y-%m-%d} (dry run: nothing changed)"
            )
            return
        done = apply_retention(today)
        self.stdout.write(self.style.SUCCESS(f"Erased {len(done)} record(s) past their retention period"))
