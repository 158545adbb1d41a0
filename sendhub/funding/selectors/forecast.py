"""The High Needs Block position for a financial year: budget, commitments, forecast outturn, variance,
the month-by-month trend and the deficit; and "what if" scenarios side by side.

Commitments are computed, never typed in: the live plans' bands (casework gives each plan's maintained
period through sendhub.cases.selectors.funding), the Exceptional Needs Grants, the tuition and EOTAS
packages, the commissioned specialist places and the other recurring commitments, each pro-rated to the
year (rules.py). Exact values are summed first and rounded once, by largest remainder, so the lines add
up to the total to the penny and the months add up to each line.

`position` keeps the last result for each year in the process and returns it again while the data it was
computed from is unchanged: one query reads a digest of exactly the rows and columns the computation reads
(`data_version`), so a band, grant, package, place, commitment, adjustment, budget line or plan changed
by anyone, anyhow, shows on the next page. `compute_position` always recomputes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from django.db import connection
from django.db.models import Count, DateField, F, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.shortcuts import get_object_or_404

from sendhub.cases.selectors.funding import maintained_period_lookups
from sendhub.core.digest import digest_value, rows_digest
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


def _in_year(year: rules.FinancialYear) -> Q:
    return Q(start__lte=year.end) & (Q(end__isnull=True) | Q(end__gte=year.start))


def _sources(funding_year: FundingYear) -> dict[str, tuple[QuerySet[Any], list[str]]]:
    """Every query the position reads, with the columns it reads: one list for the computation and the
    digest of its data, so they cannot drift apart."""
    year = rules.financial_year(funding_year.start_year)
    in_year = _in_year(year)
    maintained, plan_start, plan_end = maintained_period_lookups("plan", maintained_after=year.start)
    return {
        "bands": (  # a draft plan is not yet funded: only bands of issued plans, with their periods
            PlanBand.objects.filter(in_year & maintained),
            ["start", "end", "value__setting", "value__annual_value", plan_start, plan_end],
        ),
        "grants": (
            EngDecision.objects.filter(outcome__in=FUNDED_OUTCOMES, start__lte=year.end, end__gte=year.start),
            ["amount", "start", "end", "ended_on"],
        ),
        "packages": (Package.objects.filter(in_year), ["weekly_cost", "start", "end"]),
        "places": (SpecialistProvision.objects.all(), ["kind", "commissioned_places", "place_value"]),
        "commitments": (Commitment.objects.filter(in_year), ["line", "amount", "frequency", "start", "end"]),
        "adjustments": (
            ForecastAdjustment.objects.filter(year=funding_year),
            ["line", "amount", "from_month"],
        ),
        "budgets": (BudgetLine.objects.filter(year=funding_year), ["line", "amount"]),
    }


def _rows(funding_year: FundingYear, name: str) -> QuerySet[Any]:
    queryset, fields = _sources(funding_year)[name]
    return queryset.values_list(*fields)


_POSITIONS: dict[int, tuple[tuple[object, ...], Position]] = {}
_VERSION_SQL: dict[tuple[str, int, int], tuple[str, tuple[Any, ...]]] = {}


def _version_sql(funding_year: FundingYear) -> tuple[str, tuple[Any, ...]]:
    """The digest query's SQL, built once a year and database (building it costs more than running it)."""
    key = (connection.alias, funding_year.pk, funding_year.start_year)
    built = _VERSION_SQL.get(key)
    if built is None:
        digests = {
            f"digest_{name}": Subquery(rows_digest(queryset, fields))
            for name, (queryset, fields) in _sources(funding_year).items()
        }
        query = FundingYear.objects.filter(pk=funding_year.pk).annotate(**digests).values_list(*digests)
        sql, params = query.query.sql_with_params()
        built = _VERSION_SQL[key] = (sql, tuple(params))
    return built


def data_version(funding_year: FundingYear) -> tuple[object, ...]:
    """What the year's position is computed from, in one query: the year's own settings and a digest of
    every source's rows, the bands with their plans' maintained periods (sendhub.core.digest)."""
    sql, params = _version_sql(funding_year)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone() or ()
    return (
        funding_year.start_year,
        funding_year.notional_threshold,
        funding_year.allocation,
        *(digest_value(value) for value in row),
    )


