"""Complaints through the LGSCO stages, and compliments."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, StaleObjectError
from sendhub.voice import rules
from sendhub.voice.models import Complaint, ComplaintStatus, Compliment, Contact


class ComplaintAction(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    STAGE_1_RESPONSE = "stage_1_response"
    ESCALATE = "escalate"
    STAGE_2_RESPONSE = "stage_2_response"
    CLOSE = "close"


# Which actions each status allows, and the status each leads to.
ALLOWED: dict[str, dict[ComplaintAction, str]] = {
    ComplaintStatus.RECEIVED: {ComplaintAction.ACKNOWLEDGE: ComplaintStatus.STAGE_1},
    ComplaintStatus.STAGE_1: {ComplaintAction.STAGE_1_RESPONSE: ComplaintStatus.STAGE_1_DONE},
    ComplaintStatus.STAGE_1_DONE: {
        ComplaintAction.ESCALATE: ComplaintStatus.STAGE_2,
        ComplaintAction.CLOSE: ComplaintStatus.CLOSED,
    },
    ComplaintStatus.STAGE_2: {ComplaintAction.STAGE_2_RESPONSE: ComplaintStatus.CLOSED},
    ComplaintStatus.CLOSED: {},
}


@transaction.atomic
def open_complaint(*, contact: Contact, received_on: date, by: User | None) -> Complaint:
    if Complaint.objects.filter(contact=contact).exists():
        raise CaseStateError(f"{contact.reference} already has a complaint")
    complaint = Complaint(
        contact=contact,
        received_on=received_on,
        acknowledge_due=rules.complaint_step_due(rules.ComplaintStep.ACKNOWLEDGE, received_on),
        handler=by,
    )
    complaint.full_clean()
    complaint.save()
    record_event(
        actor=by, action="voice.complaint.opened", target=complaint, data={"reference": contact.reference}
    )
    return complaint


@transaction.atomic
def advance_complaint(
    *,
    complaint: Complaint,
    action: str,
    on: date,
    by: User,
    version: int,
    outcome: str = "",
    learning: str = "",
) -> Complaint:
    """Record the next step of a complaint; each step sets the due date of the one after it."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.version != version:
        raise StaleObjectError()
    step = ComplaintAction(action)
    if step not in ALLOWED[complaint.status]:
        raise CaseStateError(f"A complaint at '{complaint.get_status_display()}' cannot be moved that way")
    if on < complaint.received_on:
        raise CaseStateError("The date cannot be before the complaint was received", field="on")
    needs_outcome = {
        ComplaintAction.STAGE_1_RESPONSE,
        ComplaintAction.STAGE_2_RESPONSE,
        ComplaintAction.CLOSE,
    }
    if step in needs_outcome and not outcome and not complaint.outcome:
        raise CaseStateError("Choose the outcome of the complaint")
    if step == ComplaintAction.ACKNOWLEDGE:
        complaint.acknowledged_on = on
        complaint.stage1_due = rules.complaint_step_due(rules.ComplaintStep.STAGE_1, on)
    elif step == ComplaintAction.STAGE_1_RESPONSE:
        complaint.stage1_responded_on = on
    elif step == ComplaintAction.ESCALATE:
        complaint.escalated_on = on
        complaint.stage2_due = rules.complaint_step_due(rules.ComplaintStep.STAGE_2, on)
    elif step == ComplaintAction.STAGE_2_RESPONSE:
        complaint.stage2_responded_on = on
    complaint.outcome = outcome or complaint.outcome
    complaint.learning = learning or complaint.learning
    complaint.status = ALLOWED[complaint.status][step]
    complaint.version += 1
    complaint.full_clean()
    complaint.save()
    record_event(
        actor=by,
        action=f"voice.complaint.{step.value}",
        target=complaint,
        data={"on": on.isoformat(), "outcome": outcome},
    )
    return complaint


@transaction.atomic
def log_compliment(
    *, received_on: date, channel: str, about: str, summary: str, by: User, shared_with_team: bool = False
) -> Compliment:
    compliment = Compliment(
        received_on=received_on,
        channel=channel,
        about=about,
        summary=summary,
        shared_with_team=shared_with_team,
        logged_by=by,
    )
    compliment.full_clean()
    compliment.save()
    record_event(actor=by, action="voice.compliment.logged", target=compliment)
    return compliment
