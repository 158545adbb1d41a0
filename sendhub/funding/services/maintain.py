"""What a finance officer maintains from the edit pages: the year's threshold and allocation, budget lines,
clusters with their budgets, bands and their values, specialist provisions, reduction targets, capital
grants, the block's other commitments and the year's forecast adjustments. Each write checks the version the form was opened at (a stale one is refused, nothing is saved),
calls full_clean() and records an audit event in the same transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction

from sendhub.accounts.models import User
from sendhub.cases.services.common import check_and_bump_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError, StaleObjectError
from sendhub.funding.models import (
    Band,
    BandingFramework,
    BandValue,
    BudgetLine,
    CapitalGrant,
    Cluster,
    ClusterBudget,
    Commitment,
    ForecastAdjustment,
    FundingYear,
    Line,
    ReductionTarget,
    SpecialistProvision,
)


def _clean(obj: models.Model, fields: dict[str, str] | None = None) -> None:
    """full_clean(), with Django's messages turned into a refusal that names the form's field."""
    try:
        obj.full_clean()
    except ValidationError as e:
        errors = e.message_dict
        name = next(iter(errors))
        field = None if name == NON_FIELD_ERRORS else (fields or {}).get(name, name)
        raise SendHubError(errors[name][0], field=field) from e


def _lock(obj: models.Model, version: int) -> None:
    """Version 0 means the form was opened to create the record: someone else created it first."""
    if obj.pk is None:
        if version != 0:
            raise StaleObjectError()
        return
    check_and_bump_version(obj, version)


@transaction.atomic
def update_funding_year(
    *,
    start_year: int,
    notional_threshold: Decimal,
    allocation: Decimal,
    eng_children_target: int = 0,
    version: int,
    by: User,
) -> FundingYear:
    """The year's notional SEN threshold and allocation; version 0 adds the year."""
    year = FundingYear.objects.filter(start_year=start_year).first() or FundingYear(start_year=start_year)
    _lock(year, version)
    year.notional_threshold, year.allocation = notional_threshold, allocation
    year.eng_children_target = eng_children_target
    _clean(year)
    year.save()
    record_event(
        actor=by,
        action="funding.year.set",
        target=year,
        data={
            "threshold": str(notional_threshold),
            "allocation": str(allocation),
            "eng_children_target": eng_children_target,
        },
    )
    return year


@transaction.atomic
def update_budget_line(
    *, year: FundingYear, line: str, amount: Decimal, version: int, by: User
) -> BudgetLine:
    if line not in Line.values:
        raise SendHubError(f"Unknown budget line {line!r}", field="line")
    budget = BudgetLine.objects.filter(year=year, line=line).first() or BudgetLine(year=year, line=line)
    _lock(budget, version)
    budget.amount = amount
    _clean(budget)
    budget.save()
    record_event(
        actor=by, action="funding.budget.set", target=budget, data={"line": line, "amount": str(amount)}
    )
    return budget


@transaction.atomic
def save_cluster(
    *,
    cluster: Cluster | None,
    name: str,
    lead_school_id: int,
    school_ids: list[int],
    lead_ids: list[int],
    start_year: int,
    budget: Decimal,
    version: int,
    by: User,
) -> Cluster:
    """A new cluster (cluster=None) or a changed one: members, lead school, lead SENCOs, the year's budget."""
    if lead_school_id not in school_ids:
        raise SendHubError("The lead school must be one of the cluster's schools", field="lead_school")
    cluster = cluster or Cluster()
    _lock(cluster, version)
    cluster.name, cluster.lead_school_id = name.strip(), lead_school_id
    if Cluster.objects.filter(name__iexact=cluster.name).exclude(pk=cluster.pk).exists():
        raise SendHubError(f"There is already a cluster called {cluster.name!r}", field="name")
    _clean(cluster)
    cluster.save()
    cluster.schools.set(school_ids)
    cluster.leads.set(lead_ids)
    row = ClusterBudget.objects.filter(cluster=cluster, start_year=start_year).first()
    row = row or ClusterBudget(cluster=cluster, start_year=start_year)
    row.amount = budget
    _clean(row, {"amount": "budget"})
    row.save()
    record_event(
        actor=by,
        action="funding.cluster.saved",
        target=cluster,
        data={
            "schools": sorted(school_ids),
            "leads": sorted(lead_ids),
            "year": start_year,
            "budget": str(budget),
        },
    )
    return cluster


@transaction.atomic
def save_band(
    *,
    year: FundingYear,
    band: Band | None,
    code: str,
    descriptor: str,
    order: int,
    values: dict[str, Decimal | None],
    version: int,
    by: User,
) -> Band:
    """A band of the year's framework (made when the first band is added) and its annual value for each
    type of setting; an empty value removes the band from that type of setting (refused while a plan
    holds it)."""
    framework = BandingFramework.objects.filter(year=year).first()
    if framework is None:
        framework = BandingFramework(year=year, name=f"Banding framework {year}")
        _clean(framework)
        framework.save()
    band = band or Band(framework=framework)
    _lock(band, version)
    band.code, band.descriptor, band.order = code.strip().upper(), descriptor, order
    if Band.objects.filter(framework=framework, code__iexact=band.code).exclude(pk=band.pk).exists():
        raise SendHubError(f"Band {band.code} is already in the {year} framework", field="code")
    _clean(band)
    band.save()
    for setting, amount in values.items():
        current = BandValue.objects.filter(band=band, setting=setting).first()
        if amount is None:
            if current is not None:
                if current.plan_bands.exists():
                    raise SendHubError(
                        f"Band {band.code} for this type of setting is held by plans: give it a value",
                        field=f"value_{setting}",
                    )
                current.delete()
            continue
        current = current or BandValue(band=band, setting=setting)
        current.annual_value = amount
        _clean(current, {"annual_value": f"value_{setting}"})
        current.save()
    record_event(
        actor=by,
        action="funding.band.saved",
        target=band,
        data={"code": band.code, "values": {k: None if v is None else str(v) for k, v in values.items()}},
    )
    return band


