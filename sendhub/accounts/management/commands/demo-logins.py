from typing import Any

from django.core.management.base import BaseCommand

from sendhub.accounts.demo import DEMO_PASSWORD, PEOPLE, demo_email


class Command(BaseCommand):
    help = "Print the demo accounts, one per role"

    def handle(self, *args: Any, **options: Any) -> None:
        seen: set[str] = set()
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD})")
        for local, _name, role, _team in PEOPLE:
            if role not in seen:
                seen.add(role)
                self.stdout.write(f"  {role.label:<28} {demo_email(local)}")
