from __future__ import annotations

from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event


@transaction.atomic
def save_user(*, form_data: dict[str, Any], instance: User | None, by: User) -> User:
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
