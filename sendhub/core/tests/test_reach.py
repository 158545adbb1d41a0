"""Every private page can be reached by following links from some role's home page.

Stands alone: it crawls the demo data through the Django test client (the same crawl the browser sweep
runs over HTTP), so it needs neither a browser nor an earlier test.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from sendhub.accounts.demo import demo_email
from sendhub.accounts.models import User
from sendhub.cases.models import AdviceRequest, RequestStatus
from sendhub.core.tests.browser.crawl import crawl
from sendhub.core.tests.reach import ROLES, ClientSession, route_name, stale_exceptions, unreached
from sendhub.core.tests.routes import all_routes
from sendhub.voice.models import OutboxMessage


def _waiting_work() -> None:
    """Two pages exist only while something waits, which the demo data at this seed may not have: advice
    the psychologist has still to give (its "I cannot give this advice" page), and a message in the outbox
    (the demo server keeps its mail there; the tests' mail backend does not)."""
    ep = User.objects.get(email=demo_email("ep"))
    advice = AdviceRequest.objects.filter(request__status=RequestStatus.OPEN).order_by("pk").first()
    assert advice is not None, "the demo data has no open request with advice"
    AdviceRequest.objects.filter(pk=advice.pk).update(adviser=ep, received_on=None, declined_on=None)
    OutboxMessage.objects.create(
        to="parent@example.org", from_email="sendhub@example.org", subject="Your request", body="Received"
    )


@pytest.mark.django_db
def test_every_private_page_is_reached_by_some_role(demo_db):
    _waiting_work()
    reached: set[str] = set()
    problems: list[str] = []
    for role, email in ROLES.items():
        client = Client()
        if email:
            client.force_login(User.objects.get(email=email))
        result = crawl(ClientSession(client), "", "/" if email else "/sign-in/", route_name, parallel=1)
        reached |= result.reached
        problems += [f"{problem} as {role}" for problem in result.problems]
    assert not problems, "Broken links:\n" + "\n".join(problems)
    assert not stale_exceptions(), f"NOT_CRAWLABLE names routes that no longer exist: {stale_exceptions()}"
    missing = unreached(reached)
    assert not missing, (
        "No role could reach these pages by following links; link them from the navigation or a page, "
        f"or list them in NOT_CRAWLABLE with a reason: {json.dumps(missing, indent=1)}"
    )


def test_the_reach_check_names_a_page_no_role_reached():
    everything = set(all_routes())
    assert unreached(everything) == []
    assert unreached(everything - {"voice:survey_list"}) == ["voice:survey_list"]
    assert unreached(everything - {"accounts:otp_verify"}) == []  # excused in NOT_CRAWLABLE, with a reason
