"""Writes to the High Needs Block: the year's settings, budget lines, adjustments, scenarios."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.funding.models import (
    BudgetLine,
    Commitment,
    ForecastAdjustment,
    FundingYear,
    Line,
    Scenario,
    ScenarioChange,
)


@transaction.atomic
def set_funding_year(
    *, start_year: int, notional_threshold: Decimal, allocation: Decimal, by: User | None
) -> FundingYear:
    year, _ = FundingYear.objects.get_or_create(
        start_year=start_year, defaults={"notional_threshold": notional_threshold}
    )
    year.notional_threshold = notional_threshold
    year.allocation = allocation
    year.full_clean()
    year.save()
    record_event(
        actor=by,
        action="funding.year.set",
        target=year,
        data={"threshold": str(notional_threshold), "allocation": str(allocation)},
    )
    return year


@transaction.atomic
def set_budget_line(*, year: FundingYear, line: str, amount: Decimal, by: User | None) -> BudgetLine:
    if line not in Line.values:
        raise SendHubError(f"Unknown budget line {line!r}", field="line")
    budget, _ = BudgetLine.objects.get_or_create(year=year, line=line, defaults={"amount": amount})
    budget.amount = amount
    budget.full_clean()
    budget.save()
    record_event(
        actor=by, action="funding.budget.set", target=budget, data={"line": line, "amount": str(amount)}
    )
    return budget


@transaction.atomic
def add_adjustment(
    *, year: FundingYear, line: str, amount: Decimal, from_month: date, reason: str, by: User
) -> ForecastAdjustment:
    if not (date(year.start_year, 4, 1) <= from_month <= date(year.start_year + 1, 3, 31)):
        raise SendHubError("The month must fall in the financial year", field="from_month")
    adjustment = ForecastAdjustment(
        year=year,
        line=line,
        amount=amount,
        from_month=from_month.replace(day=1),
        reason=reason,
        created_by=by,
    )
    adjustment.full_clean()
    adjustment.save()
    record_event(
        actor=by,
        action="funding.adjustment.added",
        target=adjustment,
        data={"line": line, "amount": str(amount)},
    )
    return adjustment


@transaction.atomic
def add_scenario(
    *, year: FundingYear, name: str, description: str, changes: list[dict[str, object]], by: User | None
) -> Scenario:
    if Scenario.objects.filter(year=year, name__iexact=name.strip()).exists():
        raise SendHubError(f"There is already a scenario called {name.strip()!r} for this year", field="name")
    scenario = Scenario(year=year, name=name.strip(), description=description)
    scenario.full_clean()
    scenario.save()
    for fields in changes:
        change = ScenarioChange(scenario=scenario, **fields)
        change.full_clean()
        change.save()
    record_event(actor=by, action="funding.scenario.added", target=scenario, data={"changes": len(changes)})
    return scenario


@transaction.atomic
def add_commitment(
    *,
    line: str,
    description: str,
    amount: Decimal,
    frequency: str,
    start: date,
    end: date | None,
    by: User | None,
) -> Commitment:
    commitment = Commitment(
        line=line, description=description, amount=amount, frequency=frequency, start=start, end=end
    )
    commitment.full_clean()
    commitment.save()
    record_event(
        actor=by,
        action="funding.commitment.added",
        target=commitment,
        data={"line": line, "amount": str(amount)},
    )
    return commitment
