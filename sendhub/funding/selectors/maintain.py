"""Reads for the finance officer's edit pages: what a year holds, the records to change, form choices."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import Role, User
from sendhub.funding.models import (
    Band,
    BandSetting,
    BudgetLine,
    CapitalGrant,
    Cluster,
    ClusterBudget,
    Commitment,
    ForecastAdjustment,
    FundingYear,
    Line,
    PackageKind,
    ReductionTarget,
    SpecialistProvision,
)
from sendhub.schools.models import School


@dataclass(frozen=True)
class LineRow:
    line: str
    label: str
    amount: Decimal | None
    version: int  # 0: no amount set yet


def budget_line_rows(year: FundingYear) -> list[LineRow]:
    """Every budget line of the year, set or not, in the order of the block."""
    held = {b.line: b for b in BudgetLine.objects.filter(year=year)}
    return [
        LineRow(
            line,
            label,
            held[line].amount if line in held else None,
            held[line].version if line in held else 0,
        )
        for line, label in Line.choices
    ]


def budget_line_row(year: FundingYear, line: str) -> LineRow:
    for row in budget_line_rows(year):
        if row.line == line:
            return row
    raise Http404("No such budget line")


def clusters() -> QuerySet[Cluster]:
    return Cluster.objects.select_related("lead_school").prefetch_related("schools", "leads").order_by("name")


def get_cluster(pk: int) -> Cluster:
    return get_object_or_404(Cluster.objects.select_related("lead_school"), pk=pk)


def cluster_budget(cluster: Cluster, start_year: int) -> Decimal | None:
    row = ClusterBudget.objects.filter(cluster=cluster, start_year=start_year).first()
    return row.amount if row else None


def clusters_with_budgets(start_year: int) -> list[tuple[Cluster, Decimal | None]]:
    """Every cluster with its budget for the year (None: not set), in two queries plus the prefetches."""
    budgets = dict(ClusterBudget.objects.filter(start_year=start_year).values_list("cluster_id", "amount"))
    return [(cluster, budgets.get(cluster.pk)) for cluster in clusters()]


def cluster_members(cluster: Cluster) -> tuple[list[int], list[int]]:
    """The ids of the cluster's schools and of its lead SENCOs."""
    return (
        list(cluster.schools.values_list("pk", flat=True)),
        list(cluster.leads.values_list("pk", flat=True)),
    )


def school_choices() -> list[tuple[int, str]]:
    return list(School.objects.order_by("name").values_list("pk", "name"))


def senco_choices() -> list[tuple[int, str]]:
    return [
        (pk, f"{name} ({email})")
        for pk, name, email in User.objects.filter(role=Role.SENCO, is_active=True)
        .order_by("full_name")
        .values_list("pk", "full_name", "email")
    ]


def bands(year: FundingYear) -> list[tuple[Band, dict[str, Decimal]]]:
    """The year's bands with their annual value by type of setting."""
    rows = Band.objects.filter(framework__year=year).prefetch_related("values").order_by("order", "code")
    return [(band, {v.setting: v.annual_value for v in band.values.all()}) for band in rows]


def get_band(year: FundingYear, pk: int) -> Band:
    return get_object_or_404(Band, pk=pk, framework__year=year)


def band_values_of(band: Band) -> dict[str, Decimal]:
    return {v.setting: v.annual_value for v in band.values.all()}


def band_settings() -> list[tuple[str, str]]:
    return list(BandSetting.choices)


def provisions() -> QuerySet[SpecialistProvision]:
    return SpecialistProvision.objects.select_related("school").order_by("kind", "name")


def get_provision(pk: int) -> SpecialistProvision:
    return get_object_or_404(SpecialistProvision, pk=pk)


def reduction_targets() -> list[tuple[str, str, ReductionTarget | None]]:
    held = {t.kind: t for t in ReductionTarget.objects.all()}
    return [(kind, label, held.get(kind)) for kind, label in PackageKind.choices]


def target_for(kind: str) -> ReductionTarget | None:
    if kind not in PackageKind.values:
        raise Http404("No such target")
    return ReductionTarget.objects.filter(kind=kind).first()


def kind_label(kind: str) -> str:
    return str(PackageKind(kind).label)


def get_capital_grant(pk: int) -> CapitalGrant:
    return get_object_or_404(CapitalGrant.objects.select_related("school"), pk=pk)


def funding_year(start_year: int) -> FundingYear | None:
    """The year's settings, or None before a finance officer adds the year."""
    return FundingYear.objects.filter(start_year=start_year).first()


def commitments() -> QuerySet[Commitment]:
    """The block's other recurring commitments (service contracts, commissioned AP, college places), ended
    ones last."""
    return Commitment.objects.order_by(F("end").desc(nulls_first=True), "line", "description")


def get_commitment(pk: int) -> Commitment:
    return get_object_or_404(Commitment, pk=pk)


def adjustments(year: FundingYear) -> QuerySet[ForecastAdjustment]:
    return ForecastAdjustment.objects.filter(year=year).order_by("from_month", "line", "pk")


def get_adjustment(year: FundingYear, pk: int) -> ForecastAdjustment:
    return get_object_or_404(ForecastAdjustment, pk=pk, year=year)


def line_choices() -> list[tuple[str, str]]:
    return list(Line.choices)
