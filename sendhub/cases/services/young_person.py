"""A young person's own account (CFA 2014 s.83(2)): staff invite them as the account for their record."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from sendhub.accounts import onboarding
from sendhub.accounts.models import Role, User
from sendhub.accounts.services import save_user
from sendhub.cases.models import Child
from sendhub.cases.rules.young_person import young_person_check
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError


@transaction.atomic
def invite_young_person(*, child: Child, email: str, full_name: str, by: User | None, today: date) -> User:
    """Make the young person's account, link it to their record and email the invitation, or refuse."""
    check = young_person_check(child.birth_date, today)
    if not check.allowed:
        raise SendHubError(f"{child.full_name} cannot have their own account yet. {check.reason}.")
    child = Child.objects.select_for_update().get(pk=child.pk)
    if child.account_id is not None:
        raise SendHubError(f"{child.full_name}'s record already has its own account")
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise SendHubError("An account with this email address already exists", field="email")
    user = save_user(
        form_data={"email": email, "full_name": full_name.strip(), "role": Role.YOUNG_PERSON, "phone": ""},
        instance=None,
        by=by,
    )
    child.account = user
    child.save(update_fields=["account"])
    record_event(actor=by, action="cases.young_person.account_linked", target=child, data={"user": user.pk})
    onboarding.send_invitation(user=user, by=by)
    return user