@transaction.atomic
def save_provision(
    *, provision: SpecialistProvision | None, fields: dict[str, Any], version: int, by: User
) -> SpecialistProvision:
    """A special school, ARP or AP: its commissioned places and place value (fields: school_id, kind, name,
    need, phase, commissioned_places, place_value)."""
    provision = provision or SpecialistProvision()
    _lock(provision, version)
    for name, value in fields.items():
        setattr(provision, name, value)
    clash = SpecialistProvision.objects.filter(school_id=provision.school_id, kind=provision.kind)
    if clash.exclude(pk=provision.pk).exists():
        raise SendHubError("This school already has a provision of that kind", field="kind")
    _clean(provision, {"school": "school"})
    provision.save()
    record_event(
        actor=by,
        action="funding.provision.saved",
        target=provision,
        data={"places": provision.commissioned_places, "place_value": str(provision.place_value)},
    )
    return provision


@transaction.atomic
def update_target(
    *,
    kind: str,
    baseline_on: date,
    reduction_percent: Decimal,
    target_on: date,
    version: int,
    by: User,
) -> ReductionTarget:
    target = ReductionTarget.objects.filter(kind=kind).first() or ReductionTarget(kind=kind)
    _lock(target, version)
    target.baseline_on, target.reduction_percent, target.target_on = baseline_on, reduction_percent, target_on
    if target_on <= baseline_on:
        raise SendHubError("The target date must be after the baseline date", field="target_on")
    _clean(target)
    target.save()
    record_event(
        actor=by,
        action="funding.target.set",
        target=target,
        data={"kind": kind, "reduction": str(reduction_percent)},
    )
    return target


@transaction.atomic
def save_capital_grant(
    *, grant: CapitalGrant | None, fields: dict[str, Any], version: int, by: User
) -> CapitalGrant:
    """A capital grant to a school (fields: school_id, amount, purpose, status, awarded_on, completed_on,
    places_delivered, adaptations)."""
    grant = grant or CapitalGrant()
    _lock(grant, version)
    for name, value in fields.items():
        setattr(grant, name, value)
    if grant.status == "completed" and grant.completed_on is None:
        raise SendHubError("Enter the date the project was completed", field="completed_on")
    if grant.completed_on and grant.completed_on < grant.awarded_on:
        raise SendHubError(
            "The project cannot be completed before the grant was awarded", field="completed_on"
        )
    _clean(grant)
    grant.save()
    record_event(
        actor=by,
        action="funding.capital.saved",
        target=grant,
        data={"amount": str(grant.amount), "status": grant.status},
    )
    return grant


@transaction.atomic
def save_commitment(
    *, commitment: Commitment | None, fields: dict[str, Any], version: int, by: User
) -> Commitment:
    """A recurring cost the block pays that is not a child's band, grant or package (fields: line,
    description, amount, frequency, start, end); ending it is setting its end."""
    commitment = commitment or Commitment()
    _lock(commitment, version)
    for name, value in fields.items():
        setattr(commitment, name, value)
    if commitment.end is not None and commitment.end < commitment.start:
        raise SendHubError("The end date must be on or after the start date", field="end")
    _clean(commitment)
    commitment.save()
    record_event(
        actor=by,
        action="funding.commitment.saved",
        target=commitment,
        data={
            "line": commitment.line,
            "amount": str(commitment.amount),
            "frequency": commitment.frequency,
            "end": commitment.end.isoformat() if commitment.end else None,
        },
    )
    return commitment


@transaction.atomic
def save_adjustment(
    *,
    year: FundingYear,
    adjustment: ForecastAdjustment | None,
    line: str,
    amount: Decimal,
    from_month: date,
    reason: str,
    version: int,
    by: User,
) -> ForecastAdjustment:
    """A known change to the year's outturn from a month to March (negative: a saving)."""
    if not (date(year.start_year, 4, 1) <= from_month <= date(year.start_year + 1, 3, 31)):
        raise SendHubError(f"The month must fall in the financial year {year}", field="from_month")
    adjustment = adjustment or ForecastAdjustment(year=year, created_by=by)
    _lock(adjustment, version)
    adjustment.line, adjustment.amount, adjustment.reason = line, amount, reason.strip()
    adjustment.from_month = from_month.replace(day=1)
    _clean(adjustment)
    adjustment.save()
    record_event(
        actor=by,
        action="funding.adjustment.saved",
        target=adjustment,
        data={"line": line, "amount": str(amount), "from": adjustment.from_month.isoformat()},
    )
    return adjustment
