"""Reads for the boards: each board's meetings and open actions, and a meeting's pack. Selectors take `today`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from sendhub.strategy.appendix_b import AppendixTable, appendix_b_tables
from sendhub.strategy.models import (
    BOARD_LIST_URLS,
    BoardItem,
    BoardKind,
    BoardMeeting,
    ItemKind,
    Plan,
)
from sendhub.strategy.selectors.measures import MeasureTrend, off_target_measures
from sendhub.strategy.selectors.plan import PriorityStatus, plan_status, plans


@dataclass
class BoardPack:
    meeting: BoardMeeting
    plan: Plan | None
    today: date
    priorities: list[PriorityStatus]
    off_target: list[MeasureTrend]
    decisions: list[BoardItem]
    actions: list[BoardItem]
    open_actions: list[BoardItem]
    appendix_b: list[AppendixTable] = field(default_factory=list)


def board_pack(meeting: BoardMeeting, today: date) -> BoardPack:
    """What the board reads: the plan's status by priority as at the meeting (or today, before it), the
    measures off target, this meeting's decisions and actions, and every action of this board still open.

    The plan is the latest one with an update by then: January's board reviews last year's plan."""
    today = min(today, meeting.held_on)
    candidates = plans().filter(year__lte=meeting.held_on.year)
    plan = (
        candidates.filter(actions__removed_at__isnull=True, actions__updates__reported_on__lte=today).first()
        or candidates.first()
    )
    items = list(meeting.items.order_by("pk"))
    open_actions = open_board_actions(meeting.board)
    return BoardPack(
        meeting=meeting,
        plan=plan,
        today=today,
        priorities=plan_status(plan, today) if plan else [],
        off_target=off_target_measures(plan, today) if plan else [],
        decisions=[i for i in items if i.kind == ItemKind.DECISION],
        actions=[i for i in items if i.kind == ItemKind.ACTION],
        open_actions=open_actions,
        appendix_b=appendix_b_tables(),
    )


def meetings(board: str | None = None) -> QuerySet[BoardMeeting]:
    qs = BoardMeeting.objects.order_by("-held_on", "-pk")
    return qs.filter(board=board) if board else qs


def open_board_actions(board: str) -> list[BoardItem]:
    """Every action a board agreed that is not yet complete, soonest due first (its removed meetings'
    actions left out): the board's log, on its page and in each of its packs."""
    return list(
        BoardItem.objects.filter(
            meeting__board=board,
            meeting__removed_at__isnull=True,
            kind=ItemKind.ACTION,
            completed_on__isnull=True,
        )
        .select_related("meeting")
        .order_by("due", "pk")
    )


@dataclass
class BoardPage:
    board: str
    title: str
    meetings: list[BoardMeeting]
    open_actions: list[BoardItem]
    today: date
    other_boards: list[tuple[str, str]]  # (name, URL) of the other boards' pages


def board_page(board: str, today: date) -> BoardPage:
    if board not in BoardKind.values:
        raise Http404
    return BoardPage(
        board=board,
        title=BoardKind(board).label,
        meetings=list(meetings(board)),
        open_actions=open_board_actions(board),
        today=today,
        other_boards=[(b.label, reverse(BOARD_LIST_URLS[b])) for b in BoardKind if b != board],
    )


def get_meeting(pk: int) -> BoardMeeting:
    return get_object_or_404(BoardMeeting, pk=pk)


def get_board_item(pk: int) -> BoardItem:
    return get_object_or_404(
        BoardItem.objects.select_related("meeting").filter(meeting__removed_at__isnull=True), pk=pk
    )
