from __future__ import annotations

from typing import Any

from django.db import transaction

from sendhub.accounts.models import Team, User
from sendhub.core.audit import record_event


@transaction.atomic
def save_user(*, form_data: dict[str, Any], instance: User | None, by: User | None) -> User:
    """Create or change an account; a new account gets an unusable password until reset by email."""
    creating = instance is None
    user = instance or User()
    schools = form_data.pop("schools", [])
    for field, value in form_data.items():
        setattr(user, field, value)
    if creating:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.schools.set(schools)
    record_event(
        actor=by,
        action="accounts.user.created" if creating else "accounts.user.changed",
        target=user,
        data={"role": user.role, "active": user.is_active, "schools": sorted(s.pk for s in schools)},
    )
    return user


@transaction.atomic
def save_team(*, name: str, instance: Team | None, by: User | None) -> Team:
    """Create a team or rename one (its members stay)."""
    team = instance or Team()
    old_name = team.name
    team.name = name
    team.full_clean()
    team.save()
    record_event(
        actor=by,
        action="accounts.team.created" if instance is None else "accounts.team.renamed",
        target=team,
        data={} if instance is None else {"renamed": old_name != name},
    )
    return team
