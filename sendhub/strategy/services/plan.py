"""Writes to the plan: progress updates (with the RAG rule applied), and carrying an unfinished action
into the next year's plan with its history."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError
from sendhub.strategy.models import Action, Plan, Step, Update
from sendhub.strategy.rules import Delivery, by_when_date, rag_status


@transaction.atomic
def record_update(
    *,
    action: Action,
    reported_on: date,
    delivery: str,
    progress: str,
    next_steps: str = "",
    evidence: str = "",
    by: User | None,
) -> Update:
    if hasattr(action, "carried_to"):
        raise CaseStateError(
            f"Action {action.number} was carried into the {action.carried_to.plan.year} plan: update it there",
            field="delivery",
        )
    status = rag_status(delivery=Delivery(delivery), due=action.due, today=reported_on)
    update = Update(
        action=action,
        reported_on=reported_on,
        delivery=delivery,
        rag=status.rag,
        rag_reason=status.reason,
        progress=progress,
        next_steps=next_steps,
        evidence=evidence,
        entered_by=by,
    )
    update.full_clean()
    update.save()
    record_event(
        actor=by,
        action="strategy.update.recorded",
        target=action,
        data={"update": update.pk, "delivery": delivery, "rag": status.rag},
    )
    return update


@transaction.atomic
def carry_forward_action(*, action: Action, by_when: str, by: User | None) -> Action:
    """Carry an unfinished action into the next year's plan (made if missing), keeping a link to its past.

    Its steps come along; its updates stay on the old action and are shown as its history."""
    if hasattr(action, "carried_to"):
        raise CaseStateError(f"Action {action.number} has already been carried forward")
    latest = action.updates.order_by("-reported_on", "-pk").first()
    if latest is not None and latest.delivery == Delivery.COMPLETE:
        raise CaseStateError(f"Action {action.number} is complete: there is nothing to carry forward")
    old_plan = action.plan
    plan, _ = Plan.objects.get_or_create(
        strategy=old_plan.strategy,
        year=old_plan.year + 1,
        defaults={"title": f"Implementation plan ({old_plan.year + 1})"},
    )
    if plan.actions.filter(number=action.number).exists():
        raise CaseStateError(f"The {plan.year} plan already has an action {action.number}")
    position = (plan.actions.aggregate(top=Max("position"))["top"] or 0) + 1
    carried = Action(
        plan=plan,
        priority=action.priority,
        number=action.number,
        position=position,
        title=action.title,
        owner=action.owner,
        partners=action.partners,
        by_when=by_when,
        due=by_when_date(by_when),
        outcome=action.outcome,
        success_criteria=action.success_criteria,
        expected_impact=action.expected_impact,
        carried_from=action,
    )
    carried.full_clean()
    carried.save()
    for step in action.steps.all():
        Step.objects.create(
            action=carried,
            position=step.position,
            text=step.text,
            by_when=step.by_when,
            success_criteria=step.success_criteria,
        )
    for measure in action.measures.all():
        measure.pk = None
        measure.action = carried
        measure.full_clean()
        measure.save()
    record_event(
        actor=by,
        action="strategy.action.carried_forward",
        target=carried,
        data={"from": action.pk, "year": plan.year},
    )
    return carried
