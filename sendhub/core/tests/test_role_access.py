"""Every role reaches exactly the pages this written-out table says, checked by requesting each page.

The table is data, not the rules: a wrong rule (or a wrong `required_permission` on a view) makes a role
get a page the table says it must not, or be refused one it must get, and the test fails. A new route
without URL arguments needs a row here; the failure message gives the row as the rules have it today, to
be checked against who should really see the page before it is pasted in.
"""

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

# Who gets each page (any answer but 403); everyone else must get 403.
CASEWORK = frozenset({Role.CASE_OFFICER, Role.TEAM_MANAGER, Role.ADMIN})
COUNCIL_STAFF = frozenset(
    {
        Role.CASE_OFFICER,
        Role.TEAM_MANAGER,
        Role.EP,
        Role.HEALTH,
        Role.SOCIAL_CARE,
        Role.ANALYST,
        Role.ADMIN,
        Role.MODERATOR,
        Role.FINANCE,
    }
)
MANAGERS = frozenset({Role.TEAM_MANAGER, Role.ADMIN})
SIGNED_IN = frozenset(
    {
        Role.CASE_OFFICER,
        Role.TEAM_MANAGER,
        Role.EP,
        Role.HEALTH,
        Role.SOCIAL_CARE,
        Role.SENCO,
        Role.PROVIDER,
        Role.PARENT,
        Role.ANALYST,
        Role.ADMIN,
        Role.MODERATOR,
        Role.FINANCE,
        Role.PARTNER,
        Role.YOUNG_PERSON,
    }
)
ADMIN_ONLY = frozenset({Role.ADMIN})

EXPECTED_ROLES: dict[str, frozenset[Role] | set[Role]] = {
    "accounts:logout": SIGNED_IN,
    "cases:advice_inbox": {Role.EP, Role.HEALTH, Role.SOCIAL_CARE},
    "cases:letter_batch_new": {Role.ADMIN, Role.TEAM_MANAGER},
    "cases:print_queue": {Role.ADMIN, Role.CASE_OFFICER, Role.TEAM_MANAGER},
    "cases:print_queue_pdf": {Role.ADMIN, Role.CASE_OFFICER, Role.TEAM_MANAGER},
    "cases:school_requests": {Role.SENCO},
    "funding:banding": {Role.ADMIN, Role.FINANCE, Role.TEAM_MANAGER},
    "funding:capital": {Role.ADMIN, Role.FINANCE, Role.TEAM_MANAGER},
    "funding:adjustment_create": {Role.FINANCE},
    "funding:band_create": {Role.FINANCE},  # the edit pages are the finance officer's own (issue 18)
    "funding:capital_create": {Role.FINANCE},
    "funding:cluster_create": {Role.FINANCE},
    "funding:commitment_create": {Role.FINANCE},
    "funding:maintain": {Role.FINANCE},
    "funding:provision_create": {Role.FINANCE},
    "funding:referral_create": {Role.ADMIN, Role.TEAM_MANAGER},
    "funding:year_edit": {Role.FINANCE},
    "funding:cluster_list": {Role.ADMIN, Role.CASE_OFFICER, Role.FINANCE, Role.SENCO, Role.TEAM_MANAGER},
    "funding:package_create": {Role.ADMIN, Role.CASE_OFFICER, Role.FINANCE, Role.TEAM_MANAGER},
    "funding:package_list": {Role.ADMIN, Role.CASE_OFFICER, Role.FINANCE, Role.TEAM_MANAGER},
    "funding:panel_create": {Role.ADMIN, Role.TEAM_MANAGER},  # the admissions panel decides children's places
    "funding:places": {Role.ADMIN, Role.CASE_OFFICER, Role.FINANCE, Role.TEAM_MANAGER},
    "funding:position": {Role.ADMIN, Role.FINANCE, Role.TEAM_MANAGER},
    "funding:scenario_create": {Role.ADMIN, Role.FINANCE},
    "funding:scenarios": {Role.ADMIN, Role.FINANCE, Role.TEAM_MANAGER},
    # The family pages: a family account (a parent or carer, or a young person, CFA s.83(2)); the family tasks: council casework staff (docs/domains/portal.md).
    "portal:home": {Role.PARENT, Role.YOUNG_PERSON},
    "portal:tasks": {Role.ADMIN, Role.CASE_OFFICER, Role.TEAM_MANAGER},
    "funding:sufficiency": {Role.ADMIN, Role.CASE_OFFICER, Role.FINANCE, Role.TEAM_MANAGER},
    "accounts:otp_setup": SIGNED_IN,
    "accounts:otp_verify": SIGNED_IN,
    "accounts:password_change": SIGNED_IN,
    "accounts:profile": SIGNED_IN,
    "accounts:team_list": ADMIN_ONLY,
    "accounts:user_create": ADMIN_ONLY,
    "accounts:user_list": ADMIN_ONLY,
    "cases:appeal_list": CASEWORK,
    "cases:caseloads": MANAGERS,
    "cases:child_list": {
        Role.CASE_OFFICER,
        Role.TEAM_MANAGER,
        Role.EP,
        Role.HEALTH,
        Role.SOCIAL_CARE,
        Role.SENCO,
        Role.PARENT,
        Role.YOUNG_PERSON,  # their own record (CFA 2014 s.83(2)), where a parent would see it
        Role.ADMIN,
    },
    "cases:letter_template_list": MANAGERS,
    "cases:panel_agenda": CASEWORK,
    "cases:phase_transfers": CASEWORK,
    "cases:qa_overview": MANAGERS,
    "cases:request_new": CASEWORK | {Role.SENCO},  # a SENCO asks for their own schools' pupils (issue 23)
    "cases:transfer_list": CASEWORK,
    "cases:worklist": CASEWORK,
    "core:audit_log": ADMIN_ONLY,
    "core:audit_log_csv": ADMIN_ONLY,
    "core:home": SIGNED_IN,
    "dashboard:benchmark": COUNCIL_STAFF,
    "dashboard:board": COUNCIL_STAFF,
    "dashboard:board_download": COUNCIL_STAFF,
    "dashboard:disproportionality": COUNCIL_STAFF,
    "dashboard:forecast": COUNCIL_STAFF,
    "dashboard:index": COUNCIL_STAFF,
    "dashboard:kpi_cases": CASEWORK,
    "dashboard:kpis": COUNCIL_STAFF,
    "localoffer:bulk_approve": {Role.ADMIN, Role.MODERATOR},
    "localoffer:content_pages": {Role.ADMIN, Role.MODERATOR},
    "localoffer:moderation_queue": {Role.ADMIN, Role.MODERATOR},
    "localoffer:problem_reports": {Role.ADMIN, Role.MODERATOR},
    "localoffer:provider_services": {Role.PROVIDER},
    "localoffer:reviews_due": {Role.ADMIN, Role.MODERATOR},
    "schools:school_list": {
        Role.CASE_OFFICER,
        Role.TEAM_MANAGER,
        Role.EP,
        Role.HEALTH,
        Role.SOCIAL_CARE,
        Role.SENCO,
        Role.ANALYST,
        Role.ADMIN,
        Role.MODERATOR,
        Role.FINANCE,
    },
    "sen2:check": MANAGERS,
    "sen2:check_current": MANAGERS,
    "sen2:check_file": MANAGERS,
    "sen2:download": MANAGERS,
    "strategy:action_list": COUNCIL_STAFF,
    "strategy:adulthood": COUNCIL_STAFF,
    "strategy:annual_report": COUNCIL_STAFF,
    "strategy:local_offer_visits": COUNCIL_STAFF,
    "strategy:internship_create": CASEWORK,
    "strategy:meeting_create": MANAGERS,
    "strategy:meeting_list": COUNCIL_STAFF,
    "strategy:qa_meeting_list": COUNCIL_STAFF,
    "strategy:partner_measure_list": {
        Role.CASE_OFFICER,
        Role.TEAM_MANAGER,
        Role.EP,
        Role.HEALTH,
        Role.SOCIAL_CARE,
        Role.ANALYST,
        Role.ADMIN,
        Role.MODERATOR,
        Role.FINANCE,
        Role.PARTNER,
    },
    "strategy:pfa_review_create": CASEWORK,
    "strategy:sef": COUNCIL_STAFF,
    "strategy:value_upload": {Role.HEALTH, Role.SOCIAL_CARE, Role.ADMIN, Role.PARTNER},
    "voice:complaint_list": CASEWORK,
    "voice:compliment_create": CASEWORK,
    "voice:compliment_list": CASEWORK,
    "voice:contact_create": CASEWORK,
    "voice:contact_find": CASEWORK,
    "voice:contact_list": CASEWORK,
    "voice:outbox_list": CASEWORK,
    "voice:own_contact_list": {Role.PARENT, Role.YOUNG_PERSON},
    "voice:reports": {Role.CASE_OFFICER, Role.TEAM_MANAGER, Role.ANALYST, Role.ADMIN},
    "voice:surgery_create": CASEWORK,
    "voice:surgery_list": CASEWORK,
    "voice:survey_create": CASEWORK,
    "voice:survey_list": {Role.CASE_OFFICER, Role.TEAM_MANAGER, Role.ANALYST, Role.ADMIN},
    "voice:yswd_create": CASEWORK,
    "voice:yswd_list": CASEWORK,
}


