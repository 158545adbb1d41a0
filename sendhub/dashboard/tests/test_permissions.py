"""Who may see the dashboard and who may drill down to cases."""

import pytest

from sendhub.accounts.models import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "dashboard", "drill_down"),
    [
        (Role.CASE_OFFICER, True, True),
        (Role.TEAM_MANAGER, True, True),
        (Role.ADMIN, True, True),
        (Role.ANALYST, True, False),  # aggregates only
        (Role.EP, True, False),
        (Role.HEALTH, True, False),
        (Role.SOCIAL_CARE, True, False),
        (Role.SENCO, False, False),
        (Role.PROVIDER, False, False),
        (Role.PARENT, False, False),
    ],
)
def test_dashboard_permissions(make_user, role, dashboard, drill_down):
    user = make_user(role)
    assert user.has_perm("dashboard.view_dashboard") is dashboard
    assert user.has_perm("dashboard.view_kpi_cases") is drill_down
