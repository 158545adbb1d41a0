"""What a family does on their pages; each lands on the staff case as a timeline entry, an audit event
and a task for the officer (who is emailed a link).

Every function takes a child the caller already read through `portal.selectors.get_family_child`, so a
family acts only on their own children.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.models import (
    AnnualReview,
    AssessmentRequest,
    Child,
    ContributorKind,
    DocumentKind,
    Plan,
)
from sendhub.cases.rules import RequestSource
from sendhub.cases.services.common import add_timeline
from sendhub.cases.services.documents import store_document
from sendhub.cases.services.requests import record_request
from sendhub.cases.services.reviews import add_contribution
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.lib.dates import long_date
from sendhub.portal import rules, selectors
from sendhub.portal.models import Message, Submission, SubmissionKind, Task, Thread
from sendhub.portal.services.notify import tell_officer_of_task
from sendhub.schools.models import School

TASK_TITLES = {
    SubmissionKind.VIEWS: "Read the family's views",
    SubmissionKind.CHILD_VIEWS: "Read the child's views (all about me)",
    SubmissionKind.ASSESSMENT: "The family asked for an assessment: decide whether to assess",
    SubmissionKind.DRAFT_COMMENTS: "Consider the family's comments on the draft plan",
    SubmissionKind.REVIEW: "Read the family's contribution to the yearly review",
}
TIMELINE = {
    SubmissionKind.VIEWS: "The family sent their views",
    SubmissionKind.CHILD_VIEWS: "The family sent the child's views (all about me)",
    SubmissionKind.ASSESSMENT: "The family asked for an EHC needs assessment through their pages",
    SubmissionKind.DRAFT_COMMENTS: "The family commented on the draft plan",
    SubmissionKind.REVIEW: "The family sent their contribution to the annual review",
}


def add_task(*, child: Child, title: str, today: date, **about: Any) -> Task:
    task = Task(child=child, officer=child.officer, title=title, due=rules.task_due(today), **about)
    task.full_clean(exclude=["child", "officer", "submission", "thread"])
    task.save()
    tell_officer_of_task(child)  # queued in this transaction: nothing is sent if it rolls back
    return task


def _document(child: Child, upload: File[Any] | None, kind: str, by: User) -> Any:
    if upload is None:
        return None
    title = f"{SubmissionKind(kind).label}: sent by {by.full_name}"
    return store_document(
        child=child, upload=upload, kind=DocumentKind.VIEWS, title=title, by=by, shared_with_family=True
    )


@transaction.atomic
def submit(
    *,
    child: Child,
    kind: str,
    text: str,
    by: User,
    today: date,
    upload: File[Any] | None = None,
    plan: Plan | None = None,
    preferred_setting: str = "",
    preferred_school: School | None = None,
    request: AssessmentRequest | None = None,
    child_text: str = "",
) -> Submission:
    """Keep what the family sent (with its document), and put it on the staff case with a task."""
    text, child_text = text.strip(), child_text.strip()
    if not (text or child_text or upload or preferred_setting or preferred_school):
        raise SendHubError("Write something or attach a document", field="text")
    submission = Submission(
        child=child,
        kind=kind,
        text=text,
        plan=plan,
        preferred_setting=preferred_setting.strip()[:200],
        preferred_school=preferred_school,
        request=request,
        child_text=child_text,
        document=_document(child, upload, kind, by),
        sent_by=by,
    )
    submission.full_clean(
        exclude=["child", "plan", "document", "request", "sent_by", "preferred_school", "review"]
    )
    submission.save()
    add_timeline(child, on=today, kind="family", summary=TIMELINE[SubmissionKind(kind)], by=by)
    record_event(
        actor=by,
        action="portal.submission.sent",
        target=child,
        data={"submission": submission.pk, "kind": kind, "document": submission.document_id},
    )
    add_task(child=child, title=TASK_TITLES[SubmissionKind(kind)], today=today, submission=submission)
    return submission


def give_views(
    *, child: Child, about_child: bool, text: str, upload: File[Any] | None, by: User, today: date
) -> Submission:
    """The family's views, or the child's own ("all about me", section A of the plan)."""
    kind = SubmissionKind.CHILD_VIEWS if about_child else SubmissionKind.VIEWS
    return submit(child=child, kind=kind, text=text, upload=upload, by=by, today=today)


def _source_for(child: Child, by: User) -> RequestSource:
    return RequestSource.YOUNG_PERSON if selectors.is_young_person(child, by) else RequestSource.PARENT


@transaction.atomic
def request_assessment(
    *, child: Child, text: str, upload: File[Any] | None, by: User, today: date
) -> Submission:
    """CFA s.36(1): a parent or the young person may ask for an EHC needs assessment themselves.

    The request is recorded on the case as staff would (received today, the 6-week decision clock
    starts, the acknowledgement letter is made)."""
    if not text.strip():
        raise SendHubError("Tell us why you are asking for an assessment", field="text")
    try:
        request = record_request(
            child=child,
            received=today,
            source=_source_for(child, by).value,
            requester_name=by.full_name,
            by=by,
            today=today,
        )
    except CaseStateError as e:
        raise CaseStateError(
            "You cannot ask for an assessment now: there is already a request or a plan for this child. "
            "Send a message to the SEND team instead."
        ) from e
    return submit(
        child=child,
        kind=SubmissionKind.ASSESSMENT,
        text=text,
        upload=upload,
        by=by,
        today=today,
        request=request,
    )


def comment_on_draft(
    *,
    child: Child,
    text: str,
    preferred_setting: str,
    upload: File[Any] | None,
    by: User,
    today: date,
    preferred_school: School | None = None,
) -> Submission:
    """Reg 13(1): comments on the draft plan, and CFA s.38(2): the school or college the family asks for,
    within the 15 days of the draft. After that, refused with the date it ended.

    The school or college is one of the settings SEND Hub knows (`preferred_school`) or, when it is not
    among them, its name in the family's words (`preferred_setting`); not both."""
    window = selectors.draft_window(child, today)
    if window is None:
        raise CaseStateError("There is no draft plan to comment on.")
    if not window.open:
        raise CaseStateError(
            f"The time to comment on the draft plan ended on {long_date(window.closes)}. "
            "You can still send a message to the SEND team."
        )
    if preferred_school is not None and preferred_setting.strip():
        raise SendHubError(
            "Choose a school or college from our list or write its name, not both", field="preferred_setting"
        )
    if not text.strip() and not preferred_setting.strip() and preferred_school is None:
        raise SendHubError("Write your comments or name the school or college you want", field="text")
    return submit(
        child=child,
        kind=SubmissionKind.DRAFT_COMMENTS,
        text=text,
        upload=upload,
        by=by,
        today=today,
        plan=window.plan,
        preferred_setting=preferred_setting,
        preferred_school=preferred_school,
    )


