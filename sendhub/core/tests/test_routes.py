"""Every route is private unless allow-listed here, and every private route declares its permission."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from sendhub.core.tests.routes import all_routes, is_public, route_patterns, sample_kwargs

# Pages anyone may open without signing in. Adding a name here is a decision: say why in the review.
PUBLIC_ROUTES = {
    "core:healthz",
    "core:readyz",  # the load balancer's readiness probe: "ok" or the count of unapplied migrations
    "core:accessibility",
    "core:privacy",
    "core:cookies",
    "accounts:login",
    # Getting in without a password: the emailed link itself is the credential (single-use, expiring);
    # the request form answers alike for every address and is limited per client address.
    "accounts:invitation",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "dashboard:public",  # the Local Offer dashboard: published aggregates only, small numbers suppressed
    # The Local Offer is public by law (SEND Regulations 2014 reg 53), and its ORUK feed is open data.
    "localoffer:index",
    "localoffer:service_list",
    "localoffer:service_detail",
    "localoffer:report_problem",
    "localoffer:shortlist",
    "localoffer:shortlist_add",
    "localoffer:shortlist_remove",
    "localoffer:shortlist_email",
    "localoffer:content_page",
    # The annual SEND progress report, once staff publish it: aggregates only, small numbers suppressed.
    "strategy:public_report_list",
    "strategy:public_report",
    "localoffer:oruk:api-root",
    "localoffer:oruk:openapi-json",
    "localoffer:oruk:root",
    "localoffer:oruk:service",
    "localoffer:oruk:service_at_location",
    "localoffer:oruk:service_at_locations",
    "localoffer:oruk:service_at_locations_slash",
    "localoffer:oruk:services",
    "localoffer:oruk:services_slash",
    "localoffer:oruk:taxonomies",
    "localoffer:oruk:taxonomies_slash",
    "localoffer:oruk:taxonomy",
    "localoffer:oruk:taxonomy_term",
    "localoffer:oruk:taxonomy_terms",
    "localoffer:oruk:taxonomy_terms_slash",
    # Family voice (issue 8): families contact the service, answer surveys by emailed link and book
    # surgeries without an account; "you said, we did" is published for everyone.
    "voice:contact_public",
    "voice:contact_public_sent",
    "voice:survey_answer",
    "voice:you_said_we_did",
    "voice:surgery_public_list",
    "voice:surgery_book",
    "voice:surgery_booking",
}

ROUTES = all_routes()
PATTERNS = route_patterns()


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_has_access_rule(name: str) -> None:
    callback = ROUTES[name]
    public = is_public(callback)
    assert public == (name in PUBLIC_ROUTES), f"{name}: add @requires(...) or list it in PUBLIC_ROUTES"
    assert public or hasattr(callback, "required_permission"), f"{name} has no @requires"


def test_public_allow_list_has_no_stale_names() -> None:
    assert ROUTES.keys() >= PUBLIC_ROUTES, f"Unknown routes in PUBLIC_ROUTES: {PUBLIC_ROUTES - ROUTES.keys()}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(n for n in ROUTES if n not in PUBLIC_ROUTES))
def test_anonymous_get_of_private_route_goes_to_sign_in(client, name: str) -> None:
    try:
        url = reverse(name, kwargs=sample_kwargs(PATTERNS[name]))
    except NoReverseMatch:
        pytest.fail(f"{name}: cannot build a sample URL; give its converter a sample in routes.sample_kwargs")
    response = client.get(url)
    assert response.status_code == 302, f"{name} answered {response.status_code} to an anonymous visitor"
    assert response["Location"].startswith(reverse("accounts:login"))
