"""No role reaches a page its rules forbid, and every role reaches the pages its rules allow."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sendhub.core.roles import Role
from sendhub.core.tests.routes import all_routes, is_public, route_patterns

ROUTES = all_routes()
PATTERNS = route_patterns()
# Routes without URL arguments and with a declared permission: each can be requested as every role.
PLAIN_PRIVATE = sorted(
    name
    for name, cb in ROUTES.items()
    if not is_public(cb) and not PATTERNS[name].pattern.converters and hasattr(cb, "required_permission")
)


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
def test_each_role_gets_exactly_what_its_rules_allow(client, make_user, login, role: str) -> None:
    user = make_user(role)
    login(client, user)
    wrong = []
    for name in PLAIN_PRIVATE:
        allowed = user.has_perm(getattr(ROUTES[name], "required_permission"))  # noqa: B009
        status = client.get(reverse(name)).status_code
        if (allowed and status == 403) or (not allowed and status != 403):
            wrong.append(f"{name}: rules say {'allow' if allowed else 'forbid'}, got {status}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "name", "status"),
    [
        (Role.PARENT, "core:audit_log", 403),
        (Role.SENCO, "core:audit_log", 403),
        (Role.CASE_OFFICER, "accounts:user_list", 403),
        (Role.ADMIN, "core:audit_log", 200),
        (Role.ADMIN, "accounts:user_list", 200),
        (Role.PARENT, "schools:school_list", 403),
        (Role.CASE_OFFICER, "schools:school_list", 200),
        # Caseloads: team managers (their team's officers) and admins (everyone); not officers or others.
        (Role.TEAM_MANAGER, "cases:caseloads", 200),
        (Role.ADMIN, "cases:caseloads", 200),
        (Role.CASE_OFFICER, "cases:caseloads", 403),
        (Role.SENCO, "cases:caseloads", 403),
        (Role.PARENT, "cases:caseloads", 403),
    ],
)
def test_key_access_decisions(client, make_user, login, role: str, name: str, status: int) -> None:
    login(client, make_user(role))
    assert client.get(reverse(name)).status_code == status
