"""A date the rules refuse is shown on its field: a decision cannot be before the request."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sendhub.cases.tests.factories import ChildFactory, RequestFactory
from sendhub.core.tests.date_errors import date_error

pytestmark = pytest.mark.django_db


def test_a_decision_dated_before_the_request_is_refused_on_the_date(client, login, officer):
    child = ChildFactory.create(officer=officer, team=officer.team)
    request = RequestFactory.create(child=child, received=date(2025, 6, 2))
    login(client, officer)
    response = client.post(
        reverse("cases:request_decision", args=[request.pk]),
        {"decision": "yes", "decided_on_0": "1", "decided_on_1": "6", "decided_on_2": "2025", "version": ""},
    )
    assert (
        date_error(response.content, "decided_on")
        == "Error: The date cannot be before the request (2 June 2025)"
    )
    request.refresh_from_db()
    assert request.decided_to_assess is None


def test_an_impossible_date_is_shown_on_the_field(client, login, officer):
    child = ChildFactory.create(officer=officer, team=officer.team)
    request = RequestFactory.create(child=child, received=date(2025, 6, 2))
    login(client, officer)
    response = client.post(
        reverse("cases:request_decision", args=[request.pk]),
        {"decision": "yes", "decided_on_0": "31", "decided_on_1": "2", "decided_on_2": "2025"},
    )
    assert date_error(response.content, "decided_on") == "Error: The date of the decision must be a real date"
