"""Core background jobs: email delivery with retries, and nightly housekeeping."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from procrastinate import RetryStrategy

from sendhub.core.jobs import app, prune_finished_jobs
from sendhub.core.mail import deliver

# 8 attempts, waiting 4 s, 16 s, 1 min, 4 min, 17 min, 68 min and 4.5 h: about six hours of outage.
EMAIL_RETRY = RetryStrategy(max_attempts=8, exponential_wait=4)
FINISHED_JOBS_KEPT_DAYS = 30


@app.task(name="core.send_email", retry=EMAIL_RETRY)
def send_email(payload: dict[str, Any]) -> int:
    return deliver(payload)


@app.periodic(cron="45 3 * * *")
@app.task(queueing_lock="core_housekeeping", name="core.housekeeping")
def housekeeping(timestamp: int) -> int:
    """Expired sessions out; finished job rows older than 30 days out (the audit trail is kept)."""
    call_command("clearsessions")
    return prune_finished_jobs(days=FINISHED_JOBS_KEPT_DAYS)
