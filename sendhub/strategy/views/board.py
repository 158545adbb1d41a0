"""Strategy pages of the boards: each board's meetings and open actions, a meeting's pack (HTML and PDF),
its decisions and actions. Thin views."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.steps import step
from sendhub.strategy.appendix_b import HEADER as APPENDIX_HEADER
from sendhub.strategy.forms import (
    CompleteItemForm,
    ItemForm,
    MeetingForm,
)
from sendhub.strategy.pack_pdf import render_pack_pdf
from sendhub.strategy.selectors.board import board_pack, board_page, get_board_item, get_meeting
from sendhub.strategy.services import board as board_services
from sendhub.strategy.views._pages import by_pk, recorder


def _board_meetings(request: AuthenticatedHttpRequest, board: str) -> HttpResponse:
    return render(
        request,
        "strategy/meeting_list.html",
        {
            "page": board_page(board, timezone.localdate()),
            "can_manage": request.user.has_perm("strategy.manage_board"),
        },
    )


@requires("strategy.view_board")
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _board_meetings(request, "inclusion")


@requires("strategy.view_board")
def qa_meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _board_meetings(request, "quality")


@requires("strategy.manage_board")
def meeting_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None, initial={"board": request.GET.get("board", "inclusion")})
    return step(
        request,
        form,
        lambda d: board_services.schedule_meeting(by=request.user, **d),
        template="strategy/meeting_create.html",
        context={},
        done=redirect,
    )


@requires("strategy.view_board")
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    pack = board_pack(meeting, timezone.localdate())
    return render(
        request,
        "strategy/meeting_detail.html",
        {
            "meeting": meeting,
            "pack": pack,
            "appendix_header": APPENDIX_HEADER,
            "can_manage": request.user.has_perm("strategy.manage_board"),
            "complete_form": CompleteItemForm(initial={"completed_on": timezone.localdate()}),
        },
    )


@requires("strategy.view_board")
def meeting_pack_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    pdf = render_pack_pdf(board_pack(meeting, timezone.localdate()))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="board-pack-{meeting.held_on:%Y-%m-%d}.pdf"'
    return response


@post_only("strategy.manage_board")
def item_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_board_item(pk)
    form = CompleteItemForm(request.POST)
    if form.is_valid():
        try:
            board_services.complete_item(item=item, by=request.user, **form.cleaned_data)
        except SendHubError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, "Enter the date the action was completed")
    return redirect(item.meeting)


item_create = recorder(
    "strategy.manage_board",
    by_pk(get_meeting),
    ItemForm,
    board_services.record_item,
    name="meeting",
    template="strategy/item_create.html",
    done=lambda meeting: meeting,
)
