"""Role predicates for the `rules` library, shared by every app's permissions.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules
from django.contrib.auth.models import AnonymousUser

from sendhub.core.roles import COUNCIL_STAFF_ROLES, Role

if TYPE_CHECKING:
    from sendhub.accounts.models import User


def _has_role(*roles: str) -> Any:
    @rules.predicate
    def predicate(user: User | AnonymousUser) -> bool:
        if isinstance(user, AnonymousUser) or not getattr(user, "is_authenticated", False):
            return False
        return user.is_active and user.role in roles

    return predicate


is_signed_in = rules.is_authenticated & rules.is_active
is_case_officer = _has_role(Role.CASE_OFFICER)
is_team_manager = _has_role(Role.TEAM_MANAGER)
is_ep = _has_role(Role.EP)
is_health = _has_role(Role.HEALTH)
is_social_care = _has_role(Role.SOCIAL_CARE)
is_senco = _has_role(Role.SENCO)
is_provider = _has_role(Role.PROVIDER)
# A young person (CFA 2014 s.83(2)) holds the rights a parent holds for a child: they see what a parent would.
is_parent = _has_role(Role.PARENT, Role.YOUNG_PERSON)
is_analyst = _has_role(Role.ANALYST)
is_admin = _has_role(Role.ADMIN)
is_moderator = _has_role(Role.MODERATOR)
is_finance = _has_role(Role.FINANCE)
is_partner = _has_role(Role.PARTNER)
is_casework_staff = _has_role(Role.CASE_OFFICER, Role.TEAM_MANAGER)
is_advice_giver = _has_role(Role.EP, Role.HEALTH, Role.SOCIAL_CARE)
is_staff_member = _has_role(*COUNCIL_STAFF_ROLES)
