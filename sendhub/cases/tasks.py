"""Periodic jobs: refresh every case's stage and next due date each night."""

from __future__ import annotations

from django.utils import timezone

from sendhub.cases.services.status import refresh_all_statuses
from sendhub.core.jobs import app


# 02:15 so a stage that changes at midnight (a period ending) is right before the office opens.
@app.periodic(cron="15 2 * * *")
@app.task(queueing_lock="cases_refresh_statuses", name="cases.refresh_statuses")
def refresh_statuses(timestamp: int) -> int:
    _checked, changed = refresh_all_statuses(timezone.localdate())
    return changed


@app.task(name="cases.letter_batch")
def run_letter_batch(batch_id: int) -> int:
    """Letters for many children at once (services.letter_batches); progress is kept on the batch."""
    from sendhub.cases.services.letter_batches import run_batch

    return run_batch(batch_id).done


# 07:30 UTC, before the working day: advisers hear of advice due in 5 working days (reg 8(1)).
@app.periodic(cron="30 7 * * *")
@app.task(queueing_lock="cases_advice_reminders", name="cases.advice_reminders")
def advice_reminders(timestamp: int) -> int:
    from sendhub.cases.services.advice import remind_advice_due

    return remind_advice_due(timezone.localdate())
