"""Nightly retention: erase records past their retention period (docs/security.md, "Retention")."""

from __future__ import annotations

from sendhub.core.jobs import app
from sendhub.privacy.services import apply_retention


# 03:30, after the case status refresh (02:15), when nobody is working on the records.
@app.periodic(cron="30 3 * * *")
@app.task(queueing_lock="privacy_apply_retention", name="privacy.apply_retention")
def apply_retention_job(timestamp: int) -> int:
    return len(apply_retention())
