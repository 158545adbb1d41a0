"""`sendhub voice escalate [--dry-run]` and `sendhub voice remind [--dry-run]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from sendhub.voice.services.contacts import escalate_overdue_contacts
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

    def handle(self, *args: Any, action: str, dry_run: bool = False, **options: Any) -> None:
        if action == "escalate":
            overdue = escalate_overdue_contacts(today=timezone.localdate(), dry_run=dry_run)
            for contact in overdue:
                self.stdout.write(f"{contact.reference} due {contact.reply_due:%d %b %Y}")
            verb = "would be escalated" if dry_run else "escalated"
            self.stdout.write(self.style.SUCCESS(f"Done: {len(overdue)} overdue contact(s) {verb}"))
        else:
            bookings = send_surgery_reminders(dry_run=dry_run)
            verb = "would be sent" if dry_run else "sent"
            self.stdout.write(self.style.SUCCESS(f"Done: {len(bookings)} reminder(s) {verb}"))
