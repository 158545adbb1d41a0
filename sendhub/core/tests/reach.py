"""Which pages each role can reach by following links: the roles the browser sweep signs in as, the private
GET routes no link leads to (each with its reason), and the check that every other private page was reached.

The browser sweep and `test_reach.py` share these, so the reach check runs on its own (through the Django
test client) and does not depend on the sweep having run first.
"""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import Resolver404, resolve

from sendhub.accounts.demo import PEOPLE, demo_email
from sendhub.core.tests.routes import all_routes, is_public

# Private GET routes that no link leads to, each with the reason. Keep this short.
NOT_CRAWLABLE: dict[str, str] = {
    "accounts:otp_verify": "only shown when a second factor is required at sign-in",
    "accounts:logout": "signing out is a button in the header (a POST form); its GET page is tested in test_sign_in",
    "cases:amended_issue": "at the browser-test scale only 2 or 3 plans have amendments open and the crawl's budget "
    "rarely reaches them; the page is the shared cases/step_form.html, which is axe-checked through other steps",
    "cases:consultation_answer": "linked from a request's consultations table only while a setting has not "
    "answered; at the browser-test scale the crawl's budget rarely reaches such a request; the page is the shared "
    "cases/step_form.html, axe-checked through other steps (tested in cases/tests/test_consultations.py)",
    "strategy:evidence_download": "a file download, linked from an update that carries evidence; the demo plan's "
    "updates carry none at the browser-test scale (tested in strategy/tests/test_evidence.py)",
    "voice:own_contact_claim": "the link exists only in the confirmation email of a message sent while signed "
    "out (tested in voice/tests/test_public_contact.py)",
    "cases:outcome_edit": "linked only from the editable (draft or proposed) version of a plan: at the browser-test "
    "scale 6 of about 90 versions are editable and the crawl's budget of pages per kind does not always reach one "
    "(tested in cases/tests/test_plan_content_edit.py)",
    "cases:outcome_remove": "as cases:outcome_edit (tested in cases/tests/test_plan_content_edit.py)",
    "cases:provision_edit": "as cases:outcome_edit (tested in cases/tests/test_plan_content_edit.py)",
    "cases:provision_remove": "as cases:outcome_edit (tested in cases/tests/test_plan_content_edit.py)",
    "cases:amendment_consult": "linked only from a plan's open proposed amendments, 2 or 3 at the browser-test scale, "
    "as cases:amended_issue (tested in cases/tests/test_amendment_consultations.py)",
    "strategy:evidence_remove": "linked beside an update's evidence document, and the demo plan's updates carry none "
    "at the browser-test scale, as strategy:evidence_download (tested in strategy/tests/test_removal.py)",
    "cases:review_record": "linked only from a review whose meeting is held and whose decision is not yet made: 4 "
    "of about 290 reviews at the browser-test scale, which the crawl's budget does not always reach (tested in "
    "cases/tests/test_reviews.py)",
    "cases:review_attendance": "as cases:review_record (tested in cases/tests/test_reviews.py)",
    "cases:review_contribution": "as cases:review_record (tested in cases/tests/test_reviews.py)",
    "cases:review_invitee": "as cases:review_record (tested in cases/tests/test_reviews.py)",
    "cases:review_progress": "as cases:review_record (tested in cases/tests/test_reviews.py)",
    "cases:young_person_invite": "linked only from the page of a young person over 16 with no account yet, a handful "
    "among the browser-test demo's children (tested in cases/tests/test_young_person.py)",
    "portal:assessment": "linked only for a child with no request and no plan, and the demo parent's children have "
    "a draft plan and a plan; the page is the shared portal/action.html, axe-checked through the other actions",
}

# Role -> the demo account that signs in as it (None: not signed in).
ROLES: dict[str, str | None] = {"anonymous": None} | {
    role.value: demo_email(local) for local, _, role, _ in reversed(PEOPLE)
}


def route_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def unreached(reached: set[str]) -> list[str]:
    """Private GET pages (POST-only actions are not pages) that no role reached and that are not excused."""
    return sorted(
        name
        for name, callback in all_routes().items()
        if not is_public(callback)
        and name not in reached
        and name not in NOT_CRAWLABLE
        and "GET" in getattr(callback, "allowed_methods", ("GET",))
    )


def stale_exceptions() -> list[str]:
    """NOT_CRAWLABLE entries that name routes which no longer exist."""
    return sorted(set(NOT_CRAWLABLE) - all_routes().keys())


class ClientSession:
    """The crawl's `session.get` over Django's test client, in-process (redirects followed, as requests does)."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def get(self, url: str, timeout: float) -> Any:
        return self.client.get(url, follow=True)