def _band_groups(funding_year: FundingYear, year: rules.FinancialYear) -> QuerySet[Any]:
    """The bands counted in the database by (setting, annual value, first day, last day): the days each is
    paid in the year, from the later of the band's start and the plan's issue to the earlier of the band's
    end and the plan's cessation, within the year. Bands of the same value over the same days cost the
    same, so a few hundred groups stand for thousands of bands."""
    queryset, _fields = _sources(funding_year)["bands"]
    _maintained, plan_start, plan_end = maintained_period_lookups("plan", maintained_after=year.start)
    start, end = Value(year.start, output_field=DateField()), Value(year.end, output_field=DateField())
    return (
        queryset.annotate(
            first=Greatest("start", plan_start, start, output_field=DateField()),
            last=Least(Coalesce("end", end), Coalesce(plan_end, end), end, output_field=DateField()),
        )
        .filter(first__lte=F("last"))
        .values("value__setting", "value__annual_value", "first", "last")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("value__setting", "value__annual_value", "first", "last", "count")
    )


def exact_commitments(funding_year: FundingYear) -> dict[str, list[Decimal]]:
    """Each line's exact cost month by month, from everything live in the year."""
    year = rules.financial_year(funding_year.start_year)
    costs: dict[str, list[rules.DailyCost]] = defaultdict(list)

    threshold = funding_year.notional_threshold
    for setting, value, first, last, count in _band_groups(funding_year, year):
        top_up = rules.mainstream_top_up(value, threshold) if setting == BandSetting.MAINSTREAM else value
        costs[LINE_OF_SETTING[setting]].append(rules.DailyCost(top_up * count, first, last, year.days))

    for amount, grant_start, grant_end, ended_on in _rows(funding_year, "grants"):
        if grant_start is None or grant_end is None:
            continue  # the constraint gives every grant its period; a decline has none
        period = (grant_end - grant_start).days + 1
        stop = min(grant_end, ended_on) if ended_on else grant_end
        costs[Line.ENG].append(rules.DailyCost(amount, grant_start, stop, period))

    for weekly, start, end in _rows(funding_year, "packages"):
        costs[Line.TUITION_EOTAS].append(rules.DailyCost(weekly, start, end, rules.DAYS_PER_WEEK))

    for kind, places, value in _rows(funding_year, "places"):
        costs[LINE_OF_PROVISION[kind]].append(rules.DailyCost(value * places, year.start, None, year.days))

    for line, amount, frequency, start, end in _rows(funding_year, "commitments"):
        every = rules.Frequency(frequency)
        costs[line].append(
            rules.DailyCost(rules.annual_value(amount, every), start, end, rules.days_per(every, year))
        )

    return {line: rules.monthly_profile(costs.get(line, []), year) for line in Line.values}


def exact_adjustments(funding_year: FundingYear) -> dict[str, list[Decimal]]:
    """Forecast adjustments spread evenly over the months from their first month to March."""
    year = rules.financial_year(funding_year.start_year)
    starts = [first for first, _ in year.months()]
    out: dict[str, list[Decimal]] = {line: [ZERO] * 12 for line in Line.values}
    for line, amount, from_month in _rows(funding_year, "adjustments"):
        index = starts.index(from_month)
        with localcontext() as context:  # to 1e-15 pounds as the months are (rules.monthly_profile)
            context.prec = rules.PROFILE_PRECISION
            share = (amount / (12 - index)).quantize(rules.PROFILE_QUANTUM)
        for month in range(index, 12):
            out[line][month] += share
    return out


def position(funding_year: FundingYear) -> Position:
    """The year's position: the one computed last in this process while its data is unchanged."""
    version = data_version(funding_year)
    hit = _POSITIONS.get(funding_year.pk)
    if hit is not None and hit[0] == version:
        return hit[1]
    result = compute_position(funding_year)
    _POSITIONS[funding_year.pk] = (version, result)
    return result


def compute_position(funding_year: FundingYear) -> Position:
    year = rules.financial_year(funding_year.start_year)
    committed_months = exact_commitments(funding_year)
    adjustment_months = exact_adjustments(funding_year)
    budgets: dict[str, Decimal] = dict(_rows(funding_year, "budgets"))
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
