"""The forecast page: EHC plans and pupil rates projected from the published series, the plans split by
primary need, and the cohort forecast by age from casework; with the page's downloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sendhub.dashboard import selectors
from sendhub.dashboard.rules.boards import format_value, period_label
from sendhub.dashboard.rules.cohort import AGE_BANDS, CohortForecast


@dataclass
class ForecastPage:
    la_name: str
    series: list[dict[str, Any]]
    need_rows: list[dict[str, Any]]
    need_years: list[int]
    need_period: str
    age_rows: list[dict[str, Any]] = field(default_factory=list)
    age_years: list[int] = field(default_factory=list)
    age_forecast_from: int | None = None
    age_mape: str | None = None


FORECAST_SERIES = (
    ("ehcp_caseload", "EHC plans in place (January)", "count"),
    ("sen_support_pupil_rate", "Pupils with SEN Support (% of pupils)", "percent"),
    ("ehcp_pupil_rate", "Pupils with an EHC plan (% of pupils)", "percent"),
)


def forecast_page(la_code: str, *, by_age: CohortForecast | None = None) -> ForecastPage:
    """`by_age`: the cohort forecast by age band from casework (`rules/cohort.py`)."""
    from sendhub.dashboard.rules.forecast import forecast, split_by_share

    series = []
    la_name = dict(selectors.local_authorities()).get(la_code, la_code)
    caseload_points: dict[int, float] = {}
    for name, label, unit in FORECAST_SERIES:
        history = {
            b.year: b.value
            for b in selectors.la_history(la_code=la_code, indicator_names=[name])
            if b.value is not None
        }
        national = {v.year: v.value for v in selectors.england_values([name]) if v.value is not None}
        result = forecast(history, national)
        if name == "ehcp_caseload":
            caseload_points = result.points
        series.append(
            {
                "label": label,
                "method": result.method,
                "mape": None if result.backtest_mape is None else f"{result.backtest_mape:.1f}%",
                "backtest": {m: ("\u2013" if s is None else f"{s:.1f}%") for m, s in result.backtest.items()},
                "rows": [
                    {"year": y, "value": format_value(v, unit), "kind": "Published"}
                    for y, v in result.history.items()
                ]
                + [
                    {"year": y, "value": format_value(v, unit), "kind": "Forecast"}
                    for y, v in result.points.items()
                ],
            }
        )
    need_names = [i for i in selectors.indicators() if i.name.startswith("ehcp_need_")]
    shares: dict[str, float] = {}
    period = ""
    for indicator in need_names:
        rows = [b for b in selectors.la_history(la_code=la_code, indicator_names=[indicator.name]) if b.value]
        if rows:
            shares[indicator.label.split(": ", 1)[-1].removesuffix(" (%)")] = rows[-1].value or 0.0
            period = rows[-1].time_period
    split = split_by_share(caseload_points, shares)
    years = sorted(caseload_points)
    need_rows = [
        {"need": need, "values": [format_value(points[y], "count") for y in years]}
        for need, points in sorted(split.items(), key=lambda kv: -shares[kv[0]])
    ]
    page = ForecastPage(la_name, series, need_rows, years, period)
    if by_age is not None and by_age.points:
        table = {**by_age.history, **by_age.points}
        page.age_years = sorted(table)
        page.age_forecast_from = min(by_age.points)
        page.age_rows = [
            {"need": band, "values": [format_value(table[y][band], "count") for y in page.age_years]}
            for band, _low, _high in AGE_BANDS
        ]
        page.age_mape = None if by_age.backtest_mape is None else f"{by_age.backtest_mape:.1f}%"
    return page


def forecast_sheets(page: ForecastPage) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The forecast page's tables for its CSV and XLSX downloads."""
    sheets: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            s["label"],
            ["Year", "Value", "Published or forecast"],
            [[r["year"], r["value"], r["kind"]] for r in s["rows"]],
        )
        for s in page.series
    ]
    if page.need_rows:
        sheets.append(
            (
                f"EHC plans forecast by primary need (need mix of {period_label(page.need_period)})",
                ["Primary need", *(str(y) for y in page.need_years)],
                [[r["need"], *r["values"]] for r in page.need_rows],
            )
        )
    if page.age_rows and page.age_forecast_from is not None:
        start = page.age_forecast_from
        sheets.append(
            (
                "EHC plans by age in January (casework, then forecast)",
                ["Age", *(f"{y} (forecast)" if y >= start else str(y) for y in page.age_years)],
                [[r["need"], *r["values"]] for r in page.age_rows],
            )
        )
    return sheets
