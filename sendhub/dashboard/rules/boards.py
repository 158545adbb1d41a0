"""Board tables (the progress report's Appendix B) for any LA, as plain data. No Django imports.

One row per indicator: the LA's value for each year, the latest statistical-neighbour average, the LA's
place among its neighbours, England's value for each year, the national rank, the latest difference
against neighbours and England, and the trend (change since the previous period, judged by polarity).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sendhub.dashboard.national.markers import describe_marker

UNIT_SUFFIX = {"percent": "%", "count": "", "score": "", "rate": ""}


@dataclass(frozen=True)
class Cell:
    value: float | None
    marker: str = ""

    def text(self, unit: str, *, signed: bool = False) -> str:
        return format_value(self.value, unit, self.marker, signed=signed)


@dataclass
class BoardRow:
    indicator: str
    label: str
    unit: str
    polarity: str
    la: dict[int, Cell] = field(default_factory=dict)
    england: dict[int, Cell] = field(default_factory=dict)
    latest_year: int | None = None
    latest_period: str = ""
    sn_average: float | None = None
    sn_rank: int | None = None
    sn_rank_of: int | None = None
    rank: int | None = None
    rank_of: int | None = None
    quartile: str = ""
    change: float | None = None

    @property
    def diff_sn(self) -> float | None:
        latest = self.la.get(self.latest_year) if self.latest_year else None
        if latest is None or latest.value is None or self.sn_average is None:
            return None
        return latest.value - self.sn_average

    @property
    def diff_england(self) -> float | None:
        if self.latest_year is None:
            return None
        la, eng = self.la.get(self.latest_year), self.england.get(self.latest_year)
        if la is None or eng is None or la.value is None or eng.value is None:
            return None
        return la.value - eng.value

    @property
    def trend(self) -> str:
        latest = self.la.get(self.latest_year) if self.latest_year else None
        previous = None
        if latest is not None and latest.value is not None and self.change is not None:
            previous = latest.value - self.change
        return trend_word(self.change, self.polarity, unit=self.unit, previous=previous)


@dataclass
class BoardTable:
    key: str
    title: str
    la_code: str
    la_name: str
    years: list[int]
    rows: list[BoardRow]
    # Rows the board should have but whose figures are not in the loaded data: (label, why).
    unavailable: list[tuple[str, str]] = field(default_factory=list)

    def header(self) -> list[str]:
        years = [str(y) for y in self.years]
        return [
            "Indicator",
            *(f"{self.la_name} {y}" for y in years),
            "Trend",
            "Latest period",
            "Statistical neighbours average",
            "Rank among neighbours",
            "Difference from neighbours",
            *(f"England {y}" for y in years),
            "National rank",
            "Quartile band",
            "Difference from England",
        ]

    def as_rows(self) -> list[list[str]]:
        """Text cells, as shown on the page and in every download."""
        out = []
        for r in self.rows:
            out.append(
                [
                    r.label,
                    *(r.la.get(y, Cell(None)).text(r.unit) for y in self.years),
                    r.trend,
                    period_label(r.latest_period),
                    format_value(r.sn_average, r.unit),
                    ordinal_of(r.sn_rank, r.sn_rank_of),
                    format_gap(r.diff_sn, r.unit),
                    *(r.england.get(y, Cell(None)).text(r.unit) for y in self.years),
                    ordinal_of(r.rank, r.rank_of),
                    r.quartile or "\u2013",
                    format_gap(r.diff_england, r.unit),
                ]
            )
        width = len(self.header())
        for label, _why in self.unavailable:
            out.append(
                [label, *(["not available"] * len(self.years)), *(["\u2013"] * (width - 1 - len(self.years)))]
            )
        return out

    def footnotes(self) -> list[str]:
        markers = sorted(
            {c.marker for r in self.rows for c in [*r.la.values(), *r.england.values()] if c.marker}
        )
        notes = [f"{m}: {describe_marker(m)}" for m in markers]
        return notes + [f"{label}: {why}" for label, why in self.unavailable]


# DfE's suppression markers ("c" confidential, "x" not available in LAIT's usage) read as a word.
SUPPRESSION_MARKERS = {"c", "x"}
# LAIT's placeholder zero for a reorganised authority, read as missing (`national/reorganisation.py`).
REORGANISED_MARKER = "reorg"


def format_value(value: float | None, unit: str, marker: str = "", *, signed: bool = False) -> str:
    if value is None:
        if marker in SUPPRESSION_MARKERS:
            return "suppressed"
        if marker == REORGANISED_MARKER:
            return "no figure (reorganised)"
        return marker if marker and marker != "-" else "\u2013"
    sign = "+" if signed and value > 0 else ""
    if unit == "count":
        return f"{sign}{value:,.0f}"
    if unit == "pounds":
        return f"{'-' if value < 0 else sign}£{abs(value):,.0f}"
    decimals = 2 if unit == "score" else 1
    return f"{sign}{value:,.{decimals}f}{UNIT_SUFFIX.get(unit, '')}"


def format_gap(value: float | None, unit: str) -> str:
    """A difference between two figures, for people: percentages differ by percentage points, and a
    difference between two counts (an LA's and England's, say) says nothing, so none is shown."""
    if value is None or unit in ("count", "pounds"):
        return "\u2013"
    if unit == "percent":
        sign = "+" if value > 0 else "\u2212" if value < 0 else ""
        return f"{sign}{abs(value):,.1f} points"
    return format_value(value, unit, signed=True)


def period_label(time_period: str) -> str:
    """DfE's time period codes as people write them: "202425" -> "2024/25", "2024" stays "2024";
    a provisional figure keeps its mark: "202425 (prov)" -> "2024/25 (provisional)"."""
    code, _, rest = time_period.partition(" ")
    if len(code) == 6 and code.isdigit():
        code = f"{code[:4]}/{code[4:]}"
    provisional = "prov" in rest.lower()
    return f"{code} (provisional)" if provisional else code


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_of(rank: int | None, of: int | None) -> str:
    return "\u2013" if rank is None else f"{ordinal(rank)} of {of}"


# A change smaller than this is within the noise of the published figures: "No real change".
# Percentages, rates and scores: half a point (DfE publishes them to one decimal place, so 0.1 is
# rounding). Counts and money: 1% of the previous figure.
TREND_THRESHOLD_POINTS = 0.5
TREND_THRESHOLD_SHARE = 0.01


def trend_word(
    change: float | None, polarity: str, *, unit: str = "percent", previous: float | None = None
) -> str:
    if change is None:
        return "\u2013"
    if unit in ("count", "pounds"):
        small = abs(change) < TREND_THRESHOLD_SHARE * abs(previous) if previous else change == 0
    else:
        small = abs(change) < TREND_THRESHOLD_POINTS
    if small:
        return "No real change"
    if polarity not in ("High", "Low"):
        return "Up" if change > 0 else "Down"
    better = (change > 0) == (polarity == "High")
    return "Improving" if better else "Worsening"


def build_board(
    *,
    key: str,
    title: str,
    la_code: str,
    la_name: str,
    indicators: Iterable[Mapping[str, Any]],
    history: Iterable[Mapping[str, Any]],
    england: Iterable[Mapping[str, Any]],
    first_year: int = 2019,
    unavailable: Iterable[tuple[str, str]] = (),
) -> BoardTable:
    """`indicators`: name, label, unit, polarity; `history`: benchmark rows for the LA; `england`: values."""
    rows: dict[str, BoardRow] = {
        i["name"]: BoardRow(i["name"], i["label"], i["unit"], i["polarity"] or "") for i in indicators
    }
    years: set[int] = set()
    for h in sorted(history, key=lambda h: h["year"]):
        row = rows.get(h["indicator"])
        if row is None or h["year"] < first_year:
            continue
        years.add(h["year"])
        row.la[h["year"]] = Cell(h["value"], h["marker"] or "")
        if h["value"] is not None or row.latest_year is None:
            row.latest_year, row.latest_period = h["year"], h["time_period"]
            row.sn_average, row.sn_rank, row.sn_rank_of = h["sn_average"], h["sn_rank"], h["sn_rank_of"]
            row.rank, row.rank_of, row.quartile = h["rank"], h["rank_of"], h["quartile"] or ""
            prev = h["previous_value"]
            row.change = None if h["value"] is None or prev is None else h["value"] - prev
    for e in england:
        row = rows.get(e["indicator"])
        if row is not None and e["year"] >= first_year:
            row.england[e["year"]] = Cell(e["value"], e["marker"] or "")
    return BoardTable(key, title, la_code, la_name, sorted(years), list(rows.values()), list(unavailable))
