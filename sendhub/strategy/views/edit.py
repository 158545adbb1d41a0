"""Strategy pages that change or remove what was recorded: an action, an update and its evidence, a
partner's value, a board meeting and its items. Each form carries the version it was opened at; a removal
asks first and is soft (kept for the audit). Every page here is declared with `views._pages.editor` or
`remover`, each `core.steps.step` over one service of `services.editing`, where the checks live."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sendhub.core.access import AuthenticatedHttpRequest
from sendhub.lib.dates import long_date
from sendhub.strategy.forms.edit import (
    ActionEditForm,
    ItemEditForm,
    MeetingEditForm,
    UpdateEditForm,
    ValueEditForm,
)
from sendhub.strategy.selectors.board import get_board_item, get_meeting
from sendhub.strategy.selectors.measures import get_value_for_user, period_label
from sendhub.strategy.selectors.plan import get_action, get_evidence, get_update
from sendhub.strategy.services import editing
from sendhub.strategy.services.measures import ValueInput, can_enter
from sendhub.strategy.views._pages import Row, by_pk, editor, remover


def _enterable_value(request: AuthenticatedHttpRequest, pk: int) -> Row:
    value = get_value_for_user(request.user, pk)
    if not can_enter(request.user, value.measure):
        raise PermissionDenied
    return value


def _change_value(*, row: Row, by: Any, version: int, **entry: Any) -> Any:
    """The form's fields are the entry's (one of them named `value`, hence `row` for the record)."""
    return editing.change_value(value=row, version=version, by=by, entry=ValueInput(**entry))


MANAGE_PLAN, MANAGE_BOARD, ENTER = (
    "strategy.manage_plan",
    "strategy.manage_board",
    "strategy.enter_partner_measures",
)

action_edit = editor(
    MANAGE_PLAN,
    by_pk(get_action),
    ActionEditForm,
    ["title", "owner", "partners", "outcome", "success_criteria", "expected_impact"],
    editing.change_action,
    name="action",
    done=lambda action: action,
    success=lambda action: f"Action {action.number} changed",
)
action_remove = remover(
    MANAGE_PLAN,
    by_pk(get_action),
    editing.remove_action,
    name="action",
    what=lambda action: f"action {action.number} from the {action.plan.year} plan",
    back=lambda action: f"{reverse('strategy:action_list')}?year={action.plan.year}",
    reason=True,
)
update_edit = editor(
    MANAGE_PLAN,
    by_pk(get_update),
    UpdateEditForm,
    ["reported_on", "delivery", "progress", "next_steps", "evidence"],
    editing.change_update,
    name="update",
    done=lambda update: update.action,
    success=lambda update: f"Update to action {update.action.number} changed",
)
update_remove = remover(
    MANAGE_PLAN,
    by_pk(get_update),
    editing.remove_update,
    name="update",
    what=lambda u: f"the update of {long_date(u.reported_on)} to action {u.action.number}",
    back=lambda update: update.action.get_absolute_url(),
)
evidence_remove = remover(
    MANAGE_PLAN,
    by_pk(get_evidence),
    editing.remove_evidence,
    name="document",
    what=lambda d: f"the document \u201c{d.title}\u201d from the update of {long_date(d.update.reported_on)}",
    back=lambda document: document.update.action.get_absolute_url(),
    reason=True,
)
value_edit = editor(
    ENTER,
    _enterable_value,
    ValueEditForm,
    ["period_start", "period_end", "value", "numerator", "denominator", "source"],
    _change_value,
    name="value",
    done=lambda value: value.measure,
    success=lambda value: f"Value changed for {value.measure.name}",
    initial=lambda value: {"value": None} if value.denominator else {},  # a fraction's value is worked out
    keyword="row",
)
value_remove = remover(
    ENTER,
    _enterable_value,
    editing.remove_value,
    name="value",
    what=lambda v: f"the value of {v.measure.name} for {period_label(v.period_start, v.period_end)}",
    back=lambda value: value.measure.get_absolute_url(),
)
item_edit = editor(
    MANAGE_BOARD,
    by_pk(get_board_item),
    ItemEditForm,
    ["kind", "text", "owner", "due"],
    editing.change_item,
    name="item",
    done=lambda item: item.meeting,
    success=lambda item: "Decision or action changed",
)
item_remove = remover(
    MANAGE_BOARD,
    by_pk(get_board_item),
    editing.remove_item,
    name="item",
    what=lambda item: f"the {item.get_kind_display().lower()} \u201c{item.text[:60]}\u201d",
    back=lambda item: item.meeting.get_absolute_url(),
)
meeting_edit = editor(
    MANAGE_BOARD,
    by_pk(get_meeting),
    MeetingEditForm,
    ["board", "held_on", "attendees", "agenda"],
    editing.change_meeting,
    name="meeting",
    done=lambda meeting: meeting,
    success=lambda meeting: "Meeting changed",
)
meeting_remove = remover(
    MANAGE_BOARD,
    by_pk(get_meeting),
    editing.remove_meeting,
    name="meeting",
    what=lambda meeting: f"the {meeting} meeting, with its decisions and actions",
    back=lambda meeting: meeting.list_url(),
)
