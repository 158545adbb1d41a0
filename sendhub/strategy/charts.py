"""Geometry for a measure's trend against its target: a server-rendered SVG column chart (no JavaScript)
with a dashed target line. No Django imports; the page shows the same figures in a table beside it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ON_TARGET = "#0072B2"  # Okabe-Ito blue
OFF_TARGET = "#D55E00"  # Okabe-Ito vermilion: distinguishable with the common colour-vision deficiencies
WIDTH, HEIGHT, TOP, BOTTOM, LEFT = 640.0, 220.0, 20.0, 40.0, 50.0


@dataclass(frozen=True)
class Column:
    label: str
    text: str
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class TrendChart:
    columns: list[Column]
    target_y: float
    target_text: str
    width: float
    height: float
    baseline: float
    summary: str


def trend_chart(
    points: list[tuple[str, Decimal]], *, target: Decimal, higher_is_better: bool, unit: str = ""
) -> TrendChart:
    """`points`: (period label, value), oldest first."""
    top = max([target, *(v for _, v in points), Decimal(1)])
    plot_height = HEIGHT - TOP - BOTTOM
    baseline = HEIGHT - BOTTOM

    def y(v: Decimal) -> float:
        return baseline - float(v / top) * plot_height * 0.9

    slot = (WIDTH - LEFT - 10) / max(len(points), 1)
    columns = []
    for n, (label, value) in enumerate(points):
        met = value >= target if higher_is_better else value <= target
        columns.append(
            Column(
                label,
                f"{value.normalize():f}{unit}",
                LEFT + n * slot + slot * 0.2,
                y(value),
                slot * 0.6,
                baseline - y(value),
                ON_TARGET if met else OFF_TARGET,
            )
        )
    latest = f"latest {points[-1][1].normalize():f}{unit} ({points[-1][0]})" if points else "no values yet"
    summary = f"Target {target.normalize():f}{unit}, {'higher' if higher_is_better else 'lower'} is better; {latest}."
    return TrendChart(
        columns, y(target), f"Target {target.normalize():f}{unit}", WIDTH, HEIGHT, baseline, summary
    )
