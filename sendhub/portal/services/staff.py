"""Staff answer families on the case page: a reply (the family is emailed a link) and tasks done."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.services.common import add_timeline
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.portal.models import Message, Task, Thread
from sendhub.portal.services.notify import tell_family_of_reply


@transaction.atomic
def reply(*, thread: Thread, body: str, by: User, today: date) -> Message:
    """The officer's answer: kept on the thread, the thread's open task done, the family emailed a link."""
    body = body.strip()
    if not body:
        raise SendHubError("Write your reply", field="body")
    message = Message(thread=thread, body=body, from_family=False, author=by)
    message.full_clean(exclude=["thread", "author"])
    message.save()
    thread.last_message_at = message.sent_at
    thread.save(update_fields=["last_message_at"])
    thread.tasks.filter(done_at__isnull=True).update(done_at=timezone.now(), done_by=by)
    add_timeline(thread.child, on=today, kind="family", summary="Replied to the family's message", by=by)
    record_event(actor=by, action="portal.message.replied", target=thread.child, data={"thread": thread.pk})
    tell_family_of_reply(thread.child, thread.pk)  # queued in this transaction, like every email
    return message


@transaction.atomic
def complete_task(*, task: Task, by: User) -> Task:
    if task.done_at is not None:
        raise CaseStateError("This task is already done")
    task.done_at = timezone.now()
    task.done_by = by
    task.save(update_fields=["done_at", "done_by"])
    record_event(actor=by, action="portal.task.done", target=task.child, data={"task": task.pk})
    return task
