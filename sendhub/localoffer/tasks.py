"""Periodic jobs: remind providers every morning about services due their 12-month review."""

from __future__ import annotations

from django.utils import timezone

from sendhub.core.jobs import app
from sendhub.localoffer.services import send_review_reminders


@app.periodic(cron="0 7 * * *")
@app.task(queueing_lock="localoffer_review_reminders", name="localoffer.review_reminders")
def review_reminders(timestamp: int) -> int:
    # Idempotent (see send_review_reminders), so a missed or repeated run does no harm.
    return send_review_reminders(today=timezone.localdate())
