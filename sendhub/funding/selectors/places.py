"""Reads for packages outside school against their targets, specialist places and capital grants."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from sendhub.accounts.models import User
from sendhub.cases.selectors.funding import child_for_user, child_summaries, placed_counts
from sendhub.funding import rules
from sendhub.funding.models import (
    WAITING,
    AdmissionReferral,
    CapitalGrant,
    Package,
    PackageKind,
    ProvisionKind,
    ReductionTarget,
    SpecialistProvision,
)

ZERO = Decimal(0)


def live_packages(today: date) -> QuerySet[Package]:
    return Package.objects.filter(Q(end__isnull=True) | Q(end__gte=today), start__lte=today).order_by(
        "kind", "start"
    )


def get_package(pk: int) -> Package:
    package = Package.objects.filter(pk=pk).first()
    if package is None:
        raise Http404("No such package")
    return package


def get_package_for_user(user: User, pk: int) -> Package:
    """The package, if the user may change it: any package for a finance officer (or an admin), otherwise
    a package of a child they may open; 404, not 403, so the case stays hidden."""
    package = get_package(pk)
    if not user.has_perm("funding.change_any_package") and child_for_user(user, package.child_id) is None:
        raise Http404("No such package")
    return package


def package_child(package: Package) -> dict[str, Any]:
    """What the package's pages show about its child: the case reference (and need, school)."""
    return child_summaries([package.child_id]).get(package.child_id, {})


def package_rows(today: date) -> list[tuple[Package, dict[str, Any]]]:
    packages = list(live_packages(today))
    children = child_summaries([p.child_id for p in packages])
    return [(p, children.get(p.child_id, {})) for p in packages]


def live_counts(kind: str, days: list[date]) -> dict[date, int]:
    """The packages of a kind live on each of the days, counted in one query."""
    counts = Package.objects.filter(kind=kind).aggregate(
        **{
            f"on_{n}": Count("pk", filter=Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day)))
            for n, day in enumerate(days)
        }
    )
    return {day: counts[f"on_{n}"] or 0 for n, day in enumerate(days)}


@dataclass(frozen=True)
class TargetRow:
    kind: str
    label: str
    baseline_on: date
    baseline: int
    target: int
    target_on: date
    current: int
    achieved: Decimal
    reduction_percent: Decimal
    weekly_cost: Decimal
    annual_cost: Decimal
    on_track: bool
    trend: list[tuple[date, int]]


def targets(today: date) -> list[TargetRow]:
    """Counts and costs against the 50% (tuition) and 40% (EOTAS) reduction targets, with the count at
    the start of each quarter since the baseline."""
    year = rules.financial_year_of(today)
    rows = []
    for target in ReductionTarget.objects.order_by("kind"):
        quarters = []
        point = target.baseline_on.replace(day=1)
        while point <= today:
            quarters.append(point)
            month = point.month + 3
            point = point.replace(year=point.year + (month - 1) // 12, month=(month - 1) % 12 + 1)
        counts = live_counts(target.kind, [target.baseline_on, today, *quarters])
        baseline, current = counts[target.baseline_on], counts[today]
        live = live_packages(today).filter(kind=target.kind)
        weekly = live.aggregate(total=Sum("weekly_cost"))["total"] or ZERO
        annual = sum(
            (
                rules.pro_rata_to_year(p.weekly_cost, rules.Frequency.WEEKLY, p.start, p.end, year)
                for p in live
            ),
            ZERO,
        )
        goal = rules.reduction_target(baseline, target.reduction_percent)
        # On track: at least the share of the reduction that the share of the time elapsed calls for.
        span = (target.target_on - target.baseline_on).days
        elapsed = min(max((today - target.baseline_on).days, 0), span)
        expected = baseline - (baseline - goal) * elapsed / span if span else goal
        trend = [(day, counts[day]) for day in quarters]
        rows.append(
            TargetRow(
                kind=target.kind,
                label=PackageKind(target.kind).label,
                baseline_on=target.baseline_on,
                baseline=baseline,
                target=goal,
                target_on=target.target_on,
                current=current,
                achieved=rules.reduction_achieved(baseline, current),
                reduction_percent=target.reduction_percent,
                weekly_cost=weekly,
                annual_cost=rules.round_penny(annual),
                on_track=current <= expected,
                trend=trend,
            )
        )
    return rows


@dataclass(frozen=True)
class ProvisionRow:
    provision: SpecialistProvision
    placed: int
    vacancies: int
    waiting: int


def provision_rows(today: date) -> list[ProvisionRow]:
    provisions = list(SpecialistProvision.objects.select_related("school").order_by("kind", "name"))
    school_ids = [p.school_id for p in provisions]
    placed_all = placed_counts(school_ids, today)
    placed_resourced = placed_counts(school_ids, today, resourced_only=True)
    waiting = Counter(
        AdmissionReferral.objects.filter(status__in=WAITING).values_list("provision_id", flat=True)
    )
    rows = []
    for p in provisions:
        placed = placed_resourced[p.school_id] if p.kind == ProvisionKind.ARP else placed_all[p.school_id]
        rows.append(ProvisionRow(p, placed, max(0, p.commissioned_places - placed), waiting[p.pk]))
    return rows


def waiting_list_by_need_and_phase() -> list[tuple[str, str, int]]:
    counts = Counter(AdmissionReferral.objects.filter(status__in=WAITING).values_list("need", "phase"))
    return sorted((need, phase, n) for (need, phase), n in counts.items())


def referrals() -> list[tuple[AdmissionReferral, dict[str, Any]]]:
    rows = list(
        AdmissionReferral.objects.select_related("provision", "panel").order_by("status", "referred_on", "pk")
    )
    children = child_summaries([r.child_id for r in rows])
    return [(r, children.get(r.child_id, {})) for r in rows]


def capital_grants() -> QuerySet[CapitalGrant]:
    return CapitalGrant.objects.select_related("school").order_by("school__name")


def capital_totals() -> dict[str, Any]:
    grants = CapitalGrant.objects.all()
    return {
        "amount": grants.aggregate(total=Sum("amount"))["total"] or ZERO,
        "schools": grants.values("school_id").distinct().count(),
        "completed": grants.filter(status="completed").count(),
        "places": grants.aggregate(total=Sum("places_delivered"))["total"] or 0,
    }