@transaction.atomic
def contribute_to_review(
    *,
    child: Child,
    text: str,
    upload: File[Any] | None,
    by: User,
    today: date,
    child_text: str = "",
) -> Submission:
    """The family's contribution before the plan's yearly review (reg 19: their views are sought; reg
    20(2)-(3): the views are circulated for the meeting), with the child's own views if they give them.

    It lands in the structured review (`add_to_review`): at once when the review is open (its meeting
    recorded, its decision not yet), else when the officer records the next meeting (`portal.signals`)."""
    plan = selectors.plan_for_review(child)
    if plan is None:
        raise CaseStateError("There is no plan to review yet.")
    if not text.strip() and not child_text.strip() and upload is None:
        raise SendHubError("Write your contribution", field="text")
    submission = submit(
        child=child,
        kind=SubmissionKind.REVIEW,
        text=text,
        child_text=child_text,
        upload=upload,
        by=by,
        today=today,
        plan=plan,
    )
    review = selectors.review_to_contribute(plan)
    if review is not None:
        add_to_review(submission, review, today)
    return submission


@transaction.atomic
def add_to_review(submission: Submission, review: AnnualReview, today: date) -> None:
    """Put a family's contribution in the structured review through casework's `add_contribution`: their
    text and document as the parents' views (a young person's own as the child's views), and the child's
    own views, when given, as the child's views. The officer sees them under "Sent for the review"."""
    by = submission.sent_by
    if by is None or submission.review_id is not None or review.decision_on is not None:
        return
    child = submission.child
    young = selectors.is_young_person(child, by)
    if submission.text or submission.document_id:
        own = add_contribution(
            review=review,
            author_name=by.full_name,
            kind=ContributorKind.CHILD if young else ContributorKind.PARENT,
            text=submission.text or "Sent a document.",
            by=by,
            today=today,
        )
        if submission.document_id:
            own.documents.add(submission.document_id)
    if submission.child_text and not young:
        add_contribution(
            review=review,
            author_name=f"{child.full_name} (sent by {by.full_name})",
            kind=ContributorKind.CHILD,
            text=submission.child_text,
            by=by,
            today=today,
        )
    submission.review = review
    submission.save(update_fields=["review"])


def _message(thread: Thread, body: str, by: User, *, from_family: bool) -> Message:
    message = Message(thread=thread, body=body, from_family=from_family, author=by)
    message.full_clean(exclude=["thread", "author"])
    message.save()
    thread.last_message_at = message.sent_at
    thread.save(update_fields=["last_message_at"])
    return message


@transaction.atomic
def start_thread(*, child: Child, subject: str, body: str, by: User, today: date) -> Thread:
    subject, body = subject.strip(), body.strip()
    if not subject:
        raise SendHubError("Say what your message is about", field="subject")
    if not body:
        raise SendHubError("Write your message", field="body")
    thread = Thread(child=child, subject=subject[:150], started_by=by, last_message_at=timezone.now())
    thread.full_clean(exclude=["child", "started_by"])
    thread.save()
    _message(thread, body, by, from_family=True)
    _landed(thread, by, today, "The family sent a message")
    return thread


@transaction.atomic
def family_message(*, thread: Thread, body: str, by: User, today: date) -> Message:
    body = body.strip()
    if not body:
        raise SendHubError("Write your message", field="body")
    message = _message(thread, body, by, from_family=True)
    _landed(thread, by, today, "The family sent a message")
    return message


def _landed(thread: Thread, by: User, today: date, summary: str) -> None:
    add_timeline(thread.child, on=today, kind="family", summary=summary, by=by)
    record_event(actor=by, action="portal.message.sent", target=thread.child, data={"thread": thread.pk})
    if not thread.tasks.filter(done_at__isnull=True).exists():
        add_task(child=thread.child, title="Answer the family's message", today=today, thread=thread)
