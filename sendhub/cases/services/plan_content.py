"""Correct or remove structured outcomes and provision while their version is still a draft or a proposal.

An issued version is the legal document, so it is never changed: its rows are fixed once the final or
amended plan is issued (the next draft or proposal starts from a copy).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.models import Outcome, Plan, Provision
from sendhub.cases.services.common import apply_fields
from sendhub.cases.services.plan_sections import editable_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError

OUTCOME_FIELDS = ["description", "area", "by_when"]
PROVISION_FIELDS = ["section", "description", "frequency", "provider", "outcome"]


def _check_editable(plan: Plan, row: Outcome | Provision) -> None:
    try:
        editable = editable_version(plan)
    except CaseStateError:
        editable = None
    if editable is None or row.version_id != editable.pk:
        raise CaseStateError(
            "This version has been issued and cannot be changed: only the draft or proposed amendments can"
        )


@transaction.atomic
def update_outcome(*, plan: Plan, outcome: Outcome, by: User, **fields: Any) -> Outcome:
    _check_editable(plan, outcome)
    changed = apply_fields(outcome, OUTCOME_FIELDS, fields)
    record_event(
        actor=by,
        action="cases.plan.outcome_updated",
        target=plan,
        data={"outcome": outcome.pk, "fields": changed},
    )
    return outcome


@transaction.atomic
def remove_outcome(*, plan: Plan, outcome: Outcome, by: User) -> None:
    """Provision that served the outcome stays in the plan, no longer linked to an outcome."""
    _check_editable(plan, outcome)
    pk, area = outcome.pk, outcome.area  # ids and codes only: the description may name the child
    outcome.delete()
    record_event(
        actor=by,
        action="cases.plan.outcome_removed",
        target=plan,
        data={"outcome": pk, "removed": {"area": area}},
    )


@transaction.atomic
def update_provision(*, plan: Plan, provision: Provision, by: User, **fields: Any) -> Provision:
    _check_editable(plan, provision)
    outcome = fields.get("outcome")
    if outcome is not None and outcome.version_id != provision.version_id:
        raise CaseStateError("Link the provision to an outcome of the same version")
    changed = apply_fields(provision, PROVISION_FIELDS, fields)
    record_event(
        actor=by,
        action="cases.plan.provision_updated",
        target=plan,
        data={"provision": provision.pk, "fields": changed},
    )
    return provision


@transaction.atomic
def remove_provision(*, plan: Plan, provision: Provision, by: User) -> None:
    _check_editable(plan, provision)
    snapshot = {"section": provision.section}  # ids and codes only: the description may name the child
    pk = provision.pk
    provision.delete()
    record_event(
        actor=by,
        action="cases.plan.provision_removed",
        target=plan,
        data={"provision": pk, "removed": snapshot},
    )
