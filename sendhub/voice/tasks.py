"""Periodic jobs: escalate overdue contacts every hour, send surgery reminders every hour."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from sendhub.core.jobs import app
from sendhub.voice.services.contacts import escalate_overdue_contacts
from sendhub.voice.services.key_points import invite_at_key_points
from sendhub.voice.services.surgeries import send_surgery_reminders


@app.periodic(cron="5 * * * *")
@app.task(queueing_lock="voice_escalate_overdue", name="voice.escalate_overdue")
def escalate_overdue(timestamp: int) -> int:
    return len(escalate_overdue_contacts(today=timezone.localdate()))


@app.periodic(cron="10 * * * *")
@app.task(queueing_lock="voice_surgery_reminders", name="voice.surgery_reminders")
def surgery_reminders(timestamp: int) -> int:
    return len(send_surgery_reminders())


@app.periodic(cron="30 18 * * *")
@app.task(queueing_lock="voice_key_point_surveys", name="voice.key_point_surveys")
def key_point_surveys(timestamp: int) -> int:
    today = timezone.localdate()
    return len(invite_at_key_points(since=today - timedelta(days=7), today=today))
