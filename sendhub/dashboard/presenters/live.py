"""Presenters for the live casework pages: KPIs with drill-down, and disproportionality."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sendhub.core.params import parse_int
from sendhub.dashboard.presenters.charts import TrendChart, trend_chart
from sendhub.dashboard.presenters.exports import Sheet
from sendhub.dashboard.rules.cohort import CohortForecast
from sendhub.dashboard.rules.disproportionality import RiskRatio, risk_ratios_from_counts
from sendhub.dashboard.rules.kpis import Facts, Kpi, caseload_breakdowns, compute_kpis
from sendhub.dashboard.rules.suppression import SUPPRESSED, suppress_count, suppress_rate
from sendhub.dashboard.selectors.forecasts import plans_by_age_band
from sendhub.dashboard.selectors.live import (
    casework_facts,
    child_facts,
    plan_rates_by,
    request_facts,
    sen_status_counts,
    sen_status_rows,
)
from sendhub.lib.dates import long_date

ON_REGISTER = {"support", "eng", "ehcp"}


def year_choice(raw: str | None, today: date) -> int:
    return parse_int(raw, minimum=2014, maximum=today.year) or today.year


@dataclass
class KpiPage:
    year: int
    years: list[int]
    kpis: list[Kpi]
    breakdowns: dict[str, list[tuple[str, int]]]
    trend: TrendChart | None = None
    trend_rows: list[list[str]] = field(default_factory=list)


TREND_KPIS = ("twenty_week_incl", "twenty_week_excl")
TREND_HEADER = [
    "Year of issue",
    "Within 20 weeks, including exceptions",
    "Within 20 weeks, excluding exceptions",
]


def timeliness_trend(*, years: list[int], today: date) -> tuple[TrendChart, list[list[str]]]:
    """20-week timeliness by calendar year of issue (DfE's basis) from casework, for the trend chart and
    its table. Reads only the requests, once, for every year shown."""
    first, last = min(years), max(years)
    facts = Facts(requests=request_facts(today=today, since=date(first, 1, 1)))
    by_year: dict[int, dict[str, Kpi]] = {}
    for year in range(first, last + 1):
        kpis = compute_kpis(facts, start=date(year, 1, 1), end=min(date(year, 12, 31), today))
        by_year[year] = {k.key: k for k in kpis if k.key in TREND_KPIS}
    ordered = list(range(first, last + 1))
    chart = trend_chart(
        [f"{y} (so far)" if y == today.year else str(y) for y in ordered],
        [
            ("Including exceptions", "la", [by_year[y]["twenty_week_incl"].percent for y in ordered]),
            ("Excluding exceptions", "sn_average", [by_year[y]["twenty_week_excl"].percent for y in ordered]),
        ],
        unit="percent",
        summary="EHC plans issued within 20 weeks of the request, by calendar year of issue, from casework.",
    )
    rows = [
        [
            str(y),
            *(
                "\u2013"
                if by_year[y][key].percent is None
                else f"{by_year[y][key].percent}% ({by_year[y][key].numerator_count} of "
                f"{by_year[y][key].denominator_count})"
                for key in TREND_KPIS
            ),
        ]
        for y in ordered
    ]
    return chart, rows


def kpi_page(*, year: int, today: date, with_trend: bool = True) -> KpiPage:
    facts = casework_facts(today=today, years=range(year, year + 1), children=False)
    kpis = compute_kpis(facts, start=date(year, 1, 1), end=min(date(year, 12, 31), today))
    breakdowns = caseload_breakdowns(child_facts(today=today, statuses=("ehcp",)))
    breakdowns["SEN status"] = sen_status_rows(sen_status_counts())
    years = list(range(today.year, today.year - 6, -1))
    if not with_trend:
        return KpiPage(year, years, kpis, breakdowns)
    trend, trend_rows = timeliness_trend(years=years, today=today)
    return KpiPage(year, years, kpis, breakdowns, trend, trend_rows)


def kpi_cases(*, key: str, part: str, year: int, today: date) -> tuple[Kpi, frozenset[int]] | None:
    for kpi in kpi_page(year=year, today=today, with_trend=False).kpis:
        if kpi.key == key:
            ids = kpi.numerator if part == "numerator" else kpi.denominator
            return (kpi, ids) if ids is not None else None
    return None


ATTRIBUTES = {
    "ethnicity": "Ethnicity",
    "sex": "Sex",
    "fsm": "Free school meals",
    "looked_after": "Looked after",
    "need": "Primary need",
}


def disproportionality_tables(*, today: date) -> list[tuple[str, list[RiskRatio]]]:
    """Rate of having an EHC plan among children on the SEN register, by each characteristic."""
    register = tuple(sorted(ON_REGISTER))
    return [
        (label, risk_ratios_from_counts(plan_rates_by(key, statuses=register), attribute=label))
        for key, label in ATTRIBUTES.items()
    ]


def age_forecast(*, today: date) -> CohortForecast:
    """EHC plans by age band: casework history to the last census day, and the cohort forecast to 2030."""
    return plans_by_age_band(today=today)


@dataclass(frozen=True)
class LiveFigure:
    """A figure counted from casework today, with the period it covers (the public page says both)."""

    label: str
    value: str
    period: str
    key: str = ""


def public_live_figures(*, today: date) -> list[LiveFigure]:
    """Live aggregates for the public page, with DfE-style small-number suppression."""
    counts = sen_status_counts()
    plans, support = counts.get("ehcp", 0), counts.get("support", 0)
    start = date(today.year, 1, 1)
    facts = Facts(requests=request_facts(today=today, since=start))
    kpis = {k.key: k for k in compute_kpis(facts, start=start, end=today)}
    timely = kpis["twenty_week_incl"]
    rate = suppress_rate(timely.numerator_count, timely.denominator_count)
    on_today = f"On {long_date(today)}"
    so_far = f"{long_date(start)} to {long_date(today)} (the year so far)"
    return [
        LiveFigure(
            "Children and young people with an EHC plan",
            _text(suppress_count(plans)),
            on_today,
            "ehcp_caseload",
        ),
        LiveFigure(
            "Children with SEN Support known to the SEND service", _text(suppress_count(support)), on_today
        ),
        LiveFigure(
            f"EHC plans issued within 20 weeks so far in {today.year}",
            _text(rate, suffix="%"),
            so_far,
            "ehcp_20_week_incl_exceptions",
        ),
    ]


def _text(value: Any, suffix: str = "") -> str:
    if value is None:
        return "\u2013"
    if value == SUPPRESSED:
        return "fewer than 5 (not shown)"
    return f"{value:,}{suffix}" if isinstance(value, int) else f"{value}{suffix}"


def kpi_sheets(page: KpiPage) -> list[Sheet]:
    """The KPI page's tables for CSV and XLSX downloads: the same figures as on the page."""
    kpis = [
        [
            k.label,
            k.numerator_count,
            k.denominator_count if k.denominator_count is not None else "",
            k.percent if k.percent is not None else "",
            k.definition,
            k.source,
        ]
        for k in page.kpis
    ]
    header = ["Measure", "Number", "Out of", "Percent", "Definition", "Source"]
    sheets: list[Sheet] = [(f"Live figures from casework, {page.year}", header, kpis)]
    sheets.append(("20-week timeliness by year", TREND_HEADER, [list(r) for r in page.trend_rows]))
    for title, rows in page.breakdowns.items():
        sheets.append((title, [title, "Children"], [[label, count] for label, count in rows]))
    return sheets


def disproportionality_sheets(tables: list[tuple[str, list[RiskRatio]]]) -> list[Sheet]:
    header = [
        "Group",
        "Children on the register",
        "With an EHC plan",
        "Rate (%)",
        "Risk ratio",
        "95% CI low",
        "95% CI high",
    ]
    return [
        (
            title,
            header,
            [
                [
                    r.group,
                    r.group_size,
                    r.group_outcomes,
                    "" if r.group_rate is None else round(r.group_rate, 1),
                    "" if r.ratio is None else round(r.ratio, 2),
                    "" if r.low is None else round(r.low, 2),
                    "" if r.high is None else round(r.high, 2),
                ]
                for r in rows
            ],
        )
        for title, rows in tables
    ]
