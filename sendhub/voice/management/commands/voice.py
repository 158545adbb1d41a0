"""`sendhub voice escalate|remind|survey [--dry-run]`: overdue contacts, surgery reminders, key-point surveys."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendhub.lib.dates import short_date
from sendhub.voice.services.contacts import escalate_overdue_contacts
from sendhub.voice.services.key_points import invite_at_key_points
from sendhub.voice.services.surgeries import send_surgery_reminders


class Command(BaseCommand):
    help = "Family voice jobs: escalate overdue Duty Line contacts; send SEN surgery reminders."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        escalate = sub.add_parser(
            "escalate", help="Mark contacts past their reply-due day and email managers"
        )
        escalate.add_argument("--dry-run", action="store_true", help="List them without marking or emailing")
        remind = sub.add_parser("remind", help="Email families whose surgery is within the next day")
        remind.add_argument("--dry-run", action="store_true", help="List them without emailing")
        survey = sub.add_parser(
            "survey", help="Send the feedback survey for plans issued and reviews finished"
        )
        survey.add_argument(
            "--since", type=date.fromisoformat, help="From this date, YYYY-MM-DD (default: 7 days ago)"
        )
        survey.add_argument("--dry-run", action="store_true", help="List them without emailing")

    def handle(self, *args: Any, action: str, dry_run: bool = False, **options: Any) -> None:
        if action == "survey":
            today = timezone.localdate()
            since = options.get("since") or today - timedelta(days=7)
            if since > today:
                raise CommandError("--since must not be in the future")
            due = invite_at_key_points(since=since, today=today, dry_run=dry_run)
            for point in due:
                self.stdout.write(f"{point.trigger} child {point.child.pk} on {short_date(point.on)}")
            verb = "would be sent" if dry_run else "sent"
            self.stdout.write(self.style.SUCCESS(f"Done: {len(due)} survey invitation(s) {verb}"))
            return
        if action == "escalate":
            overdue = escalate_overdue_contacts(today=timezone.localdate(), dry_run=dry_run)
            for contact in overdue:
                self.stdout.write(f"{contact.reference} due {short_date(contact.reply_due)}")
            verb = "would be escalated" if dry_run else "escalated"
            self.stdout.write(self.style.SUCCESS(f"Done: {len(overdue)} overdue contact(s) {verb}"))
        else:
            bookings = send_surgery_reminders(dry_run=dry_run)
            verb = "would be sent" if dry_run else "sent"
            self.stdout.write(self.style.SUCCESS(f"Done: {len(bookings)} reminder(s) {verb}"))
