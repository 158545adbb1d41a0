"""Letters for many children at once, as a background job with its progress kept on the batch.

procrastinate runs the job on PostgreSQL (`sendhub procrastinate worker`); on SQLite it runs inline.
The letters are kept in groups of GROUP_SIZE, each group one transaction (a commit per letter was most of
the time of a batch), so a failure part-way keeps the groups already made, and running the same month
again skips the plans that already have their letter for that month. The progress is written and the
group's emails are sent after each group is kept.
"""

from __future__ import annotations

import functools
import logging
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.letter_selectors import plans_with_review_due
from sendhub.cases.models import BatchStatus, Delivery, Letter, LetterBatch, Plan
from sendhub.cases.services.letter_email import send_letter_emails
from sendhub.cases.services.letters import ensure_template
from sendhub.cases.services.plans import review_invitation
from sendhub.core.audit import events_together, record_event
from sendhub.core.exceptions import SendHubError

logger = logging.getLogger(__name__)

# The letters that can be sent in bulk, and what each is for.
BATCH_LETTERS = {
    "review-invitation": "Annual review invitations, for every plan whose review is due in the month"
}
# Letters kept in one transaction; the progress bar moves, and the emails go, once a group is kept.
GROUP_SIZE = 50


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
        template = ensure_template(batch.template_key)  # once, not once a letter
        todo = [plan for plan in plans if plan.pk not in already]
        batch.skipped = len(plans) - len(todo)
        for start in range(0, len(todo), GROUP_SIZE):
            made = _letters_for_group(batch, todo[start : start + GROUP_SIZE], template, today)
            batch.done += len(todo[start : start + GROUP_SIZE])
            LetterBatch.objects.filter(pk=batch.pk).update(done=batch.done, skipped=batch.skipped)
            emails = [letter.pk for letter in made if letter.delivery == Delivery.EMAIL]
            # At once when the batch runs as its job; after the commit when a caller holds a transaction.
            transaction.on_commit(functools.partial(send_letter_emails, emails))
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


def _letters_for_group(batch: LetterBatch, plans: list[Plan], template: Any, today: date) -> list[Letter]:
    """One transaction for the group's letters; if one fails, the group's stored files are removed too."""
    made: list[Letter] = []
    try:
        with transaction.atomic(), events_together():
            for plan in plans:
                made += review_invitation(
                    plan=plan, by=batch.requested_by, today=today, batch=batch, template=template
                )
    except Exception:
        for letter in made:  # rolled back: their rows are gone, so are the files they named
            if letter.document is not None and letter.document.file.name:
                letter.document.file.storage.delete(letter.document.file.name)
        raise
    return made
