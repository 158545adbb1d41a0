"""Reads of the plan: its actions with their RAG status on a day, one action and its history. Selectors take `today`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from sendhub.strategy.models import (
    Action,
    Plan,
    Priority,
    Update,
    UpdateEvidence,
)
from sendhub.strategy.models.plan import RAG_TAG_CLASSES
from sendhub.strategy.rules import (
    Delivery,
    Rag,
    RagStatus,
    rag_status,
)

RAG_ORDER = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY]


RAG_LABELS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.GREY: "No update"}


def plans() -> QuerySet[Plan]:
    return Plan.objects.select_related("strategy").order_by("-year")


def current_plan(year: int | None = None) -> Plan | None:
    qs = plans()
    return qs.filter(year=year).first() if year else qs.first()


@dataclass
class ActionRow:
    action: Action
    status: RagStatus
    latest: Update | None

    @property
    def rag_label(self) -> str:
        return RAG_LABELS[self.status.rag]

    @property
    def tag_class(self) -> str:
        return RAG_TAG_CLASSES[self.status.rag]


def action_rows(plan: Plan, today: date) -> list[ActionRow]:
    """Every action of the plan in published order, with its RAG status on `today` from the updates
    reported by then (so a past meeting's pack shows the plan as it stood)."""
    updates = Update.objects.filter(reported_on__lte=today).order_by("-reported_on", "-pk")
    actions = (
        plan.actions.select_related("priority", "carried_to__plan")
        .prefetch_related(Prefetch("updates", queryset=updates))
        .order_by("position")
    )
    rows = []
    for action in actions:
        reported = list(action.updates.all())
        latest = reported[0] if reported else None
        delivery = Delivery(latest.delivery) if latest else None
        rows.append(ActionRow(action, rag_status(delivery=delivery, due=action.due, today=today), latest))
    return rows


def action_row(action: Action, today: date, history: list[Update]) -> ActionRow:
    """One action's row as the plan list shows it, from its history (`action_history`), with no query."""
    reported = [u for u in history if u.action_id == action.pk and u.reported_on <= today]
    latest = reported[0] if reported else None
    delivery = Delivery(latest.delivery) if latest else None
    return ActionRow(action, rag_status(delivery=delivery, due=action.due, today=today), latest)


def get_action(pk: int) -> Action:
    # Every viewer of the plan may see every action (the plan is the partnership's, not a caseload).
    return get_object_or_404(
        Action.objects.select_related("plan__strategy", "priority", "carried_from__plan", "carried_to__plan"),
        pk=pk,
    )


def action_history(action: Action) -> list[Update]:
    """The action's updates, newest first, followed by those of the actions it was carried from."""
    history: list[Update] = []
    current: Action | None = action
    while current is not None:
        history.extend(
            current.updates.select_related("entered_by", "action__plan")
            .prefetch_related("documents")
            .order_by("-reported_on", "-pk")
        )
        current = current.carried_from
    return history


@dataclass
class PriorityStatus:
    priority: Priority
    counts: list[tuple[str, str, int, str]]  # (rag, label, count, tag class)
    exceptions: list[ActionRow]  # red and amber actions


def plan_status(plan: Plan, today: date, rows: list[ActionRow] | None = None) -> list[PriorityStatus]:
    rows = action_rows(plan, today) if rows is None else rows
    by_priority: dict[int, list[ActionRow]] = {}
    for row in rows:
        by_priority.setdefault(row.action.priority_id, []).append(row)
    statuses = []
    for priority in plan.strategy.priorities.order_by("number"):
        mine = by_priority.get(priority.pk, [])
        counts = Counter(r.status.rag for r in mine)
        statuses.append(
            PriorityStatus(
                priority,
                [(rag.value, RAG_LABELS[rag], counts[rag], RAG_TAG_CLASSES[rag]) for rag in RAG_ORDER],
                [r for r in mine if r.status.rag in (Rag.RED, Rag.AMBER)],
            )
        )
    return statuses


def get_update(pk: int) -> Update:
    """A live update (404 for one removed)."""
    return get_object_or_404(
        Update.objects.select_related("action__plan").filter(action__removed_at__isnull=True), pk=pk
    )


def get_evidence(pk: int) -> UpdateEvidence:
    """A live evidence document of a live update (404 otherwise)."""
    return get_object_or_404(
        UpdateEvidence.objects.select_related("update__action").filter(
            update__removed_at__isnull=True, update__action__removed_at__isnull=True
        ),
        pk=pk,
    )