def _row_as_the_rules_have_it(name: str, users: dict[str, object]) -> str:
    allowed = sorted(
        role
        for role, user in users.items()
        if user.has_perm(getattr(ROUTES[name], "required_permission"))  # type: ignore[attr-defined]  # noqa: B009
    )
    return f'    "{name}": {{{", ".join("Role." + Role(r).name for r in allowed)}}},'


@pytest.mark.django_db
def test_the_table_has_a_row_for_every_plain_private_route(make_user) -> None:
    missing = [name for name in PLAIN_PRIVATE if name not in EXPECTED_ROLES]
    stale = sorted(set(EXPECTED_ROLES) - set(PLAIN_PRIVATE))
    users = {role: make_user(role) for role in Role.values} if missing else {}
    rows = "\n".join(_row_as_the_rules_have_it(name, users) for name in missing)
    assert not missing, (
        "Add these rows to EXPECTED_ROLES in sendhub/core/tests/test_role_access.py (as the rules have "
        f"them today; check each against who should see the page):\n{rows}"
    )
    assert not stale, f"Remove these rows from EXPECTED_ROLES (no such plain private route now): {stale}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
def test_each_role_gets_exactly_the_pages_the_table_gives_it(client, make_user, login, role: str) -> None:
    login(client, make_user(role))
    wrong = []
    for name in PLAIN_PRIVATE:
        if name not in EXPECTED_ROLES:
            continue  # reported, with the row to add, by the test above
        expected = role in EXPECTED_ROLES[name]
        status = client.get(reverse(name)).status_code
        if expected == (status == 403):
            wrong.append(f"{name}: the table says {'allow' if expected else 'refuse'} {role}, got {status}")
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
