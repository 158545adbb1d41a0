"""Changing and removing what was recorded: an action's own words, its update, a partner's value, a board
meeting and its decisions and actions. Each write checks the version the form was opened at (someone else's change in between is
refused, not overwritten), is audited with the fields it changed, and a removal is soft: the row stays,
marked `removed_at`, and every page, pack and report leaves it out."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError, StaleObjectError
from sendhub.strategy.models import (
    Action,
    BoardItem,
    BoardMeeting,
    ItemKind,
    PartnerMeasureValue,
    Update,
    UpdateEvidence,
)
from sendhub.strategy.rules import Delivery, rag_status
from sendhub.strategy.services.measures import ValueInput, _checked_value, can_enter

M = TypeVar("M", bound=models.Model)


def _locked(model: type[M], pk: int, version: int) -> M:
    """The live row, locked for the write; StaleObjectError if it changed (or went) since the form opened."""
    row = model.objects.select_for_update().filter(pk=pk).first()  # type: ignore[attr-defined] # every model here has the live manager
    if row is None or row.version != version:
        raise StaleObjectError()
    return row


def _save(row: Any, fields: dict[str, Any]) -> list[str]:
    changed = [name for name, value in fields.items() if getattr(row, name) != value]
    for name, value in fields.items():
        setattr(row, name, value)
    row.version += 1
    row.full_clean()
    row.save()
    return changed


@transaction.atomic
def change_update(
    *,
    update: Update,
    version: int,
    by: User,
    reported_on: date,
    delivery: str,
    progress: str,
    next_steps: str = "",
    evidence: str = "",
) -> Update:
    row = _locked(Update, update.pk, version)
    status = rag_status(delivery=Delivery(delivery), due=row.action.due, today=reported_on)
    changed = _save(
        row,
        {
            "reported_on": reported_on,
            "delivery": delivery,
            "rag": status.rag,
            "rag_reason": status.reason,
            "progress": progress,
            "next_steps": next_steps,
            "evidence": evidence,
        },
    )
    record_event(
        actor=by,
        action="strategy.update.changed",
        target=row.action,
        data={"update": row.pk, "fields": changed},
    )
    return row


@transaction.atomic
def remove_update(*, update: Update, version: int, by: User) -> None:
    row = _locked(Update, update.pk, version)
    _save(row, {"removed_at": timezone.now()})
    record_event(actor=by, action="strategy.update.removed", target=row.action, data={"update": row.pk})


@transaction.atomic
def change_value(
    *, value: PartnerMeasureValue, version: int, by: User, entry: ValueInput
) -> PartnerMeasureValue:
    if not can_enter(by, value.measure):
        raise PermissionDenied
    row = _locked(PartnerMeasureValue, value.pk, version)
    clash = PartnerMeasureValue.objects.filter(
        measure=row.measure, period_start=entry.period_start, period_end=entry.period_end
    ).exclude(pk=row.pk)
    if clash.exists():
        raise SendHubError(f"{row.measure.name} already has a value for that period", field="period_start")
    changed = _save(
        row,
        {
            "period_start": entry.period_start,
            "period_end": entry.period_end,
            "value": _checked_value(row.measure, entry),
            "numerator": entry.numerator,
            "denominator": entry.denominator,
            "source": entry.source,
        },
    )
    record_event(
        actor=by,
        action="strategy.partner_value.changed",
        target=row.measure,
        data={"value": row.pk, "fields": changed},
    )
    return row


@transaction.atomic
def remove_value(*, value: PartnerMeasureValue, version: int, by: User) -> None:
    if not can_enter(by, value.measure):
        raise PermissionDenied
    row = _locked(PartnerMeasureValue, value.pk, version)
    _save(row, {"removed_at": timezone.now()})
    record_event(
        actor=by, action="strategy.partner_value.removed", target=row.measure, data={"value": row.pk}
    )


@transaction.atomic
def change_item(
    *, item: BoardItem, version: int, by: User, kind: str, text: str, owner: str = "", due: date | None = None
) -> BoardItem:
    if kind == ItemKind.ACTION and (not owner or due is None):
        raise CaseStateError("An action needs an owner and a due date", field="owner" if not owner else "due")
    row = _locked(BoardItem, item.pk, version)
    if kind == ItemKind.DECISION and row.completed_on is not None:
        raise CaseStateError("A completed action cannot become a decision", field="kind")
    changed = _save(row, {"kind": kind, "text": text, "owner": owner, "due": due})
    record_event(
        actor=by,
        action="strategy.board_item.changed",
        target=row.meeting,
        data={"item": row.pk, "fields": changed},
    )
    return row


@transaction.atomic
def remove_item(*, item: BoardItem, version: int, by: User) -> None:
    row = _locked(BoardItem, item.pk, version)
    _save(row, {"removed_at": timezone.now()})
    record_event(actor=by, action="strategy.board_item.removed", target=row.meeting, data={"item": row.pk})


@transaction.atomic
def change_action(
    *,
    action: Action,
    version: int,
    by: User,
    title: str,
    owner: str = "",
    partners: str = "",
    outcome: str = "",
    success_criteria: str = "",
    expected_impact: str = "",
) -> Action:
    """The action's own words (its number, priority, steps and by-when stay as the plan has them)."""
    row = _locked(Action, action.pk, version)
    changed = _save(
        row,
        {
            "title": title,
            "owner": owner,
            "partners": partners,
            "outcome": outcome,
            "success_criteria": success_criteria,
            "expected_impact": expected_impact,
        },
    )
    record_event(actor=by, action="strategy.action.changed", target=row, data={"fields": changed})
    return row


