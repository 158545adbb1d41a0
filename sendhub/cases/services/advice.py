"""Advisers answer the advice asked of them (reg 6(1)) from their inbox; the case officer sees it arrive.

Giving advice records it as received on the staff case (the milestone closes, the case's status is
recomputed) and keeps the text and/or the document. Declining keeps the reason. Either way the officer
gets an email that says only that something arrived, with a link: never the child's details.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.cases.models import AdviceRequest
from sendhub.cases.services import documents
from sendhub.cases.services.common import add_timeline
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError

ADVICE_REMINDER_WORKING_DAYS = 5


def _still_asked(advice: AdviceRequest) -> None:
    if advice.received_on is not None:
        raise CaseStateError("This advice has already been given")
    if advice.declined_on is not None:
        raise CaseStateError("This request for advice was declined")


@transaction.atomic
def give_advice(
    *, advice: AdviceRequest, text: str, upload: File[Any] | None, by: User, today: date
) -> AdviceRequest:
    """The adviser's advice, as text and/or a document, received today on the staff case."""
    _still_asked(advice)
    text = text.strip()
    if not text and upload is None:
        raise SendHubError("Write your advice or attach it as a document", field="text")
    document = documents.receive_advice(advice=advice, received_on=today, upload=upload, by=by, today=today)
    advice.advice_text = text
    advice.full_clean()
    advice.save(update_fields=["advice_text"])
    record_event(
        actor=by,
        action="cases.advice.given",
        target=advice.request,
        data={"advice": advice.pk, "text": bool(text), "document": document.pk if document else None},
    )
    _tell_officer(advice, "Advice has arrived for a child on your caseload.")
    return advice


@transaction.atomic
def decline_advice(*, advice: AdviceRequest, reason: str, by: User, today: date) -> AdviceRequest:
    """The adviser cannot give this advice (for example the child is not known to the service)."""
    _still_asked(advice)
    reason = reason.strip()
    if not reason:
        raise SendHubError("Say why you cannot give this advice", field="reason")
    advice.declined_on = max(today, advice.requested_on)
    advice.decline_reason = reason
    advice.full_clean()
    advice.save(update_fields=["declined_on", "decline_reason"])
    add_timeline(
        advice.request.child,
        on=advice.declined_on,
        kind="advice",
        summary=f"{advice.get_kind_display()} declined by {by.full_name}: {reason}",
        by=by,
    )
    record_event(actor=by, action="cases.advice.declined", target=advice.request, data={"advice": advice.pk})
    _tell_officer(
        advice, "An adviser has declined a request for advice on your caseload. Ask another adviser."
    )
    return advice


def _tell_officer(advice: AdviceRequest, what: str) -> None:
    officer = advice.request.child.officer
    if officer is None or not officer.email:
        return
    link = settings.SENDHUB_SITE_URL.rstrip("/") + reverse("cases:request_detail", args=[advice.request.pk])
    body = (
        f"Hello {officer.full_name},\n\n{what}\n\nSign in to see it:\n{link}\n\n"
        f"{settings.SENDHUB_SERVICE_NAME}"
    )
    EmailMessage(
        subject=f"{settings.SENDHUB_SERVICE_NAME}: advice update", body=body, to=[officer.email]
    ).send()


def remind_advice_due(today: date) -> int:
    """Email each adviser whose advice is due in 5 working days (run daily, so once per request).

    The email names no child: the adviser signs in to their inbox to see which request it is."""
    from sendhub.cases.models import RequestStatus
    from sendhub.lib.workdays import add_working_days

    due_on = add_working_days(today, ADVICE_REMINDER_WORKING_DAYS)
    waiting = (
        AdviceRequest.objects.filter(
            due=due_on,
            received_on__isnull=True,
            declined_on__isnull=True,
            request__status=RequestStatus.OPEN,
            adviser__is_active=True,
        )
        .exclude(adviser__email="")
        .select_related("adviser")
    )
    counts: dict[User, int] = {}
    for advice in waiting:
        if advice.adviser is None:  # excluded by the query; for the type checker
            continue
        counts[advice.adviser] = counts.get(advice.adviser, 0) + 1
    link = settings.SENDHUB_SITE_URL.rstrip("/") + reverse("cases:advice_inbox")
    for adviser, count in counts.items():
        asked = "1 request for advice is" if count == 1 else f"{count} requests for advice are"
        EmailMessage(
            subject=f"{settings.SENDHUB_SERVICE_NAME}: advice due on {due_on:%-d %B %Y}",
            body=(
                f"Hello {adviser.full_name},\n\n{asked} due on {due_on:%A %-d %B %Y}, in 5 working days.\n\n"
                f"See them in your inbox:\n{link}\n\n{settings.SENDHUB_SERVICE_NAME}"
            ),
            to=[adviser.email],
        ).send()
    return len(counts)
