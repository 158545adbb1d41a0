"""Writes: the Local Offer's content pages. An edit waits for a moderator who did not make it (four eyes),
the same rule as providers' service changes; the published page keeps every approved version."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError, StaleObjectError
from sendhub.localoffer.models import ContentPage, ContentPageChange, ContentPageVersion, RevisionStatus

OWN_CHANGE = "You made this change, so another moderator must approve it"
PAGE_MOVED_ON = "The page has changed since this edit was made. Edit the page again to make this change."


@transaction.atomic
def propose_content_change(
    *, page: ContentPage, title: str, summary: str, body: str, version: int, by: User
) -> ContentPageChange:
    """Send a new text for approval. It replaces any change to the same page still waiting."""
    page = ContentPage.objects.select_for_update().get(pk=page.pk)
    if page.version != version:
        raise StaleObjectError()
    now = timezone.now()
    change = ContentPageChange(
        page=page,
        base_version=version,
        title=title,
        summary=summary,
        body=body,
        submitted_by=by,
        submitted_at=now,
    )
    change.full_clean()
    ContentPageChange.objects.filter(page=page, status=RevisionStatus.PENDING).update(
        status=RevisionStatus.SUPERSEDED, decided_at=now
    )
    change.save()
    record_event(actor=by, action="localoffer.content.proposed", target=page, data={"change": str(change.pk)})
    return change


def _pending(change: ContentPageChange) -> ContentPageChange:
    change = ContentPageChange.objects.select_for_update().get(pk=change.pk)
    if change.status == RevisionStatus.SUPERSEDED:
        raise CaseStateError("This change was replaced by a later change to the same page")
    if change.status != RevisionStatus.PENDING:
        raise CaseStateError("This change has already been decided")
    return change


@transaction.atomic
def approve_content_change(*, change: ContentPageChange, by: User) -> ContentPage:
    """Publish the change as the page's next version; never by the person who made it."""
    page = ContentPage.objects.select_for_update().get(pk=change.page_id)
    change = _pending(change)
    if change.submitted_by_id is not None and change.submitted_by_id == getattr(by, "pk", None):
        raise SendHubError(OWN_CHANGE)
    if page.version != change.base_version:
        raise CaseStateError(PAGE_MOVED_ON)
    now = timezone.now()
    page.title, page.summary, page.body = change.title, change.summary, change.body
    page.version += 1
    page.updated_at = now
    page.full_clean()
    page.save()
    ContentPageVersion.objects.create(
        page=page,
        number=page.version,
        title=page.title,
        summary=page.summary,
        body=page.body,
        edited_by=change.submitted_by,
        edited_at=now,
        approved_by=by,
    )
    change.status, change.decided_by, change.decided_at = RevisionStatus.APPROVED, by, now
    change.full_clean()
    change.save()
    record_event(actor=by, action="localoffer.content.edited", target=page, data={"version": page.version})
    return page


@transaction.atomic
def reject_content_change(*, change: ContentPageChange, reason: str, by: User) -> ContentPageChange:
    change = _pending(change)
    if not reason.strip():
        raise SendHubError("Enter the reason for rejecting the change")
    change.status, change.reason = RevisionStatus.REJECTED, reason.strip()
    change.decided_by, change.decided_at = by, timezone.now()
    change.full_clean()
    change.save()
    record_event(
        actor=by, action="localoffer.content.rejected", target=change.page, data={"change": str(change.pk)}
    )
    return change
