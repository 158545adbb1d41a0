"""Demo accounts: one per role (plus more case officers and SENCOs), all with the same demo password."""

from __future__ import annotations

from typing import Any

from sendhub.accounts.models import Role, Team, User
from sendhub.schools.models import School

DEMO_PASSWORD = "demo-SENDHub-2026"  # noqa: S105  (published demo password; only used by `make demo`)
DEMO_DOMAIN = "demo.sendhub.test"

TEAMS = ["Early years (0 to 5)", "Primary", "Secondary", "Post-16 and preparing for adulthood"]

# (email local part, full name, role, team index or None)
PEOPLE = [
    ("officer", "Olivia Okafor", Role.CASE_OFFICER, 1),
    ("manager", "Marcus Mensah", Role.TEAM_MANAGER, 1),
    ("ep", "Dr Priya Raman", Role.EP, None),
    ("health", "Hannah Brooks", Role.HEALTH, None),
    ("socialcare", "Samuel Adeyemi", Role.SOCIAL_CARE, None),
    ("senco", "Sophie Lindqvist", Role.SENCO, None),
    ("provider", "Pat Kowalski", Role.PROVIDER, None),
    ("parent", "Paula Fernandes", Role.PARENT, None),
    ("analyst", "Ade Bankole", Role.ANALYST, None),
    ("admin", "Alex Morgan", Role.ADMIN, None),
    ("moderator", "Mina Hosseini", Role.MODERATOR, None),
    ("finance", "Femi Adebayo", Role.FINANCE, None),
    ("partner", "Rosa Delgado", Role.PARTNER, None),
    ("youngperson", "Jordan Ellis", Role.YOUNG_PERSON, None),
    ("officer2", "Tomasz Nowak", Role.CASE_OFFICER, 0),
    ("officer3", "Grace Osei", Role.CASE_OFFICER, 1),
    ("officer4", "Daniel Haddad", Role.CASE_OFFICER, 2),
    ("officer5", "Leah Goldberg", Role.CASE_OFFICER, 2),
    ("officer6", "Yusuf Rahman", Role.CASE_OFFICER, 3),
    ("officer7", "Chloe Martin", Role.CASE_OFFICER, 3),
    ("manager2", "Imogen Clarke", Role.TEAM_MANAGER, 2),
    ("manager3", "Kwame Boateng", Role.TEAM_MANAGER, 3),
    ("manager4", "Nadia Petrova", Role.TEAM_MANAGER, 0),
    ("senco2", "Rhys Evans", Role.SENCO, None),
    ("senco3", "Amara Nwosu", Role.SENCO, None),
]


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def load(*, seed: int, scale: float, stdout: Any) -> None:
    teams = [Team.objects.get_or_create(name=name)[0] for name in TEAMS]
    schools = list(School.objects.order_by("urn"))
    created = 0
    for index, (local, name, role, team) in enumerate(PEOPLE):
        user, was_created = User.objects.get_or_create(
            email=demo_email(local),
            defaults={
                "full_name": name,
                "role": role,
                "team": teams[team] if team is not None else None,
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        if was_created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            created += 1
        if role == Role.SENCO and schools and not user.schools.exists():
            user.schools.set(schools[index % len(schools) :: 20][:3])
    stdout.write(f"Accounts: {created} created, {len(PEOPLE) - created} already there")
