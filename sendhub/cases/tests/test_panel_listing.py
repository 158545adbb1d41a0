"""Listing requests for a panel meeting, and the agenda of one meeting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.cases import rules
from sendhub.cases.services import panel_listing
from sendhub.cases.services import requests as svc
from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def make_request(officer, name: str, received: date):
    child = ChildFactory.create(officer=officer, team=officer.team, first_name=name, last_name="Sample")
    return svc.record_request(child=child, received=received, source="parent", by=officer, today=received)


def date_fields(name: str, on: date) -> dict[str, str]:
    return {f"{name}_0": str(on.day), f"{name}_1": str(on.month), f"{name}_2": str(on.year)}


def test_agenda_shows_one_panel_and_what_is_due_before_it(client, login, officer, settings):
    settings.SENDHUB_PANEL_WEEKDAY = "thursday"
    today = timezone.localdate()
    panel = rules.next_panel_day(today, "thursday")
    listed = make_request(officer, "Listed", panel - timedelta(weeks=5))  # due a week after the panel
    late = make_request(officer, "Late", panel - timedelta(weeks=6, days=2))  # due 2 days before it
    waiting = make_request(officer, "Waiting", today - timedelta(weeks=1))
    later = make_request(officer, "Later", today)
    panel_listing.list_for_panel(request=listed, panel_on=panel, by=officer, today=today)
    panel_listing.list_for_panel(request=late, panel_on=panel, by=officer, today=today)
    panel_listing.list_for_panel(request=later, panel_on=panel + timedelta(weeks=1), by=officer, today=today)
    login(client, officer)
    page = client.get(reverse("cases:panel_agenda")).content.decode()
    assert f"Panel on {panel:%A} {panel.day} {panel:%B %Y}" in page
    this_panel, not_listed, elsewhere = page.split("<caption")[1:4]
    assert "Listed for this panel (2)" in this_panel
    assert this_panel.index("Late Sample") < this_panel.index("Listed Sample")  # in order of the date due
    assert this_panel.count("Due before the panel") == (
        1 if late.received + timedelta(weeks=6) >= today else 0
    )
    assert "Waiting Sample" in not_listed and "Later Sample" in elsewhere
    next_week = client.get(reverse("cases:panel_agenda"), date_fields("on", panel + timedelta(weeks=1)))
    assert "Later Sample" in next_week.content.decode().split("<caption")[1]
    assert waiting.panel_on is None
    bad = client.get(reverse("cases:panel_agenda"), {"on_0": "31", "on_1": "2", "on_2": "2027"})
    assert b"must be a real date" in bad.content and b"<title>Error: " in bad.content


def test_listing_a_request_for_a_panel(client, login, officer):
    today = timezone.localdate()
    request = make_request(officer, "Robin", today)
    login(client, officer)
    url = reverse("cases:panel_listing", args=[request.pk])
    page = client.get(url).content.decode()
    assert "whether to assess" in page and f"{rules.decision_to_assess_due(today):%B %Y}" in page
    past = client.post(
        url, {**date_fields("panel_on", today - timedelta(days=1)), "version": request.version}
    )
    assert b"Choose a panel meeting today or later" in past.content
    empty = client.post(url, {"version": request.version})
    assert b"Enter the date of the panel meeting" in empty.content
    panel = today + timedelta(days=3)
    response = client.post(url, {**date_fields("panel_on", panel), "version": request.version})
    assert response.status_code == 302 and "on_0=" in response["Location"]
    request.refresh_from_db()
    assert request.panel_on == panel
    event = AuditEvent.objects.get(action="cases.request.panel_listed")
    assert event.data == {"panel_on": panel.isoformat()}
    stale = client.post(
        url, {**date_fields("panel_on", panel + timedelta(days=7)), "version": request.version - 1}
    )
    assert stale.status_code == 200 and b"govuk-error-summary" in stale.content
    client.post(url, {"remove": "1", "version": request.version})
    request.refresh_from_db()
    assert request.panel_on is None
    assert AuditEvent.objects.filter(action="cases.request.panel_unlisted").count() == 1


def test_a_decided_request_cannot_be_listed_and_a_panel_decision_clears_the_listing(officer, manager):
    from sendhub.cases.services.panel import decide_at_panel

    today = timezone.localdate()
    request = make_request(officer, "Sam", today - timedelta(days=10))
    panel_listing.list_for_panel(request=request, panel_on=today, by=officer, today=today)
    decide_at_panel(
        request=request,
        question="assess",
        outcome="defer",
        reasons="More information needed",
        held_on=today,
        members=[manager],
        other_attendees="",
        by=officer,
        today=today,
        la_name="Camden",
    )
    request.refresh_from_db()
    assert request.panel_on is None  # deferred: to be listed again
    decide_at_panel(
        request=request,
        question="assess",
        outcome="no",
        reasons="Needs met at SEN Support",
        held_on=today - timedelta(days=1),
        members=[manager],
        other_attendees="",
        by=officer,
        today=today,
        la_name="Camden",
    )
    request.refresh_from_db()
    with pytest.raises(CaseStateError, match="no decision to make"):
        panel_listing.list_for_panel(request=request, panel_on=today, by=officer, today=today)
    with pytest.raises(SendHubError):
        panel_listing.list_for_panel(
            request=make_request(officer, "Kim", today),
            panel_on=today - timedelta(days=1),
            by=officer,
            today=today,
        )


def test_a_decision_recorded_outside_the_panel_ends_the_listing_too(officer):
    """Otherwise a request listed for whether to assess, then decided on the request page, would come back
    for whether to issue still listed for that old panel."""
    today = timezone.localdate()
    request = make_request(officer, "Ali", today - timedelta(days=10))
    panel_listing.list_for_panel(request=request, panel_on=today + timedelta(days=7), by=officer, today=today)
    request.refresh_from_db()
    svc.record_assessment_decision(request=request, assess=True, decided_on=today, by=officer, today=today)
    request.refresh_from_db()
    assert request.panel_on is None
    panel_listing.list_for_panel(request=request, panel_on=today + timedelta(days=7), by=officer, today=today)
    request.refresh_from_db()
    svc.record_issue_decision(request=request, issue=False, decided_on=today, by=officer, today=today)
    request.refresh_from_db()
    assert request.panel_on is None
