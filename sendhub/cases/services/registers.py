"""Mediation and tribunal appeals, and transfers between authorities."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.models import Appeal, AppealOutcome, AreaTransfer, Child
from sendhub.cases.services.common import add_timeline
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError


@transaction.atomic
def record_appeal(
    *, child: Child, kind: str, subject: str, lodged: date, by: User, notes: str = ""
) -> Appeal:
    appeal = Appeal(child=child, kind=kind, subject=subject, lodged=lodged, notes=notes)
    appeal.full_clean()
    appeal.save()
    add_timeline(child, on=lodged, kind="appeal", summary=f"{appeal.get_kind_display()} lodged", by=by)
    record_event(
        actor=by, action="cases.appeal.lodged", target=child, data={"appeal": appeal.pk, "kind": kind}
    )
    return appeal


@transaction.atomic
def record_appeal_outcome(*, appeal: Appeal, outcome: str, outcome_date: date, by: User) -> Appeal:
    if appeal.outcome != AppealOutcome.PENDING:
        raise CaseStateError("The outcome of this appeal has already been recorded")
    appeal.outcome, appeal.outcome_date = outcome, outcome_date
    appeal.full_clean()
    appeal.save(update_fields=["outcome", "outcome_date"])
    add_timeline(
        appeal.child,
        on=outcome_date,
        kind="appeal",
        summary=f"{appeal.get_kind_display()}: {appeal.get_outcome_display().lower()}",
        by=by,
    )
    record_event(
        actor=by,
        action="cases.appeal.outcome",
        target=appeal.child,
        data={"appeal": appeal.pk, "outcome": outcome},
    )
    return appeal


@transaction.atomic
def record_transfer(
    *,
    child: Child,
    direction: str,
    other_la: str,
    notified_on: date,
    by: User,
    transferred_on: date | None = None,
    notes: str = "",
) -> AreaTransfer:
    transfer = AreaTransfer(
        child=child,
        direction=direction,
        other_la=other_la,
        notified_on=notified_on,
        transferred_on=transferred_on,
        notes=notes,
    )
    transfer.full_clean()
    transfer.save()
    add_timeline(
        child,
        on=notified_on,
        kind="transfer",
        summary=f"Transfer {transfer.get_direction_display().lower()}",
        by=by,
    )
    record_event(
        actor=by,
        action="cases.transfer.recorded",
        target=child,
        data={"direction": direction, "la": other_la},
    )
    return transfer
