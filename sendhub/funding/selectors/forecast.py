"""The High Needs Block position for a financial year: budget, commitments, forecast outturn, variance,
the month-by-month trend and the deficit; and "what if" scenarios side by side.

Commitments are computed, never typed in: the live plans' bands (casework gives each plan's maintained
period through sendhub.cases.selectors.funding), the Exceptional Needs Grants, the tuition and EOTAS
packages, the commissioned specialist places and the other recurring commitments, each pro-rated to the
year (rules.py). Exact values are summed first and rounded once, by largest remainder, so the lines add
up to the total to the penny and the months add up to each line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.shortcuts import get_object_or_404

from sendhub.cases.selectors.funding import plan_periods
from sendhub.funding import rules
from sendhub.funding.models import (
    FUNDED_OUTCOMES,
    BandSetting,
    BudgetLine,
    Commitment,
    EngDecision,
    ForecastAdjustment,
    FundingYear,
    Line,
    Package,
    PlanBand,
    ProvisionKind,
    Scenario,
    SpecialistProvision,
)

ZERO = Decimal(0)
LINE_OF_SETTING: dict[str, str] = {
    BandSetting.MAINSTREAM: Line.TOP_UP_MAINSTREAM,
    BandSetting.ARP: Line.TOP_UP_ARP,
    BandSetting.SPECIAL: Line.TOP_UP_SPECIAL,
    BandSetting.POST_16: Line.POST_16,
    BandSetting.INDEPENDENT: Line.INDEPENDENT,
}
LINE_OF_PROVISION: dict[str, str] = {
    ProvisionKind.SPECIAL: Line.TOP_UP_SPECIAL,
    ProvisionKind.ARP: Line.TOP_UP_ARP,
    ProvisionKind.AP: Line.AP,
}


@dataclass(frozen=True)
class LinePosition:
    line: str
    name: str
    budget: Decimal
    committed: Decimal
    forecast_outturn: Decimal
    variance: Decimal
    months: list[Decimal]


@dataclass(frozen=True)
class Position:
    year: rules.FinancialYear
    notional_threshold: Decimal
    allocation: Decimal
    lines: list[LinePosition]
    budget: Decimal
    committed: Decimal
    forecast_outturn: Decimal
    variance: Decimal
    deficit: Decimal
    months: list[tuple[date, Decimal, Decimal]] = field(default_factory=list)  # (month, forecast, cumulative)

    def as_json(self) -> dict[str, object]:
        money = rules.money
        return {
            "year": self.year.label,
            "budget": money(self.budget),
            "committed": money(self.committed),
            "forecast_outturn": money(self.forecast_outturn),
            "variance": money(self.variance),
            "deficit": money(self.deficit),
            "lines": [
                {
                    "line": row.line,
                    "name": row.name,
                    "budget": money(row.budget),
                    "committed": money(row.committed),
                    "forecast_outturn": money(row.forecast_outturn),
                    "variance": money(row.variance),
                }
                for row in self.lines
            ],
        }


def get_funding_year(start_year: int) -> FundingYear:
    return get_object_or_404(FundingYear, start_year=start_year)


def funding_years() -> list[int]:
    return list(FundingYear.objects.order_by("-start_year").values_list("start_year", flat=True))


def exact_commitments(funding_year: FundingYear) -> dict[str, list[Decimal]]:
    """Each line's exact cost month by month, from everything live in the year."""
    year = rules.financial_year(funding_year.start_year)
    costs: dict[str, list[rules.DailyCost]] = defaultdict(list)
    in_year = Q(start__lte=year.end) & (Q(end__isnull=True) | Q(end__gte=year.start))

    bands = list(
        PlanBand.objects.filter(in_year).values_list(
            "plan_id", "start", "end", "value__setting", "value__annual_value"
        )
    )
    periods = plan_periods(maintained_after=year.start)
    threshold = funding_year.notional_threshold
    rates: dict[tuple[str, Decimal], Decimal] = {}  # a framework has few values: divide once for each
    for plan_id, start, end, setting, value in bands:
        period = periods.get(plan_id)
        if period is None or period.start is None:
            continue  # a draft plan is not yet funded
        rate = rates.get((setting, value))
        if rate is None:
            top_up = rules.mainstream_top_up(value, threshold) if setting == BandSetting.MAINSTREAM else value
            rate = rates[(setting, value)] = rules.daily_rate(top_up, rules.Frequency.ANNUAL, year)
        first = max(start, period.start)
        ends = [d for d in (end, period.end) if d is not None]
        last = min(ends) if ends else None
        if last is not None and last < first:
            continue
        costs[LINE_OF_SETTING[setting]].append(rules.DailyCost(rate, first, last))

    grants = EngDecision.objects.filter(
        outcome__in=FUNDED_OUTCOMES, start__lte=year.end, end__gte=year.start
    ).values_list("amount", "start", "end", "ended_on")
    for amount, grant_start, grant_end, ended_on in grants:
        if grant_start is None or grant_end is None:
            continue  # the constraint gives every grant its period; a decline has none
        rate = amount / ((grant_end - grant_start).days + 1)
        stop = min(grant_end, ended_on) if ended_on else grant_end
        costs[Line.ENG].append(rules.DailyCost(rate, grant_start, stop))

    for weekly, start, end in Package.objects.filter(in_year).values_list("weekly_cost", "start", "end"):
        costs[Line.TUITION_EOTAS].append(rules.DailyCost(weekly / rules.DAYS_PER_WEEK, start, end))

    for kind, places, value in SpecialistProvision.objects.values_list(
        "kind", "commissioned_places", "place_value"
    ):
        rate = rules.daily_rate(value * places, rules.Frequency.ANNUAL, year)
        costs[LINE_OF_PROVISION[kind]].append(rules.DailyCost(rate, year.start, None))

    for line, amount, frequency, start, end in Commitment.objects.filter(in_year).values_list(
        "line", "amount", "frequency", "start", "end"
    ):
        costs[line].append(
            rules.DailyCost(rules.daily_rate(amount, rules.Frequency(frequency), year), start, end)
        )

    return {line: rules.monthly_profile(costs.get(line, []), year) for line in Line.values}


