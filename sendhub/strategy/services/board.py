"""Writes for the boards: meetings, and the decisions and actions recorded at them."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError
from sendhub.strategy.models import BoardItem, BoardMeeting, ItemKind


@transaction.atomic
def schedule_meeting(
    *, board: str, held_on: date, attendees: str, agenda: str, by: User | None
) -> BoardMeeting:
    if BoardMeeting.objects.filter(board=board, held_on=held_on).exists():
        raise CaseStateError("That board already meets on that day", field="held_on")
    meeting = BoardMeeting(board=board, held_on=held_on, attendees=attendees, agenda=agenda)
    meeting.full_clean()
    meeting.save()
    record_event(actor=by, action="strategy.meeting.scheduled", target=meeting, data={"board": board})
    return meeting


@transaction.atomic
def record_item(
    *, meeting: BoardMeeting, kind: str, text: str, owner: str = "", due: date | None = None, by: User | None
) -> BoardItem:
    if kind == ItemKind.ACTION and (not owner or due is None):
        raise CaseStateError("An action needs an owner and a due date", field="owner" if not owner else "due")
    item = BoardItem(meeting=meeting, kind=kind, text=text, owner=owner, due=due)
    item.full_clean()
    item.save()
    record_event(
        actor=by, action="strategy.board_item.recorded", target=meeting, data={"item": item.pk, "kind": kind}
    )
    return item


@transaction.atomic
def complete_item(*, item: BoardItem, completed_on: date, by: User | None) -> BoardItem:
    if item.kind != ItemKind.ACTION:
        raise CaseStateError("Only an action can be completed")
    if item.completed_on is not None:
        raise CaseStateError("This action is already complete")
    if completed_on < item.meeting.held_on:
        raise CaseStateError(
            "An action cannot be completed before the meeting that agreed it", field="completed_on"
        )
    item.completed_on = completed_on
    item.full_clean()
    item.save(update_fields=["completed_on"])
    record_event(
        actor=by, action="strategy.board_item.completed", target=item.meeting, data={"item": item.pk}
    )
    return item
