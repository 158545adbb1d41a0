"""Geometry for server-rendered SVG bar charts (no JavaScript). No Django imports.

Colours are from the Okabe-Ito palette, which stays distinguishable with the common colour-vision
deficiencies; every bar also carries its label and value as text, and every chart sits beside its table.
"""

from __future__ import annotations

from dataclasses import dataclass

from sendhub.dashboard.rules.boards import format_value

PALETTE = {
    "la": "#0072B2",  # blue: the selected local authority
    "comparator": "#56B4E9",  # sky blue: comparator LAs
    "sn_average": "#E69F00",  # orange: statistical neighbour average
    "england": "#000000",  # black: England
    "missing": "#999999",
}
QUARTILE_FILL = {"A": "#F0F0F0", "B": "#FFFFFF", "C": "#F0F0F0", "D": "#FFFFFF"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    text: str
    kind: str
    y: float
    width: float
    colour: str


@dataclass(frozen=True)
class Band:
    label: str
    x: float
    width: float
    fill: str


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    bands: list[Band]
    height: float
    plot_left: float
    plot_width: float
    bar_height: float
    summary: str
    ticks: list[tuple[float, str]]


def bar_chart(
    items: list[tuple[str, float | None, str]],
    *,
    unit: str,
    quartiles: tuple[float | None, float | None, float | None] = (None, None, None),
    polarity: str = "",
    summary: str = "",
    width: float = 640,
) -> BarChart:
    """`items`: (label, value, kind) with kind one of PALETTE's keys."""
    values = [v for _, v, _ in items if v is not None]
    low = min([0.0, *values])
    high = max([0.0, *values, *(q for q in quartiles if q is not None)]) or 1.0
    span = (high - low) or 1.0
    plot_left, plot_width, bar_height, gap = 220.0, width - 300.0, 18.0, 6.0

    def x(v: float) -> float:
        return plot_left + (v - low) / span * plot_width

    bars = []
    for n, (label, value, kind) in enumerate(items):
        start, end = (x(min(0.0, value)), x(max(0.0, value))) if value is not None else (x(0), x(0))
        bars.append(
            Bar(
                label,
                value,
                format_value(value, unit),
                kind,
                10 + n * (bar_height + gap),
                max(end - start, 0.0),
                PALETTE.get(kind if value is not None else "missing", PALETTE["comparator"]),
            )
        )
    bands = []
    q1, q2, q3 = quartiles
    if None not in (q1, q2, q3) and polarity in ("High", "Low"):
        edges = [low, q1, q2, q3, high]
        names = ["D", "C", "B", "A"] if polarity == "High" else ["A", "B", "C", "D"]
        for name, a, b in zip(names, edges, edges[1:], strict=False):
            assert a is not None and b is not None
            bands.append(Band(name, x(a), max(x(b) - x(a), 0.0), QUARTILE_FILL[name]))
    ticks = [(x(low + span * i / 4), format_value(low + span * i / 4, unit)) for i in range(5)]
    height = 10 + len(items) * (bar_height + gap) + 30
    return BarChart(bars, bands, height, plot_left, plot_width, bar_height, summary, ticks)


@dataclass(frozen=True)
class TrendPoint:
    x: float
    y: float
    label: str  # the period
    text: str  # the value as shown in the table


@dataclass(frozen=True)
class TrendLine:
    name: str
    colour: str
    dash: str  # SVG stroke-dasharray: each line differs by pattern as well as colour
    points: list[TrendPoint]

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class TrendChart:
    lines: list[TrendLine]
    x_labels: list[tuple[float, str]]
    ticks: list[tuple[float, str]]
    height: float
    width: float
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    summary: str


DASHES = {"la": "", "sn_average": "6 3", "england": "2 3", "comparator": "8 2 2 2"}


def trend_chart(
    periods: list[str],
    series: list[tuple[str, str, list[float | None]]],
    *,
    unit: str,
    summary: str = "",
    width: float = 640,
    height: float = 260,
) -> TrendChart:
    """A line per series over the periods. `series`: (name, kind, one value or None per period); a missing
    value leaves a gap in the points (no line is drawn through a year without a figure's point)."""
    values = [v for _, _, vs in series for v in vs if v is not None]
    low = min([0.0, *values]) if values else 0.0
    high = max(values) if values else 1.0
    span = (high - low) or 1.0
    left, right, top, bottom = 70.0, width - 20.0, 15.0, height - 45.0
    step = (right - left) / max(len(periods) - 1, 1)

    def x(i: int) -> float:
        return left + i * step if len(periods) > 1 else (left + right) / 2

    def y(v: float) -> float:
        return bottom - (v - low) / span * (bottom - top)

    lines = [
        TrendLine(
            name,
            PALETTE.get(kind, PALETTE["comparator"]),
            DASHES.get(kind, ""),
            [
                TrendPoint(x(i), y(v), periods[i], format_value(v, unit))
                for i, v in enumerate(vs)
                if v is not None
            ],
        )
        for name, kind, vs in series
    ]
    ticks = [(y(low + span * i / 4), format_value(low + span * i / 4, unit)) for i in range(5)]
    return TrendChart(
        lines,
        [(x(i), p) for i, p in enumerate(periods)],
        ticks,
        height,
        width,
        left,
        right,
        top,
        bottom,
        summary,
    )
