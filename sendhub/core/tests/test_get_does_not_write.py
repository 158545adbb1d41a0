"""A GET never changes data (funding-service's test_restrict_mutate_state_on_only_get).

Opening a record may add an audit event (that is the point of auditing views); nothing else may change.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from sendhub.core.roles import Role
from sendhub.core.tests.routes import all_routes, is_public, route_patterns

ALLOWED_TO_GROW = {"core.auditevent", "sessions.session", "axes.accessattempt", "axes.accesslog"}
ROUTES = all_routes()
PATTERNS = route_patterns()
PLAIN = sorted(n for n in ROUTES if not PATTERNS[n].pattern.converters and n != "accounts:logout")


def table_counts() -> dict[str, int]:
    return {
        m._meta.label_lower: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.label_lower not in ALLOWED_TO_GROW
        and m._meta.managed
        and not m._meta.proxy
        and m._meta.app_label != "procrastinate"
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.CASE_OFFICER, Role.PARENT])
def test_get_requests_do_not_write(client, make_user, login, role):
    user = make_user(role)
    login(client, user)
    before = table_counts()
    for name in PLAIN:
        if is_public(ROUTES[name]) or user.has_perm(getattr(ROUTES[name], "required_permission", "")):
            client.get(reverse(name))
    after = table_counts()
    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert not changed, f"GET requests changed these tables: {changed}"
