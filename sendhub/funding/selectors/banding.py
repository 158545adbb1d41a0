"""Reads for the banding framework and the moderation of banding decisions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.http import Http404

from sendhub.accounts.models import User
from sendhub.cases.selectors.funding import live_plans_for_banding, plan_summaries
from sendhub.funding import rules
from sendhub.funding.models import Band, BandingFramework, BandSetting, BandValue, FundingYear, PlanBand

ZERO = Decimal(0)


def framework_for(year: FundingYear) -> BandingFramework | None:
    return BandingFramework.objects.filter(year=year).first()


@dataclass(frozen=True)
class BandRow:
    band: Band
    values: dict[str, Decimal | None]
    mainstream_top_up: Decimal | None


def band_table(framework: BandingFramework, notional_threshold: Decimal) -> list[BandRow]:
    rows = []
    for band in framework.bands.prefetch_related("values"):
        values: dict[str, Decimal | None] = dict.fromkeys(BandSetting.values)
        values.update({v.setting: v.annual_value for v in band.values.all()})
        mainstream = values.get(BandSetting.MAINSTREAM)
        top_up = None if mainstream is None else rules.mainstream_top_up(mainstream, notional_threshold)
        rows.append(BandRow(band, values, top_up))
    return rows


def band_values(framework: BandingFramework) -> list[BandValue]:
    return list(
        BandValue.objects.filter(band__framework=framework)
        .select_related("band")
        .order_by("band__order", "setting")
    )


@dataclass(frozen=True)
class ModerationRow:
    band: str
    setting: str
    decided_by: str
    count: int
    amount: Decimal


def moderation(year: FundingYear) -> list[ModerationRow]:
    """Banding decisions made in the year: counts and annual amounts by band, setting and decision-maker."""
    fy = rules.financial_year(year.start_year)
    fields = ("value__band__code", "value__setting", "decided_by__full_name", "value__annual_value")
    decisions = (  # counted in the database by value: a framework has few values, a year many decisions
        PlanBand.objects.filter(decided_on__gte=fy.start, decided_on__lte=fy.end)
        .values(*fields)
        .annotate(count=Count("pk"))
        .order_by()
        .values_list(*fields, "count")
    )
    groups: dict[tuple[str, str, str], tuple[int, Decimal]] = {}
    for code, setting, who, value, count in decisions:
        if setting == BandSetting.MAINSTREAM:
            value = rules.mainstream_top_up(value, year.notional_threshold)
        decided, amount = groups.get((code, setting, who), (0, ZERO))
        groups[(code, setting, who)] = (decided + count, amount + value * count)
    return [
        ModerationRow(code, BandSetting(setting).label, who, count, amount)
        for (code, setting, who), (count, amount) in sorted(groups.items())
    ]


def current_bands(year: FundingYear, limit: int = 50) -> list[tuple[PlanBand, dict[str, Any]]]:
    fy = rules.financial_year(year.start_year)
    bands = list(
        PlanBand.objects.filter(Q(end__isnull=True) | Q(end__gte=fy.start), start__lte=fy.end)
        .select_related("value__band", "decided_by")
        .order_by("-decided_on", "-pk")[:limit]
    )
    plans = plan_summaries([b.plan_id for b in bands])
    return [(b, plans.get(b.plan_id, {})) for b in bands]


def bandable_plan_ids(user: User, plan_ids: list[int]) -> set[int]:
    """Which of these plans the user may band (the plans they may open)."""
    return set(live_plans_for_banding(user).filter(pk__in=plan_ids).values_list("pk", flat=True))


def plan_band_history(plan_id: int) -> list[PlanBand]:
    """Every band decision of the plan, those removed in error too (shown as removed, with why)."""
    return list(
        PlanBand.with_removed.filter(plan_id=plan_id)
        .select_related("value__band", "decided_by")
        .order_by("-start", "-id")
    )


def get_plan_band(plan_id: int, pk: int) -> PlanBand:
    """A band decision of the plan still standing (a removed one is 404)."""
    band = PlanBand.objects.select_related("value__band", "decided_by").filter(plan_id=plan_id, pk=pk).first()
    if band is None:
        raise Http404("No such band decision")
    return band
