"""The benchmark page (one indicator for the authority, its comparators and England, over time) and the
board tables, with the benchmark page's downloads: views pass these to templates unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from sendhub.core.params import parse_int
from sendhub.dashboard import selectors
from sendhub.dashboard.models import Benchmark, NationalIndicator
from sendhub.dashboard.national.catalogue import BOARDS
from sendhub.dashboard.national.lait_measures import UNAVAILABLE
from sendhub.dashboard.presenters.charts import PALETTE, BarChart, TrendChart, bar_chart, trend_chart
from sendhub.dashboard.rules.boards import (
    REORGANISED_MARKER,
    BoardTable,
    build_board,
    format_value,
    ordinal_of,
    period_label,
    trend_word,
)

DEFAULT_INDICATOR = "ehcp_20_week_incl_exceptions"
REORGANISED_NOTE = (
    "No figure (reorganised): LAIT gives a zero for an authority in a period when it did not exist or"
    " had no figure of its own after local government reorganisation (Bournemouth, Christchurch and Poole;"
    " Dorset; Northamptonshire; Cumbria and their successors). These zeros are treated as missing: they"
    " are not ranked and do not count in quartiles or neighbour averages."
)
MAX_COMPARATORS = 20


@dataclass
class BenchmarkPage:
    indicator: NationalIndicator
    la_code: str
    la_name: str
    period: str
    periods: list[str]
    headline: dict[str, Any] | None
    comparators: list[dict[str, Any]]
    chart: BarChart
    trend: TrendChart | None
    history: list[dict[str, str]]
    indicators: list[NationalIndicator]
    authorities: list[tuple[str, str]]
    addable: list[tuple[str, str]]
    query: dict[str, Any] = field(default_factory=dict)
    current: dict[str, str] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    from_year: int | None = None
    to_year: int | None = None
    palette: dict[str, str] = field(default_factory=lambda: PALETTE)
    notes: list[str] = field(default_factory=list)

    @property
    def period_text(self) -> str:
        return period_label(self.period)

    @property
    def period_options(self) -> list[tuple[str, str]]:
        return [(p, period_label(p)) for p in self.periods]

    @property
    def download_query(self) -> str:
        return urlencode({**self.query, "custom": "1"}, doseq=True)

    @property
    def indicator_groups(self) -> list[tuple[str, list[NationalIndicator]]]:
        """The picker's options grouped by LAIT's (or the DfE release's) topic, topics and labels A to Z."""
        groups: dict[str, list[NationalIndicator]] = {}
        for i in self.indicators:
            groups.setdefault(i.topic or "Other", []).append(i)
        return [
            (topic, sorted(items, key=lambda i: i.label.lower())) for topic, items in sorted(groups.items())
        ]


def _codes(values: list[str], known: dict[str, str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        code = value.strip()
        if code in known and code not in seen:
            seen.append(code)
    return seen[:MAX_COMPARATORS]


def benchmark_page(params: Any, *, default_la: str) -> BenchmarkPage | None:
    """Build the indicator page from GET parameters; None when no national data are loaded."""
    indicators = list(selectors.indicators())
    if not indicators:
        return None
    by_name = {i.name: i for i in indicators}
    indicator = by_name.get(params.get("indicator", ""), by_name.get(DEFAULT_INDICATOR, indicators[0]))
    authorities = selectors.local_authorities()
    names = dict(authorities)
    la_code = params.get("la", default_la) if params.get("la", default_la) in names else default_la
    periods = selectors.periods(indicator)
    period = params.get("period") if params.get("period") in periods else (periods[-1] if periods else "")
    if "compare" in params or "add" in params or "custom" in params:  # an explicit set, possibly empty
        compare = _codes(params.getlist("compare"), names)
    else:
        compare = _codes(selectors.neighbours_of(la_code), names)
    if params.get("add") in names and params["add"] not in compare:
        compare.append(params["add"])
    compare = [c for c in compare if c != la_code and c != params.get("remove")]
    base = {"indicator": indicator.name, "la": la_code, "period": period}
    rows = {b.la_code: b for b in selectors.period_values(indicator=indicator, time_period=period)}
    own = rows.get(la_code)
    headline = selectors.benchmark_dict(own) if own else None
    comparators = []
    for code in compare:
        row = rows.get(code)
        remaining = [c for c in compare if c != code]
        comparators.append(
            {
                "code": code,
                "name": names[code],
                "value": format_value(row.value if row else None, indicator.unit, row.marker if row else ""),
                "rank": ordinal_of(row.rank, row.rank_of) if row else "\u2013",
                "quartile": (row.quartile if row else "") or "\u2013",
                "remove_url": "?" + urlencode({**base, "custom": "1", "compare": remaining}, doseq=True),
            }
        )
    items: list[tuple[str, float | None, str]] = [
        (names.get(la_code, la_code), own.value if own else None, "la")
    ]
    items += [(names[c], rows[c].value if c in rows else None, "comparator") for c in compare]
    if own:
        items += [
            ("Statistical neighbours (average)", own.sn_average, "sn_average"),
            ("England", own.england, "england"),
        ]
    summary = _summary(indicator, names.get(la_code, la_code), period, own)
    chart = bar_chart(
        items,
        unit=indicator.unit,
        quartiles=(own.q1, own.q2, own.q3) if own and indicator.quartiles else (None, None, None),
        polarity=indicator.polarity,
        summary=summary,
    )
    years = sorted(set(_years(periods)))
    from_year = _int(params.get("from"), years[0] if years else 0)
    to_year = _int(params.get("to"), years[-1] if years else 9999)
    shown = [
        b
        for b in selectors.la_history(la_code=la_code, indicator_names=[indicator.name])
        if from_year <= b.year <= to_year
    ]
    la_label = names.get(la_code, la_code)
    trend = trend_chart(
        [period_label(b.time_period) for b in shown],
        [
            (la_label, "la", [b.value for b in shown]),
            ("Statistical neighbours average", "sn_average", [b.sn_average for b in shown]),
            ("England", "england", [b.england for b in shown]),
        ],
        unit=indicator.unit,
        summary=f"{indicator.label}: {la_label}, its statistical neighbours and England over time.",
    )
    history = [
        {
            "period": period_label(b.time_period),
            "value": format_value(b.value, indicator.unit, b.marker),
            "sn_average": format_value(b.sn_average, indicator.unit),
            "england": format_value(b.england, indicator.unit),
            "rank": ordinal_of(b.rank, b.rank_of),
            "quartile": b.quartile or "\u2013",
            "trend": trend_word(
                None if b.value is None or b.previous_value is None else b.value - b.previous_value,
                indicator.polarity,
                unit=indicator.unit,
                previous=b.previous_value,
            ),
        }
        for b in shown
    ]
    addable = [(c, n) for c, n in authorities if c not in compare and c != la_code]
    markers = {b.marker for b in [*rows.values(), *shown]}
    notes = [REORGANISED_NOTE] if REORGANISED_MARKER in markers else []
    return BenchmarkPage(
        indicator,
        la_code,
        names.get(la_code, la_code),
        period,
        periods,
        headline,
        comparators,
        chart,
        trend if shown else None,
        history,
        indicators,
        authorities,
        addable,
        query={**base, "compare": compare},
        current=_current(own, indicator),
        years=years,
        from_year=from_year,
        to_year=to_year,
        notes=notes,
    )


def _years(periods: list[str]) -> list[int]:
    from sendhub.dashboard.national.readers import year_of

    return [year_of(p) for p in periods]


def _int(raw: str | None, default: int) -> int:
    value = parse_int(raw, minimum=0, maximum=9999)
    return default if value is None else value


def _current(own: Benchmark | None, indicator: NationalIndicator) -> dict[str, str]:
    if own is None:
        return {}
    unit = indicator.unit
    return {
        "value": format_value(own.value, unit, own.marker),
        "england": format_value(own.england, unit),
        "sn_average": format_value(own.sn_average, unit),
        "rank": ordinal_of(own.rank, own.rank_of),
    }


def _summary(indicator: NationalIndicator, la_name: str, period: str, own: Benchmark | None) -> str:
    if own is None or own.value is None:
        return f"{la_name} has no published figure for {indicator.label.lower()} in {period}."
    unit = indicator.unit
    parts = [f"In {period}, {la_name}: {format_value(own.value, unit)}"]
    if own.england is not None:
        parts.append(f"England {format_value(own.england, unit)}")
    if own.sn_average is not None:
        parts.append(
            f"statistical neighbours {format_value(own.sn_average, unit)} (average of {own.sn_count})"
        )
    text = "; ".join(parts) + "."
    if own.rank:
        text += f" Ranked {ordinal_of(own.rank, own.rank_of)} local authorities"
        text += f", quartile band {own.quartile}." if own.quartile else "."
    return text


def board_table(board: str, la_code: str) -> BoardTable:
    return board_tables([board], la_code)[0]


def board_tables(boards: list[str], la_code: str) -> list[BoardTable]:
    """The boards' tables, each read (indicators, the LA's history, England's values, its name) done once
    for them all: the board pack shows every board."""
    indicators = [i for i in selectors.indicators() if i.board in boards]
    names = [i.name for i in indicators]
    history = [
        {
            "indicator": b.indicator.name,
            "year": b.year,
            "time_period": b.time_period,
            "value": b.value,
            "marker": b.marker,
            "sn_average": b.sn_average,
            "sn_rank": b.sn_rank,
            "sn_rank_of": b.sn_rank_of,
            "rank": b.rank,
            "rank_of": b.rank_of,
            "quartile": b.quartile,
            "previous_value": b.previous_value,
        }
        for b in selectors.la_history(la_code=la_code, indicator_names=names)
    ]
    england = [
        {"indicator": v.indicator.name, "year": v.year, "value": v.value, "marker": v.marker}
        for v in selectors.england_values(names)
    ]
    la_name = dict(selectors.local_authorities()).get(la_code, la_code)
    tables = []
    for board in boards:
        mine = [i for i in indicators if i.board == board]
        own = {i.name for i in mine}
        tables.append(
            build_board(
                key=board,
                title=BOARDS[board],
                la_code=la_code,
                la_name=la_name,
                indicators=[
                    {"name": i.name, "label": i.label, "unit": i.unit, "polarity": i.polarity} for i in mine
                ],
                history=[h for h in history if h["indicator"] in own],
                england=[e for e in england if e["indicator"] in own],
                unavailable=[(label, why) for key, label, why in UNAVAILABLE if key == board],
            )
        )
    return tables


def benchmark_sheets(page: BenchmarkPage) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The benchmark page's tables for its CSV and XLSX downloads, as the page shows them."""
    unit = page.indicator.unit
    current = page.current
    headline = [[page.la_name, current.get("value", "\u2013"), current.get("rank", "\u2013")]]
    if page.headline:
        headline += [
            ["Statistical neighbours (average)", current["sn_average"], "\u2013"],
            ["England", current["england"], "\u2013"],
        ]
    comparators = [[c["name"], c["value"], c["rank"], c["quartile"]] for c in page.comparators]
    history = [
        [h["period"], h["value"], h["sn_average"], h["england"], h["rank"], h["quartile"], h["trend"]]
        for h in page.history
    ]
    title = f"{page.indicator.label}, {period_label(page.period)}"
    return [
        (title, ["Area", f"Value ({unit})", "National rank"], headline),
        (
            "Comparator local authorities",
            ["Local authority", "Value", "National rank", "Quartile"],
            comparators,
        ),
        (
            f"{page.la_name} over time",
            ["Year", page.la_name, "Statistical neighbours", "England", "National rank", "Quartile", "Trend"],
            history,
        ),
    ]
