"""`sendhub localoffer import-oruk URL_OR_FILE`, `sendhub localoffer remind`, `sendhub localoffer reindex`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendhub.localoffer import services
from sendhub.localoffer.importer import import_feed
from sendhub.localoffer.indexing import reindex_services
from sendhub.localoffer.models import Service
from sendhub.localoffer.oruk.client import read_source
from sendhub.localoffer.oruk.feed import FeedError, parse_records


class Command(BaseCommand):
    help = "Local Offer tasks: import an Open Referral UK feed, remind providers, rebuild the search index."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser(
            "import-oruk", help="Import services from an ORUK 3.0 file, JSON URL or API base URL"
        )
        imp.add_argument("source", help="a file path, a URL of a JSON document, or an ORUK API base URL")
        imp.add_argument("--dry-run", action="store_true", help="check and report, but save nothing")
        imp.add_argument("--strict", action="store_true", help="load nothing if any record is invalid")
        sub.add_parser("remind", help="Email providers whose services have not been reviewed for 12 months")
        sub.add_parser("reindex", help="Rebuild the search index of every service")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "import-oruk":
            self.import_oruk(options["source"], dry_run=options["dry_run"], strict=options["strict"])
        elif action == "remind":
            sent = services.send_review_reminders(today=timezone.localdate())
            self.stdout.write(self.style.SUCCESS(f"Done: {sent} reminder email(s) sent"))
        else:
            qs = Service.objects.select_related("organisation").prefetch_related("terms").order_by("pk")
            total = 0
            for start in range(0, qs.count(), 500):
                total += reindex_services(qs[start : start + 500])
            self.stdout.write(self.style.SUCCESS(f"Done: {qs.count()} services, {total} index entries"))

    def import_oruk(self, source: str, *, dry_run: bool, strict: bool) -> None:
        try:
            feed = parse_records(read_source(source))
        except FeedError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(
            f"Read {feed.total} record(s): {len(feed.services)} valid, {len(feed.problems)} invalid"
        )
        for problem in feed.problems:
            self.stdout.write(f"  rejected {problem}")
        if strict and feed.problems:
            raise CommandError(
                f"Nothing imported: {len(feed.problems)} invalid record(s) and --strict was given"
            )
        summary = import_feed(feed=feed, today=timezone.localdate(), dry_run=dry_run)
        for problem in summary.problems[len(feed.problems) :]:
            self.stdout.write(f"  rejected {problem}")
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: {summary.created} new, {summary.updated} updated, {len(summary.problems)} rejected"
            )
        )
