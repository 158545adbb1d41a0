"""Strategy pages that change or remove what was recorded: an action, an update and its evidence, a
partner's value, a board meeting and its items. Each form carries the version it was opened at; a removal
asks first and is soft (kept for the audit). Every page here is `core.steps.step` over one service of
`services.editing`: the checks live there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.steps import Done, step
from sendhub.lib.dates import long_date
from sendhub.strategy import selectors
from sendhub.strategy.forms.edit import (
    ActionEditForm,
    ItemEditForm,
    MeetingEditForm,
    ReasonedRemoveForm,
    RemoveForm,
    UpdateEditForm,
    ValueEditForm,
)
from sendhub.strategy.services import editing
from sendhub.strategy.services.measures import ValueInput, can_enter


def _initial(row: Any, names: list[str]) -> dict[str, Any]:
    """What an edit form opens with: the row's fields and the version it was read at."""
    return {"version": row.version, **{name: getattr(row, name) for name in names}}


def _change(
    request: AuthenticatedHttpRequest,
    form_class: type[Any],
    initial: dict[str, Any],
    save: Callable[[dict[str, Any]], Any],
    *,
    template: str,
    context: dict[str, Any],
    done: Done,
    success: str,
) -> HttpResponse:
    form = form_class(request.POST or None, initial=initial)
    return step(request, form, save, template=template, context=context, done=done, success=success)


def _removal(
    request: AuthenticatedHttpRequest,
    *,
    what: str,
    back: str,
    version: int,
    remove: Callable[..., None],
    reason: bool = False,
) -> HttpResponse:
    """The "are you sure" page and its POST: `remove(version=..., [reason=...])` does the soft removal."""
    form = (ReasonedRemoveForm if reason else RemoveForm)(request.POST or None, initial={"version": version})
    return step(
        request,
        form,
        lambda d: remove(**d),
        template="strategy/remove.html",
        context={"what": what, "back": back},
        done=back,
        success=f"Removed {what}",
    )


UPDATE_FIELDS = ["reported_on", "delivery", "progress", "next_steps", "evidence"]
VALUE_FIELDS = ["period_start", "period_end", "value", "numerator", "denominator", "source"]
ITEM_FIELDS = ["kind", "text", "owner", "due"]
ACTION_FIELDS = ["title", "owner", "partners", "outcome", "success_criteria", "expected_impact"]
MEETING_FIELDS = ["board", "held_on", "attendees", "agenda"]


@requires("strategy.manage_plan")
def update_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    update = selectors.get_update(pk)
    return _change(
        request,
        UpdateEditForm,
        _initial(update, UPDATE_FIELDS),
        lambda d: editing.change_update(update=update, by=request.user, **d),
        template="strategy/update_edit.html",
        context={"update": update},
        done=update.action,
        success=f"Update to action {update.action.number} changed",
    )


@requires("strategy.manage_plan")
def update_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    update = selectors.get_update(pk)
    return _removal(
        request,
        what=f"the update of {long_date(update.reported_on)} to action {update.action.number}",
        back=update.action.get_absolute_url(),
        version=update.version,
        remove=lambda **d: editing.remove_update(update=update, by=request.user, **d),
    )


@requires("strategy.manage_plan")
def evidence_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = selectors.get_evidence(pk)
    return _removal(
        request,
        what=f"the document \u201c{document.title}\u201d from the update of {long_date(document.update.reported_on)}",
        back=document.update.action.get_absolute_url(),
        version=document.version,
        remove=lambda **d: editing.remove_evidence(document=document, by=request.user, **d),
        reason=True,
    )


def _enterable_value(request: AuthenticatedHttpRequest, pk: int) -> Any:
    value = selectors.get_value_for_user(request.user, pk)
    if not can_enter(request.user, value.measure):
        raise PermissionDenied
    return value


@requires("strategy.enter_partner_measures")
def value_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    value = _enterable_value(request, pk)

    initial = _initial(value, VALUE_FIELDS) | ({"value": None} if value.denominator else {})

    def save(cleaned: dict[str, Any]) -> Any:
        data = dict(cleaned)
        version = data.pop("version")
        return editing.change_value(value=value, version=version, by=request.user, entry=ValueInput(**data))

    return _change(
        request,
        ValueEditForm,
        initial,
        save,
        template="strategy/value_edit.html",
        context={"value": value},
        done=value.measure,
        success=f"Value changed for {value.measure.name}",
    )


@requires("strategy.enter_partner_measures")
def value_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    value = _enterable_value(request, pk)
    return _removal(
        request,
        what=f"the value of {value.measure.name} for {selectors.period_label(value.period_start, value.period_end)}",
        back=value.measure.get_absolute_url(),
        version=value.version,
        remove=lambda **d: editing.remove_value(value=value, by=request.user, **d),
    )


@requires("strategy.manage_board")
def item_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_board_item(pk)
    return _change(
        request,
        ItemEditForm,
        _initial(item, ITEM_FIELDS),
        lambda d: editing.change_item(item=item, by=request.user, **d),
        template="strategy/item_edit.html",
        context={"item": item},
        done=item.meeting,
        success="Decision or action changed",
    )


@requires("strategy.manage_board")
def item_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_board_item(pk)
    return _removal(
        request,
        what=f"the {item.get_kind_display().lower()} \u201c{item.text[:60]}\u201d",
        back=item.meeting.get_absolute_url(),
        version=item.version,
        remove=lambda **d: editing.remove_item(item=item, by=request.user, **d),
    )


@requires("strategy.manage_plan")
def action_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action(pk)
    return _change(
        request,
        ActionEditForm,
        _initial(action, ACTION_FIELDS),
        lambda d: editing.change_action(action=action, by=request.user, **d),
        template="strategy/action_edit.html",
        context={"action": action},
        done=action,
        success=f"Action {action.number} changed",
    )


@requires("strategy.manage_plan")
def action_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action(pk)
    return _removal(
        request,
        what=f"action {action.number} from the {action.plan.year} plan",
        back=f"{reverse('strategy:action_list')}?year={action.plan.year}",
        version=action.version,
        remove=lambda **d: editing.remove_action(action=action, by=request.user, **d),
        reason=True,
    )


@requires("strategy.manage_board")
def meeting_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk)
    return _change(
        request,
        MeetingEditForm,
        _initial(meeting, MEETING_FIELDS),
        lambda d: editing.change_meeting(meeting=meeting, by=request.user, **d),
        template="strategy/meeting_edit.html",
        context={"meeting": meeting},
        done=meeting,
        success="Meeting changed",
    )


@requires("strategy.manage_board")
def meeting_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk)
    return _removal(
        request,
        what=f"the {meeting} meeting, with its decisions and actions",
        back=meeting.list_url(),
        version=meeting.version,
        remove=lambda **d: editing.remove_meeting(meeting=meeting, by=request.user, **d),
    )
