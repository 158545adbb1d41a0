"""Surveys at key points in casework: a final plan issued, an annual review decided."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from sendhub.cases.models import AnnualReview
from sendhub.cases.tests.factories import ChildFactory, ParentFactory, PlanFactory
from sendhub.voice.models import Invitation, Trigger
from sendhub.voice.services.key_points import invite_at_key_points
from sendhub.voice.tests.factories import make_survey

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


def test_plan_issued_and_review_decided_each_ask_the_family_once() -> None:
    make_survey(trigger=Trigger.PLAN_ISSUED)
    make_survey(trigger=Trigger.REVIEW_FINISHED)
    child = ChildFactory()
    ParentFactory(child=child, email="Parent@Example.test")
    ParentFactory(child=child, email="", name="No email")
    ParentFactory(child=child, email="other@example.test", parental_responsibility=False)
    PlanFactory(child=child, start_date=date(2026, 11, 20))
    old = PlanFactory.create(child=ChildFactory(), start_date=date(2026, 1, 5))
    ParentFactory(child=old.child, email="old@example.test")
    AnnualReview.objects.create(
        plan=old, meeting=date(2026, 11, 10), decision_on=date(2026, 11, 18), outcome="keep"
    )
    due = invite_at_key_points(since=TODAY - timedelta(days=7), today=TODAY)
    assert sorted((p.trigger, p.email) for p in due) == [
        (Trigger.PLAN_ISSUED, "parent@example.test"),
        (Trigger.REVIEW_FINISHED, "old@example.test"),
    ]
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 2
    assert invite_at_key_points(since=TODAY - timedelta(days=7), today=TODAY) == []


def test_nothing_is_sent_without_an_active_survey() -> None:
    child = ChildFactory()
    ParentFactory(child=child, email="parent@example.test")
    PlanFactory(child=child, start_date=TODAY)
    assert invite_at_key_points(since=TODAY, today=TODAY) == []


def test_survey_command_dry_run_and_bad_date() -> None:
    make_survey(trigger=Trigger.PLAN_ISSUED)
    child = ChildFactory()
    ParentFactory(child=child, email="parent@example.test")
    PlanFactory(child=child, start_date=timezone.localdate())
    out = StringIO()
    call_command("voice", "survey", "--dry-run", stdout=out)
    assert "1 survey invitation(s) would be sent" in out.getvalue() and not Invitation.objects.exists()
    call_command("voice", "survey", stdout=out)
    assert Invitation.objects.count() == 1
    with pytest.raises(CommandError, match="future"):
        call_command("voice", "survey", "--since", "2999-01-01", stdout=out)
