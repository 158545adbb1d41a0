"""Writes for the Local Offer: moderation, problem reports, content pages and reminders (`directory`), and
the service's records (`records`). The directory's names stay importable from here."""

from sendhub.localoffer.services.content import (
    approve_content_change,
    propose_content_change,
    reject_content_change,
)
from sendhub.localoffer.services.directory import (
    EDITABLE_FIELDS,
    approve_revision,
    bulk_approve,
    draft_data,
    pending_revision,
    reject_revision,
    report_problem,
    resolve_problem_report,
    send_review_reminders,
    service_snapshot,
    submit_record_change,
    submit_revision,
)

__all__ = [
    "EDITABLE_FIELDS",
    "approve_content_change",
    "approve_revision",
    "bulk_approve",
    "draft_data",
    "pending_revision",
    "propose_content_change",
    "reject_content_change",
    "reject_revision",
    "report_problem",
    "resolve_problem_report",
    "send_review_reminders",
    "service_snapshot",
    "submit_record_change",
    "submit_revision",
]
