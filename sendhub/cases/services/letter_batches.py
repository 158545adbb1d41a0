"""Letters for many children at once, as a background job with its progress kept on the batch.

procrastinate runs the job on PostgreSQL (`sendhub procrastinate worker`); on SQLite it runs inline.
Each letter is its own transaction, so a failure part-way keeps the letters already made, and running
the same month again skips the plans that already have their letter for that month.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.letter_selectors import plans_with_review_due
from sendhub.cases.models import BatchStatus, Letter, LetterBatch
from sendhub.cases.services.letters import ensure_template
from sendhub.cases.services.plans import send_review_invitation
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError

logger = logging.getLogger(__name__)

# The letters that can be sent in bulk, and what each is for.
BATCH_LETTERS = {
    "review-invitation": "Annual review invitations, for every plan whose review is due in the month"
}
PROGRESS_EVERY = 10


def start_batch(*, template_key: str, month: date, by: User, today: date) -> LetterBatch:
    if template_key not in BATCH_LETTERS:
        raise SendHubError("Choose a letter that can be sent in bulk", field="template_key")
    if month.replace(day=1) < today.replace(day=1):
        raise SendHubError("Choose this month or a later one", field="month")
    ensure_template(template_key)
    batch = LetterBatch(template_key=template_key, month=month.replace(day=1), requested_by=by, team=by.team)
    batch.full_clean()
    batch.save()
    record_event(actor=by, action="cases.letter_batch.started", target=batch, data={"template": template_key})
    from sendhub.cases.tasks import run_letter_batch
    from sendhub.core.jobs import defer

    transaction.on_commit(lambda: defer(run_letter_batch, batch_id=batch.pk))
    return batch


def run_batch(batch_id: int, today: date | None = None) -> LetterBatch:
    batch = LetterBatch.objects.select_related("requested_by").get(pk=batch_id)
    if batch.status == BatchStatus.FINISHED:
        return batch
    today = today or timezone.localdate()
    try:
        plans = plans_with_review_due(batch.requested_by, batch.month) if batch.requested_by else []
        already = set(
            Letter.objects.filter(
                template__key=batch.template_key, batch__month=batch.month, plan__in=[p.pk for p in plans]
            ).values_list("plan_id", flat=True)
        )
        batch.total, batch.done, batch.skipped, batch.status = len(plans), 0, 0, BatchStatus.RUNNING
        batch.full_clean()
        batch.save(update_fields=["total", "done", "skipped", "status"])
        for plan in plans:
            if plan.pk in already:
                batch.skipped += 1
            else:
                send_review_invitation(plan=plan, by=batch.requested_by, today=today, batch=batch)
                batch.done += 1
            if (batch.done + batch.skipped) % PROGRESS_EVERY == 0:
                LetterBatch.objects.filter(pk=batch.pk).update(done=batch.done, skipped=batch.skipped)
        batch.status, batch.finished_at = BatchStatus.FINISHED, timezone.now()
        batch.full_clean()
        batch.save(update_fields=["done", "skipped", "status", "finished_at"])
    except Exception as e:  # the batch page must say it stopped; the letters made so far are kept
        logger.exception("Letter batch %s stopped", batch_id)
        LetterBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.FAILED, error=str(e)[:300], done=batch.done, skipped=batch.skipped
        )
        batch.refresh_from_db()
        return batch
    record_event(
        actor=None,
        action="cases.letter_batch.finished",
        target=batch,
        data={"done": batch.done, "skipped": batch.skipped},
    )
    return batch
