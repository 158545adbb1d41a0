"""Disproportionality: risk ratios with 95% confidence intervals. No Django imports.

For each group (say, boys), the risk ratio compares the rate of an outcome (say, having an EHC plan)
in the group with the rate in everyone else in the cohort: RR = (a/n₁) / (c/n₂). The 95% interval is
exp(ln RR ± 1.96·SE) with SE = √(1/a - 1/n₁ + 1/c - 1/n₂) (Katz log method); when a or c is zero, 0.5
is added to every cell (Haldane-Anscombe). An interval wholly above 1 means the group is over-represented.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
Z95 = 1.959964


@dataclass(frozen=True)
class RiskRatio:
    attribute: str
    group: str
    group_size: int
    group_outcomes: int
    rest_size: int
    rest_outcomes: int
    ratio: float | None
    low: float | None
    high: float | None

    @property
    def group_rate(self) -> float | None:
        return 100 * self.group_outcomes / self.group_size if self.group_size else None

    @property
    def band(self) -> str:
        """Heat-map band: significant over/under-representation, or not significant."""
        if self.ratio is None or self.low is None or self.high is None:
            return "none"
        if self.low > 1:
            return "high2" if self.ratio >= 1.5 else "high1"
        if self.high < 1:
            return "low2" if self.ratio <= 1 / 1.5 else "low1"
        return "neutral"


def risk_ratio(a: int, n1: int, c: int, n2: int) -> tuple[float | None, float | None, float | None]:
    if n1 == 0 or n2 == 0:
        return None, None, None
    if a == 0 or c == 0:
        a_, n1_, c_, n2_ = a + 0.5, n1 + 1.0, c + 0.5, n2 + 1.0
    else:
        a_, n1_, c_, n2_ = float(a), float(n1), float(c), float(n2)
    ratio = (a_ / n1_) / (c_ / n2_)
    se = math.sqrt(max(1 / a_ - 1 / n1_ + 1 / c_ - 1 / n2_, 0.0))
    return ratio, math.exp(math.log(ratio) - Z95 * se), math.exp(math.log(ratio) + Z95 * se)


def risk_ratios(
    cohort: Iterable[T], *, attribute: str, group_of: Callable[[T], str], outcome: Callable[[T], bool]
) -> list[RiskRatio]:
    counts: dict[str, tuple[int, int]] = {}
    for r in cohort:
        size, outcomes = counts.get(group_of(r), (0, 0))
        counts[group_of(r)] = (size + 1, outcomes + (1 if outcome(r) else 0))
    return risk_ratios_from_counts(counts, attribute=attribute)


def risk_ratios_from_counts(counts: dict[str, tuple[int, int]], *, attribute: str) -> list[RiskRatio]:
    """The same from counts already made (say, by the database): group -> (size, outcomes)."""
    total = sum(size for size, _ in counts.values())
    total_outcomes = sum(outcomes for _, outcomes in counts.values())
    result = []
    for group, (n1, a) in sorted(counts.items()):
        c, n2 = total_outcomes - a, total - n1
        ratio, low, high = risk_ratio(a, n1, c, n2)
        result.append(RiskRatio(attribute, group, n1, a, n2, c, ratio, low, high))
    return result
