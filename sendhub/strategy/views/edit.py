"""Strategy pages that change or remove what was recorded: an update, a partner's value, a board item.
Each form carries the version it was opened at; a removal asks first and is soft (kept for the audit).
Thin views: the checks are in `services.editing`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.strategy import selectors
from sendhub.strategy.forms.edit import (
    ActionEditForm,
    ItemEditForm,
    MeetingEditForm,
    RemoveForm,
    UpdateEditForm,
    ValueEditForm,
)
from sendhub.strategy.services import editing
from sendhub.strategy.services.measures import ValueInput, can_enter


def _removal(
    request: AuthenticatedHttpRequest, *, what: str, back: str, version: int, remove: Any
) -> HttpResponse:
    """The "are you sure" page and its POST: `remove(version=...)` does the soft removal."""
    form = RemoveForm(request.POST or None, initial={"version": version})
    if request.method == "POST" and form.is_valid():
        try:
            remove(version=form.cleaned_data["version"])
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, f"Removed {what}")
            return redirect(back)
    return render(request, "strategy/remove.html", {"form": form, "what": what, "back": back})


@requires("strategy.manage_plan")
def update_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    update = selectors.get_update(pk)
    initial = {
        "version": update.version,
        "reported_on": update.reported_on,
        "delivery": update.delivery,
        "progress": update.progress,
        "next_steps": update.next_steps,
        "evidence": update.evidence,
    }
    form = UpdateEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            editing.change_update(update=update, by=request.user, **data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, f"Update to action {update.action.number} changed")
            return redirect(update.action)
    return render(request, "strategy/update_edit.html", {"update": update, "form": form})


@requires("strategy.manage_plan")
def update_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    update = selectors.get_update(pk)
    return _removal(
        request,
        what=f"the update of {update.reported_on:%-d %B %Y} to action {update.action.number}",
        back=update.action.get_absolute_url(),
        version=update.version,
        remove=lambda version: editing.remove_update(update=update, version=version, by=request.user),
    )


def _enterable_value(request: AuthenticatedHttpRequest, pk: int) -> Any:
    value = selectors.get_value_for_user(request.user, pk)
    if not can_enter(request.user, value.measure):
        raise PermissionDenied
    return value


@requires("strategy.enter_partner_measures")
def value_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    value = _enterable_value(request, pk)
    initial = {
        "version": value.version,
        "period_start": value.period_start,
        "period_end": value.period_end,
        "value": None if value.denominator else value.value,
        "numerator": value.numerator,
        "denominator": value.denominator,
        "source": value.source,
    }
    form = ValueEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            editing.change_value(value=value, version=version, by=request.user, entry=ValueInput(**data))
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, f"Value changed for {value.measure.name}")
            return redirect(value.measure)
    return render(request, "strategy/value_edit.html", {"value": value, "form": form})


@requires("strategy.enter_partner_measures")
def value_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    value = _enterable_value(request, pk)
    return _removal(
        request,
        what=f"the value of {value.measure.name} for {selectors.period_label(value.period_start, value.period_end)}",
        back=value.measure.get_absolute_url(),
        version=value.version,
        remove=lambda version: editing.remove_value(value=value, version=version, by=request.user),
    )


@requires("strategy.manage_board")
def item_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_board_item(pk)
    initial = {
        "version": item.version,
        "kind": item.kind,
        "text": item.text,
        "owner": item.owner,
        "due": item.due,
    }
    form = ItemEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.change_item(item=item, by=request.user, **form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "Decision or action changed")
            return redirect(item.meeting)
    return render(request, "strategy/item_edit.html", {"item": item, "form": form})


@requires("strategy.manage_board")
def item_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_board_item(pk)
    return _removal(
        request,
        what=f"the {item.get_kind_display().lower()} \u201c{item.text[:60]}\u201d",
        back=item.meeting.get_absolute_url(),
        version=item.version,
        remove=lambda version: editing.remove_item(item=item, version=version, by=request.user),
    )


ACTION_FIELDS = ["title", "owner", "partners", "outcome", "success_criteria", "expected_impact"]


@requires("strategy.manage_plan")
def action_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action(pk)
    initial = {"version": action.version, **{name: getattr(action, name) for name in ACTION_FIELDS}}
    form = ActionEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.change_action(action=action, by=request.user, **form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, f"Action {action.number} changed")
            return redirect(action)
    return render(request, "strategy/action_edit.html", {"action": action, "form": form})


@requires("strategy.manage_board")
def meeting_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk)
    initial = {
        "version": meeting.version,
        "board": meeting.board,
        "held_on": meeting.held_on,
        "attendees": meeting.attendees,
        "agenda": meeting.agenda,
    }
    form = MeetingEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.change_meeting(meeting=meeting, by=request.user, **form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "Meeting changed")
            return redirect(meeting)
    return render(request, "strategy/meeting_edit.html", {"meeting": meeting, "form": form})


@requires("strategy.manage_board")
def meeting_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk)
    return _removal(
        request,
        what=f"the {meeting} meeting, with its decisions and actions",
        back=reverse("strategy:meeting_list"),
        version=meeting.version,
        remove=lambda version: editing.remove_meeting(meeting=meeting, version=version, by=request.user),
    )
