"""Pages' tables (also their CSV and XLSX downloads) and the trend chart's geometry."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sendhub.cases.selectors.funding import NEED_NAMES
from sendhub.funding.models import BandSetting, FundingYear
from sendhub.funding.selectors.banding import BandRow, ModerationRow
from sendhub.funding.selectors.eng import ClusterRow
from sendhub.funding.selectors.forecast import Position, ScenarioColumn
from sendhub.funding.selectors.places import ProvisionRow, TargetRow
from sendhub.funding.selectors.sufficiency import Sufficiency
from sendhub.funding.tables import Table


def position_table(position: Position) -> Table:
    rows: list[list[Any]] = [
        [row.name, row.budget, row.committed, row.forecast_outturn, row.variance] for row in position.lines
    ]
    rows.append(["Total", position.budget, position.committed, position.forecast_outturn, position.variance])
    return Table(
        key=f"high-needs-block-{position.year.label}",
        title=f"High Needs Block {position.year.label}: budget, committed, forecast outturn and variance (£)",
        header=["Budget line", "Budget", "Committed", "Forecast outturn", "Variance"],
        rows=rows,
    )


def scenario_table(base: Position, columns: list[ScenarioColumn]) -> Table:
    rows: list[list[Any]] = []
    for row in base.lines:
        rows.append([row.name, row.forecast_outturn, *(c.lines[row.line] for c in columns)])
    rows.append(["Total", base.forecast_outturn, *(c.total for c in columns)])
    rows.append(["Difference from the forecast", Decimal(0), *(c.difference for c in columns)])
    rows.append(["Variance against the budget", base.variance, *(base.budget - c.total for c in columns)])
    return Table(
        key=f"scenarios-{base.year.label}",
        title=f"What if: forecast outturn {base.year.label} by scenario (£)",
        header=["Budget line", "Current forecast", *(c.name for c in columns)],
        rows=rows,
    )


def moderation_table(year: FundingYear, rows: list[ModerationRow]) -> Table:
    return Table(
        key=f"banding-moderation-{year}",
        title=f"Banding decisions {year}: counts and annual amounts by band, setting and decision-maker",
        header=["Band", "Type of setting", "Decided by", "Decisions", "Annual amount (£)"],
        rows=[[r.band, r.setting, r.decided_by, r.count, r.amount] for r in rows],
    )


def band_values_table(year: FundingYear, rows: list[BandRow]) -> Table:
    settings = list(BandSetting)
    return Table(
        key=f"banding-framework-{year}",
        title=f"Banding framework {year}: annual values by type of setting and the mainstream top-up (£)",
        header=["Band", "Descriptor", *(s.label for s in settings), "Mainstream top-up"],
        rows=[
            [r.band.code, r.band.descriptor, *(r.values.get(s.value) for s in settings), r.mainstream_top_up]
            for r in rows
        ],
    )


def cluster_table(start_year: int, rows: list[ClusterRow]) -> Table:
    return Table(
        key=f"eng-by-cluster-{start_year}",
        title=f"Exceptional Needs Grants by cluster, {start_year}-{str(start_year + 1)[-2:]}",
        header=[
            "Cluster",
            "Schools",
            "Grants live",
            "Waiting for panel",
            "Budget (£)",
            "Committed (£)",
            "Remaining (£)",
        ],
        rows=[
            [r.cluster.name, r.schools, r.grants, r.waiting, r.budget, r.committed, r.remaining] for r in rows
        ],
    )


def targets_table(rows: list[TargetRow]) -> Table:
    return Table(
        key="packages-against-targets",
        title="Tuition and EOTAS packages against the reduction targets",
        header=[
            "Kind",
            "Baseline date",
            "Baseline",
            "Target",
            "Target date",
            "Now",
            "Reduction so far (%)",
            "Weekly cost now (£)",
            "Cost this financial year (£)",
        ],
        rows=[
            [
                r.label,
                r.baseline_on.isoformat(),
                r.baseline,
                r.target,
                r.target_on.isoformat(),
                r.current,
                r.achieved,
                r.weekly_cost,
                r.annual_cost,
            ]
            for r in rows
        ],
    )


def places_table(rows: list[ProvisionRow]) -> Table:
    return Table(
        key="specialist-places",
        title="Specialist places: commissioned, placed, vacancies and waiting",
        header=[
            "Provision",
            "Kind",
            "Need",
            "Phase",
            "Commissioned places",
            "Placed",
            "Vacancies",
            "Waiting",
        ],
        rows=[
            [
                r.provision.name,
                r.provision.get_kind_display(),
                NEED_NAMES.get(r.provision.need, r.provision.need),
                r.provision.phase,
                r.provision.commissioned_places,
                r.placed,
                r.vacancies,
                r.waiting,
            ]
            for r in rows
        ],
    )


def capital_table(grants: list[Any]) -> Table:
    return Table(
        key="capital-grants",
        title="Capital grants to schools",
        header=["School", "Amount (£)", "Purpose", "Status", "Awarded", "Completed", "Places", "Adaptations"],
        rows=[
            [
                g.school.name,
                g.amount,
                g.purpose,
                g.get_status_display(),
                g.awarded_on.isoformat(),
                g.completed_on.isoformat() if g.completed_on else "",
                g.places_delivered,
                g.adaptations,
            ]
            for g in grants
        ],
    )


@dataclass(frozen=True)
class ChartBar:
    label: str
    text: str
    x: float
    y: float
    height: float
    over: bool


@dataclass(frozen=True)
class TrendChart:
    bars: list[ChartBar]
    budget_y: float | None
    width: int
    height: int
    bar_width: float


def trend_chart(position: Position) -> TrendChart:
    """Cumulative forecast spend month by month against the year's budget (a line)."""
    width, height, top, bottom = 720, 260, 20, 40
    biggest = max([position.budget, *(m[2] for m in position.months)]) or Decimal(1)
    plot = height - top - bottom
    slot = width / 12
    bars = []
    for index, (month, _in_month, cumulative) in enumerate(position.months):
        h = float(cumulative / biggest) * plot
        bars.append(
            ChartBar(
                label=month.strftime("%b"),
                text=f"£{cumulative / 1_000_000:,.1f}m",
                x=index * slot + slot * 0.15,
                y=top + plot - h,
                height=h,
                over=cumulative > position.budget,
            )
        )
    budget_y = top + plot - float(position.budget / biggest) * plot if position.budget else None
    return TrendChart(bars, budget_y, width, height, slot * 0.7)


