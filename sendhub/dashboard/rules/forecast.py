"""Forecasts of EHC plans and SEN Support to 2030, with a back-test. No Django imports.

Two simple, explainable methods are fitted to the local history and the one with the smaller back-test
error is used:

* **Local trend**: ordinary least-squares straight line through the LA's own history.
* **National growth**: the LA's latest figure grown each year by England's average annual growth over the
  same history (compound growth), i.e. the LA follows the national trend.

Back-test: each method is fitted without the last `holdout` years and scored on them with the mean
absolute percentage error (MAPE). Splits by need use the LA's latest published need mix, held constant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

HORIZON = 2030


@dataclass(frozen=True)
class Forecast:
    method: str
    points: dict[int, float]
    backtest_mape: float | None
    backtest: dict[str, float | None]
    history: dict[int, float]


def linear_trend(history: Mapping[int, float], years: list[int]) -> dict[int, float]:
    xs, ys = list(history), list(history.values())
    n = len(xs)
    if n == 0:
        return {}
    if n == 1:
        return dict.fromkeys(years, ys[0])
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
    return {y: max(my + slope * (y - mx), 0.0) for y in years}


def national_growth(
    history: Mapping[int, float], national: Mapping[int, float], years: list[int]
) -> dict[int, float]:
    shared = sorted(set(history) & set(national))
    if len(shared) < 2 or not history:
        return {}
    first, last = shared[0], shared[-1]
    if national[first] <= 0:
        return {}
    rate = (national[last] / national[first]) ** (1 / (last - first)) - 1
    base_year = max(history)
    return {y: history[base_year] * (1 + rate) ** (y - base_year) for y in years}


def mape(actual: Mapping[int, float], predicted: Mapping[int, float]) -> float | None:
    errors = [abs(predicted[y] - a) / a for y, a in actual.items() if y in predicted and a]
    return 100 * sum(errors) / len(errors) if errors else None


def forecast(
    history: Mapping[int, float],
    national: Mapping[int, float],
    *,
    horizon: int = HORIZON,
    holdout: int = 2,
) -> Forecast:
    """Forecast `history` (year → value) to `horizon`, choosing the method with the lower back-test error."""
    ordered = dict(sorted(history.items()))
    if not ordered:
        return Forecast("none", {}, None, {}, {})
    future = list(range(max(ordered) + 1, horizon + 1))
    scores: dict[str, float | None] = {}
    if len(ordered) > holdout + 1:
        train = dict(list(ordered.items())[:-holdout])
        test = dict(list(ordered.items())[-holdout:])
        scores["Local trend"] = mape(test, linear_trend(train, list(test)))
        nat_train = {y: v for y, v in national.items() if y <= max(train)}
        scores["National growth"] = mape(test, national_growth(train, nat_train, list(test)))
    methods = {
        "Local trend": linear_trend(ordered, future),
        "National growth": national_growth(ordered, national, future),
    }
    scored = [(s, m) for m, s in scores.items() if s is not None and methods[m]]
    method = min(scored)[1] if scored else "Local trend"
    return Forecast(method, methods[method], scores.get(method), scores, ordered)


def split_by_share(points: Mapping[int, float], shares: Mapping[str, float]) -> dict[str, dict[int, float]]:
    """Split a forecast total by fixed shares (percentages summing to about 100)."""
    total = sum(shares.values()) or 1.0
    return {key: {y: v * share / total for y, v in points.items()} for key, share in shares.items()}
