"""Services not reviewed for 12 months: providers are reminded every morning, at most once in 4 weeks."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from sendhub.core.jobs import app
from sendhub.localoffer import rules, services, tasks
from sendhub.localoffer.models import Service, ServiceRevision

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.usefixtures("directory")


@pytest.fixture
def overdue(provider):
    Service.objects.update(last_reviewed=TODAY - dt.timedelta(days=30), review_reminder_sent=None)
    service = Service.objects.select_related("organisation")[0]
    service.organisation.members.add(provider)
    Service.objects.filter(pk=service.pk).update(last_reviewed=dt.date(2025, 11, 1))
    return service


@pytest.mark.parametrize(
    ("last_reminded", "today", "due"),
    [
        (None, TODAY, True),
        (TODAY, TODAY, False),  # a second run on the same day sends nothing
        (TODAY - dt.timedelta(days=27), TODAY, False),
        (TODAY - dt.timedelta(days=28), TODAY, True),  # four weeks on, still not checked: remind again
    ],
)
def test_is_reminder_due(last_reminded, today, due):
    assert rules.is_reminder_due(last_reminded, today) == due
    # the SQL form used by services.send_review_reminders agrees with the rule
    assert (last_reminded is None or last_reminded <= rules.reminder_cutoff(today)) == due


def test_reminders_are_not_repeated_within_four_weeks_and_stop_once_checked(provider, moderator, overdue):
    assert services.send_review_reminders(today=TODAY) == 1
    assert mail.outbox[0].to == [provider.email] and overdue.name in mail.outbox[0].body
    for days in (0, 1, 27):
        assert services.send_review_reminders(today=TODAY + dt.timedelta(days=days)) == 0
    assert services.send_review_reminders(today=TODAY + dt.timedelta(days=28)) == 1
    assert len(mail.outbox) == 2
    revision = services.submit_revision(
        organisation=overdue.organisation, service=overdue, data={}, by=provider
    )
    services.approve_revision(revision=revision, by=moderator, today=TODAY + dt.timedelta(days=30))
    assert services.send_review_reminders(today=TODAY + dt.timedelta(days=60)) == 0


def test_the_periodic_job_sends_the_reminders_and_is_scheduled_daily(provider, overdue, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 7, 0))
    job = next(
        t
        for t in app.periodic_registry.periodic_tasks.values()
        if t.task.name == "localoffer.review_reminders"
    )
    assert job.cron == "0 7 * * *"
    assert tasks.review_reminders(timestamp=0) == 1
    assert tasks.review_reminders(timestamp=0) == 0  # idempotent: running twice reminds once


def test_remind_command(provider, overdue, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 9, 0))
    out = StringIO()
    call_command("localoffer", "remind", stdout=out)
    assert "1 reminder email(s) sent" in out.getvalue()
    assert not ServiceRevision.objects.exists()


def test_the_provider_sees_which_services_are_due_a_check(client, login, provider, overdue, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 9, 0))
    login(client, provider)
    page = client.get(reverse("localoffer:provider_services")).content.decode()
    assert "not been checked for 12 months" in page and page.count("Check now") == 1