def exact_adjustments(funding_year: FundingYear) -> dict[str, list[Decimal]]:
    """Forecast adjustments spread evenly over the months from their first month to March."""
    year = rules.financial_year(funding_year.start_year)
    starts = [first for first, _ in year.months()]
    out: dict[str, list[Decimal]] = {line: [ZERO] * 12 for line in Line.values}
    for line, amount, from_month in ForecastAdjustment.objects.filter(year=funding_year).values_list(
        "line", "amount", "from_month"
    ):
        index = starts.index(from_month)
        share = amount / (12 - index)
        for month in range(index, 12):
            out[line][month] += share
    return out


def position(funding_year: FundingYear) -> Position:
    year = rules.financial_year(funding_year.start_year)
    committed_months = exact_commitments(funding_year)
    adjustment_months = exact_adjustments(funding_year)
    budgets = dict(BudgetLine.objects.filter(year=funding_year).values_list("line", "amount"))
    lines = Line.values
    forecast_months = {
        line: [c + a for c, a in zip(committed_months[line], adjustment_months[line], strict=True)]
        for line in lines
    }
    committed = dict(
        zip(lines, rules.allocate_pennies([sum(committed_months[x], ZERO) for x in lines]), strict=True)
    )
    forecast = dict(
        zip(lines, rules.allocate_pennies([sum(forecast_months[x], ZERO) for x in lines]), strict=True)
    )
    rows = []
    for line in lines:
        budget = budgets.get(line, ZERO)
        rows.append(
            LinePosition(
                line=line,
                name=Line(line).label,
                budget=budget,
                committed=committed[line],
                forecast_outturn=forecast[line],
                variance=rules.variance(budget, forecast[line]),
                months=rules.allocate_pennies(forecast_months[line], forecast[line]),
            )
        )
    total_budget = sum((r.budget for r in rows), ZERO)
    total_forecast = sum((r.forecast_outturn for r in rows), ZERO)
    income = funding_year.allocation or total_budget
    months = []
    cumulative = ZERO
    for index, (first, _last) in enumerate(year.months()):
        in_month = sum((r.months[index] for r in rows), ZERO)
        cumulative += in_month
        months.append((first, in_month, cumulative))
    return Position(
        year=year,
        notional_threshold=funding_year.notional_threshold,
        allocation=funding_year.allocation,
        lines=rows,
        budget=total_budget,
        committed=sum((r.committed for r in rows), ZERO),
        forecast_outturn=total_forecast,
        variance=rules.variance(total_budget, total_forecast),
        deficit=max(ZERO, total_forecast - income),
        months=months,
    )


@dataclass(frozen=True)
class ScenarioColumn:
    name: str
    description: str
    lines: dict[str, Decimal]
    total: Decimal
    difference: Decimal


def scenarios(funding_year: FundingYear, base: Position) -> list[ScenarioColumn]:
    """Each saved scenario's forecast outturn by line, beside the current forecast."""
    year = base.year
    exact = {row.line: row.forecast_outturn for row in base.lines}
    columns = []
    for scenario in Scenario.objects.filter(year=funding_year).prefetch_related("changes"):
        changes = [
            rules.ScenarioChange(c.line, c.percent, c.places, c.value_per_place, c.places_from)
            for c in scenario.changes.all()
        ]
        moved = rules.apply_scenario(exact, changes, year)
        rounded = dict(zip(moved, rules.allocate_pennies(list(moved.values())), strict=True))
        total = sum(rounded.values(), ZERO)
        columns.append(
            ScenarioColumn(scenario.name, scenario.description, rounded, total, total - base.forecast_outturn)
        )
    return columns
