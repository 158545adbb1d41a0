from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.cases.services.requests import issue_draft, record_assessment_decision, record_request
from sendhub.cases.tests.factories import ChildFactory, ParentFactory


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""


def child_with_draft(officer: User, account: User, *, first_name: str, draft_days_ago: int) -> Child:
    """A child whose parent record names `account`, with a draft plan sent `draft_days_ago` days ago."""
    today = timezone.localdate()
    child = ChildFactory.create(
        first_name=first_name, last_name="Testchild", officer=officer, team=officer.team
    )
    ParentFactory.create(
        child=child, name=account.full_name, email=account.email, user=account, contact_preference="email"
    )
    draft_on = today - timedelta(days=draft_days_ago)
    received = draft_on - timedelta(days=60)
    request = record_request(child=child, received=received, source="parent", by=officer, today=today)
    record_assessment_decision(
        request=request, assess=True, decided_on=received + timedelta(days=20), by=officer, today=today
    )
    issue_draft(request=request, issued_on=draft_on, sections={"A": "All about me"}, by=officer, today=today)
    return child


def plain_child(officer: User, account: User | None, *, first_name: str) -> Child:
    child = ChildFactory.create(
        first_name=first_name, last_name="Testchild", officer=officer, team=officer.team
    )
    ParentFactory.create(child=child, name="Someone Else", user=account)
    return child


@pytest.fixture
def today() -> date:
    return timezone.localdate()
