"""The plan's own sections edited between issues: outcomes and provision (E-H), the settings named (I), the
personal budget (J). Outcomes and provision go only on a draft or proposed amendments."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import Outcome, Plan, PlanVersion, Provision
from sendhub.cases.models.plans import SECTION_CODES
from sendhub.cases.rules.settings import NamedSetting
from sendhub.cases.services.common import apply_fields, check_and_bump_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError


def sections_from(data: dict[str, Any]) -> dict[str, str]:
    return {code: str(data.get(f"section_{code}", "") or "") for code in SECTION_CODES}


def editable_version(plan: Plan) -> PlanVersion:
    version = plan.editable_version()
    if version is None:
        raise CaseStateError("Outcomes and provision can only be added to a draft or to proposed amendments")
    return version


@transaction.atomic
def add_outcome(*, plan: Plan, description: str, area: str, by_when: date | None, by: User) -> Outcome:
    """Section E: an outcome sought (reg 12(1)(e)), on the draft or proposed amendments."""
    outcome = Outcome(version=editable_version(plan), description=description, area=area, by_when=by_when)
    outcome.full_clean()
    outcome.save()
    record_event(actor=by, action="cases.plan.outcome_added", target=plan, data={"outcome": outcome.pk})
    return outcome


@transaction.atomic
def add_provision(
    *,
    plan: Plan,
    section: str,
    description: str,
    frequency: str,
    provider: str,
    outcome: Outcome | None,
    by: User,
) -> Provision:
    """Sections F, G, H1, H2: provision, specified and quantified (reg 12(1)(f)-(h))."""
    version = editable_version(plan)
    if outcome is not None and outcome.version_id != version.pk:
        raise CaseStateError("Link the provision to an outcome of the same version")
    provision = Provision(
        version=version,
        section=section,
        description=description,
        frequency=frequency,
        provider=provider,
        outcome=outcome,
    )
    provision.full_clean()
    provision.save()
    record_event(actor=by, action="cases.plan.provision_added", target=plan, data={"provision": provision.pk})
    return provision


@transaction.atomic
def update_budget(
    *,
    plan: Plan,
    personal_budget: bool,
    amount: Any,
    direct_payment: str,
    by: User,
    expected_version: int | None,
    organised_arrangements: bool = False,
) -> Plan:
    """Section J: the personal budget (CFA s.49), organised arrangements and direct payments (SEN2 PB, OA, DP)."""
    if amount is not None and not personal_budget:
        raise CaseStateError("Only give an amount when there is a personal budget")
    if organised_arrangements and not personal_budget:
        raise CaseStateError("Organised arrangements are part of a personal budget: record the budget too")
    check_and_bump_version(plan, expected_version)
    plan.personal_budget, plan.personal_budget_amount, plan.direct_payment = (
        personal_budget,
        amount,
        direct_payment,
    )
    plan.organised_arrangements = organised_arrangements
    plan.full_clean()
    plan.save(
        update_fields=[
            "personal_budget",
            "personal_budget_amount",
            "direct_payment",
            "organised_arrangements",
        ]
    )
    record_event(
        actor=by, action="cases.plan.budget_updated", target=plan, data={"personal_budget": personal_budget}
    )
    return plan


SETTING_FIELDS = [
    "named_setting",
    "named_setting_type",
    "named_setting_other",
    "named_setting_sen_unit",
    "named_setting_resourced_provision",
    "second_setting",
    "second_setting_type",
    "second_setting_other",
    "second_setting_sen_unit",
    "second_setting_resourced_provision",
    "residential",
    "work_based",
]


@transaction.atomic
def update_plan_setting(
    *, plan: Plan, by: User, expected_version: int | None, fields: dict[str, Any], today: date
) -> Plan:
    """Section I: the settings named (SEN2 PlanDetail ranks 1 and 2), residential (PlanRes) and
    work-based learning (PlanWBP). A phase transfer or an amendment can change the setting named."""
    merged = {name: fields.get(name, getattr(plan, name)) for name in SETTING_FIELDS}
    problems = rules.named_setting_problems(_named(merged, "named_setting"), _named(merged, "second_setting"))
    if problems:
        raise CaseStateError("; ".join(problems))
    # Checked on the whole of section I, as named settings are, so a save never keeps a post-16 route
    # for a child of compulsory school age; the day of the change is the day the plan names it from.
    in_school = rules.work_based_problem(plan.child.birth_date, merged["work_based"] or "", today)
    if in_school:
        raise CaseStateError(in_school, field="work_based")
    check_and_bump_version(plan, expected_version)
    changed = apply_fields(plan, SETTING_FIELDS, merged)
    record_event(
        actor=by,
        action="cases.plan.setting_updated",
        target=plan,
        data={name: _plain(merged[name]) for name in changed},
    )
    return plan


def _named(fields: dict[str, Any], name: str) -> NamedSetting:
    school = fields[name]
    return NamedSetting(
        institution=school.pk if school is not None else None,
        setting_type=fields[f"{name}_type"] or "",
        description=fields[f"{name}_other"] or "",
        sen_unit=bool(fields[f"{name}_sen_unit"]),
        resourced_provision=bool(fields[f"{name}_resourced_provision"]),
    )


def _plain(value: Any) -> Any:
    return value.pk if hasattr(value, "pk") else value
