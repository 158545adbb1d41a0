"""`sendhub refresh-case-status`: brings stored stages up to date with the rules; safe to re-run."""

import io
from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from sendhub.cases.models import Child
from sendhub.cases.services import requests as svc
from sendhub.cases.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
SECTIONS = {"A": "Views"}


def _child_with_a_draft_issued_on_15_september(officer):
    """A draft issued on 15 September 2025: its 15-day comment period has ended by 1 October."""
    child = ChildFactory.create(officer=officer)
    with time_machine.travel(date(2025, 9, 16)):
        request = svc.record_request(
            child=child, received=date(2025, 6, 2), source="parent", by=officer, today=date(2025, 9, 16)
        )
        svc.record_assessment_decision(
            request=request, assess=True, decided_on=date(2025, 7, 1), by=officer, today=date(2025, 9, 16)
        )
        svc.issue_draft(
            request=request,
            issued_on=date(2025, 9, 15),
            sections=SECTIONS,
            by=officer,
            today=date(2025, 9, 16),
        )
    return child


def test_refresh_moves_a_lapsed_draft_to_awaiting_final(officer):
    child = _child_with_a_draft_issued_on_15_september(officer)
    assert Child.objects.get(pk=child.pk).stage == "draft_issued"
    with time_machine.travel(date(2025, 10, 1)):
        out = io.StringIO()
        call_command("refresh-case-status", "--dry-run", stdout=out)
        assert "1 of 1 would change" in out.getvalue()
        assert Child.objects.get(pk=child.pk).stage == "draft_issued"
        call_command("refresh-case-status", stdout=io.StringIO())
        assert Child.objects.get(pk=child.pk).stage == "awaiting_final"
        out = io.StringIO()
        call_command("refresh-case-status", stdout=out)
        assert "0 of 1 changed" in out.getvalue()


def test_the_worker_runs_the_same_refresh_every_night(officer):
    from sendhub.cases.tasks import refresh_statuses
    from sendhub.core.jobs import app

    assert "cases.refresh_statuses" in app.tasks
    periodic = [
        p for p in app.periodic_registry.periodic_tasks.values() if p.task.name == "cases.refresh_statuses"
    ]
    assert [p.cron for p in periodic] == ["15 2 * * *"]

    child = _child_with_a_draft_issued_on_15_september(officer)
    with time_machine.travel(date(2025, 10, 1)):
        assert refresh_statuses(timestamp=0) == 1
        assert Child.objects.get(pk=child.pk).stage == "awaiting_final"
        assert refresh_statuses(timestamp=0) == 0
