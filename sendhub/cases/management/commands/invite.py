"""`sendhub invite EMAIL --role ROLE [--name NAME] [--team TEAM] [--school URN ...] [--child REF] [--resend]`.

In cases (not accounts) because a young person's account is made for their record: `--role young_person
--child REFERENCE` links the account to that child, refused unless they are a young person (CFA 2014 s.83(2)).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendhub.accounts import onboarding
from sendhub.accounts.forms import InviteForm
from sendhub.accounts.models import Role, Team, User
from sendhub.cases.models import Child
from sendhub.cases.services.young_person import invite_young_person
from sendhub.core.exceptions import SendHubError
from sendhub.schools.models import School


class Command(BaseCommand):
    help = "Make an account and email its invitation (a link to set a password), for scripts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument(
            "--role", choices=Role.values, help="The account's role (required for a new account)"
        )
        parser.add_argument("--name", default="", help="Full name (default: the part of the email before @)")
        parser.add_argument("--team", help="The name of an existing team")
        parser.add_argument(
            "--school", action="append", type=int, default=[], help="A SENCO's school URN (repeat for more)"
        )
        parser.add_argument(
            "--child", help="A young person's own record (its case reference); with --role young_person"
        )
        parser.add_argument(
            "--resend", action="store_true", help="The account exists: send its invitation again"
        )

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        email = email.strip().lower()
        existing = User.objects.filter(email__iexact=email).first()
        if existing is not None:
            if not options["resend"]:
                raise CommandError(f"An account with {email} already exists (add --resend to invite again)")
            if not existing.is_active:
                raise CommandError(f"The account {email} is switched off: switch it on first")
            onboarding.send_invitation(user=existing, by=None)
            self.stdout.write(self.style.SUCCESS(f"Invitation sent again to {email}"))
            return
        if not options["role"]:
            raise CommandError("--role is required for a new account")
        if options["role"] == Role.YOUNG_PERSON or options["child"]:
            self._young_person(email, **options)
            return
        team = None
        if options["team"]:
            team = Team.objects.filter(name__iexact=options["team"]).first()
            if team is None:
                names = ", ".join(Team.objects.order_by("name").values_list("name", flat=True)) or "none yet"
                raise CommandError(f"No team called {options['team']!r} (teams: {names})")
        schools = list(School.objects.filter(urn__in=options["school"]))
        missing = set(options["school"]) - {s.urn for s in schools}
        if missing:
            raise CommandError(f"No school with URN {', '.join(str(u) for u in sorted(missing))}")
        form = InviteForm(
            data={
                "email": email,
                "full_name": options["name"] or email.split("@")[0],
                "role": options["role"],
                "team": team.pk if team else "",
                "schools": "\n".join(str(s.urn) for s in schools),
                "phone": "",
            }
        )
        if not form.is_valid():
            errors = "; ".join(
                f"{field}: {' '.join(str(m) for m in msgs)}" for field, msgs in form.errors.items()
            )
            raise CommandError(errors.replace("schools: ", "--school: "))
        try:
            user = onboarding.invite_user(form_data=dict(form.cleaned_data), by=None)
        except ValidationError as e:
            raise CommandError("; ".join(e.messages)) from e
        self.stdout.write(
            self.style.SUCCESS(f"Account made for {user.email} ({user.get_role_display()}); invitation sent")
        )

    def _young_person(self, email: str, **options: Any) -> None:
        if options["role"] != Role.YOUNG_PERSON:
            raise CommandError("--child is for a young person's account: add --role young_person")
        if not options["child"]:
            raise CommandError(
                "--child REFERENCE is required: a young person's account is for their own record"
            )
        child = Child.objects.filter(reference__iexact=options["child"].strip()).first()
        if child is None:
            raise CommandError(f"No child with the reference {options['child']!r}")
        try:
            user = invite_young_person(
                child=child,
                email=email,
                full_name=options["name"] or child.full_name,
                by=None,
                today=timezone.localdate(),
            )
        except (SendHubError, ValidationError) as e:
            raise CommandError(str(e) if isinstance(e, SendHubError) else "; ".join(e.messages)) from e
        self.stdout.write(
            self.style.SUCCESS(
                f"Account made for {user.email} (young person, {child.reference}); invitation sent"
            )
        )