@transaction.atomic
def change_meeting(
    *, meeting: BoardMeeting, version: int, by: User, board: str, held_on: date, attendees: str, agenda: str
) -> BoardMeeting:
    row = _locked(BoardMeeting, meeting.pk, version)
    if BoardMeeting.objects.filter(board=board, held_on=held_on).exclude(pk=row.pk).exists():
        raise CaseStateError("That board already meets on that day", field="held_on")
    changed = _save(row, {"board": board, "held_on": held_on, "attendees": attendees, "agenda": agenda})
    record_event(actor=by, action="strategy.meeting.changed", target=row, data={"fields": changed})
    return row


@transaction.atomic
def remove_meeting(*, meeting: BoardMeeting, version: int, by: User) -> None:
    """The meeting, its decisions and actions leave every page and pack (its actions leave the open log)."""
    row = _locked(BoardMeeting, meeting.pk, version)
    _save(row, {"removed_at": timezone.now()})
    record_event(actor=by, action="strategy.meeting.removed", target=row, data={"board": row.board})


@transaction.atomic
def remove_action(*, action: Action, version: int, by: User, reason: str) -> None:
    """The action leaves the plan list, the packs, the progress report and the export; its updates and
    the reason stay for the audit. A carried action links two years' history, so it stays."""
    row = _locked(Action, action.pk, version)
    if row.carried_from_id is not None or Action.with_removed.filter(carried_from=row).exists():
        raise CaseStateError(
            f"Action {row.number} links two years of the plan (it was carried forward): it cannot be removed"
        )
    if not reason.strip():
        raise SendHubError("Enter why the action is being removed", field="reason")
    _save(row, {"removed_at": timezone.now(), "removed_reason": reason.strip()})
    record_event(
        actor=by,
        action="strategy.action.removed",
        target=row,
        data={"number": row.number, "plan": row.plan.year, "reason": row.removed_reason},
    )


@transaction.atomic
def remove_evidence(*, document: UpdateEvidence, version: int, by: User, reason: str) -> None:
    """The document leaves the action page and can no longer be opened; the stored file and the row stay
    (checksum included) for the audit."""
    row = _locked(UpdateEvidence, document.pk, version)
    if not reason.strip():
        raise SendHubError("Enter why the document is being removed", field="reason")
    _save(row, {"removed_at": timezone.now(), "removed_reason": reason.strip()})
    record_event(
        actor=by,
        action="strategy.evidence.removed",
        target=row.update.action,
        data={"update": row.update_id, "document": row.pk, "title": row.title, "reason": row.removed_reason},
    )