def sufficiency_table(result: Sufficiency) -> Table:
    rows: list[list[Any]] = [
        [
            NEED_NAMES.get(r.need, r.need),
            r.phase,
            r.places,
            r.now,
            *(r.demand[y] for y in result.years),
            r.last_gap,
        ]
        for r in result.rows
    ]
    rows.append(
        [
            "Total",
            "",
            result.places,
            result.now,
            *(result.demand[y] for y in result.years),
            result.places - result.demand[result.years[-1]],
        ]
    )
    return Table(
        key="place-sufficiency",
        title="Place sufficiency: specialist places against forecast demand by need and phase",
        header=[
            "Need",
            "Phase",
            "Places",
            "Placed and waiting now",
            *(f"Demand {y}" for y in result.years),
            f"Places less demand {result.years[-1]}",
        ],
        rows=rows,
    )


@dataclass(frozen=True)
class PairBar:
    label: str
    y: float
    places_width: float
    demand_width: float
    places: int
    demand: int
    short: bool


@dataclass(frozen=True)
class PairChart:
    bars: list[PairBar]
    width: int
    height: int
    plot_left: int
    bar_height: int
    year: int


def sufficiency_chart(result: Sufficiency) -> PairChart:
    """Each need and phase: places (upper bar) against demand in the last forecast year (lower bar)."""
    width, plot_left, bar_height, gap = 720, 180, 14, 12
    last = result.years[-1]
    biggest = max([1, *(max(r.places, r.demand[last]) for r in result.rows)])
    plot = width - plot_left - 60
    bars = [
        PairBar(
            label=f"{NEED_NAMES.get(r.need, r.need)}, {r.phase}",
            y=10 + n * (2 * bar_height + gap),
            places_width=r.places / biggest * plot,
            demand_width=r.demand[last] / biggest * plot,
            places=r.places,
            demand=r.demand[last],
            short=r.demand[last] > r.places,
        )
        for n, r in enumerate(result.rows)
    ]
    height = 20 + len(bars) * (2 * bar_height + gap)
    return PairChart(bars, width, height, plot_left, bar_height, last)
