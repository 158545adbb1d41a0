"""A cohort (ageing-on) forecast of EHC plans by age, from person-level plan spells. No Django imports.

Councils plan places by age, and a constant age mix hides the bulge that moves up through the
phases. So each January is projected from the last one: at each single year of age a, the children
with a plan keep it a year later with the *continuation rate* seen at that age, and new plans start
at each age at the average *number* seen recently:

    plans(a + 1, t + 1) = plans(a, t) * continuation(a) + new(a + 1)

Rates come from the last `window` years of local history (person-level, so the numbers are exact,
not inferred from totals). Plans end by 25 (Children and Families Act 2014 s.83). The back-test fits the
rates without the last `holdout` Januaries, projects them, and reports the mean absolute percentage error
over the age bands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MAX_AGE = 25
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("Under 5", 0, 4),
    ("5 to 10", 5, 10),
    ("11 to 15", 11, 15),
    ("16 to 19", 16, 19),
    ("20 to 25", 20, 25),
)


@dataclass(frozen=True)
class Spell:
    """One EHC plan: the child's date of birth, the plan's start, and its end (None while it lasts)."""

    birth: date
    start: date
    end: date | None = None

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end > day)


@dataclass(frozen=True)
class Rates:
    continuation: dict[int, float]
    new: dict[int, float]
    years: tuple[int, ...]


@dataclass(frozen=True)
class CohortForecast:
    history: dict[int, dict[str, float]]
    points: dict[int, dict[str, float]]
    backtest_mape: float | None
    rates: Rates | None


def census_day(year: int) -> date:
    """The January census day: the third Thursday of January (as the SEN2 and school census use)."""
    first = date(year, 1, 1)
    first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + timedelta(weeks=2)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def snapshot(spells: Iterable[Spell], year: int) -> Counter[int]:
    """Plans in place on the census day of `year`, by single year of age."""
    day = census_day(year)
    return Counter(
        age_on(s.birth, day) for s in spells if s.active_on(day) and 0 <= age_on(s.birth, day) <= MAX_AGE
    )


def by_band(counts: Counter[int] | dict[int, float]) -> dict[str, float]:
    return {
        label: float(sum(counts.get(a, 0) for a in range(low, high + 1))) for label, low, high in AGE_BANDS
    }


def estimate_rates(spells: Sequence[Spell], *, last_year: int, window: int = 3) -> Rates | None:
    """Continuation by age and new plans by age over the transitions into the `window` Januaries to `last_year`."""
    years = tuple(y for y in range(last_year - window + 1, last_year + 1))
    stayed: Counter[int] = Counter()
    present: Counter[int] = Counter()
    joined: Counter[int] = Counter()
    seen = 0
    for year in years:
        before, after = census_day(year - 1), census_day(year)
        for s in spells:
            was, now = s.active_on(before), s.active_on(after)
            if was:
                present[age_on(s.birth, before)] += 1
                stayed[age_on(s.birth, before)] += now
            elif now:
                joined[age_on(s.birth, after)] += 1
            seen += was or now
    if not seen:
        return None
    continuation = {a: stayed[a] / present[a] for a in range(MAX_AGE + 1) if present[a]}
    new = {a: joined[a] / len(years) for a in range(MAX_AGE + 1)}
    return Rates(continuation, new, years)


def project(start: Counter[int] | dict[int, float], rates: Rates, years: int) -> list[dict[int, float]]:
    """The next `years` Januaries from `start`, by single year of age."""
    out: list[dict[int, float]] = []
    current = {a: float(n) for a, n in start.items()}
    for _ in range(years):
        following = {0: rates.new.get(0, 0.0)}
        for age in range(MAX_AGE):
            # An age never seen in the window keeps its children (no evidence they leave).
            kept = current.get(age, 0.0) * rates.continuation.get(age, 1.0)
            following[age + 1] = kept + rates.new.get(age + 1, 0.0)
        out.append(following)
        current = following
    return out


def _mape(actual: dict[int, dict[str, float]], predicted: dict[int, dict[str, float]]) -> float | None:
    errors = [
        abs(predicted[y][band] - value) / value
        for y, bands in actual.items()
        for band, value in bands.items()
        if value and y in predicted
    ]
    return 100 * sum(errors) / len(errors) if errors else None


def cohort_forecast(
    spells: Sequence[Spell], *, base_year: int, horizon: int = 2030, window: int = 3, holdout: int = 2
) -> CohortForecast:
    """History by age band to `base_year` (a January), and the projection to `horizon`."""
    first = min((s.start.year for s in spells), default=base_year)
    history = {y: by_band(snapshot(spells, y)) for y in range(first + 1, base_year + 1)}
    history = {y: bands for y, bands in history.items() if any(bands.values())}
    rates = estimate_rates(spells, last_year=base_year, window=window)
    if rates is None:
        return CohortForecast(history, {}, None, None)
    future = project(snapshot(spells, base_year), rates, horizon - base_year)
    points = {base_year + i + 1: by_band(counts) for i, counts in enumerate(future)}
    backtest = None
    test_base = base_year - holdout
    if test_base - window in history or test_base - window + 1 in history:
        past_rates = estimate_rates(spells, last_year=test_base, window=window)
        if past_rates is not None:
            test = project(snapshot(spells, test_base), past_rates, holdout)
            predicted = {test_base + i + 1: by_band(c) for i, c in enumerate(test)}
            actual = {y: history[y] for y in predicted if y in history}
            backtest = _mape(actual, predicted)
    return CohortForecast(history, points, backtest, rates)
