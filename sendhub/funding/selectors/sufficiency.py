"""Place sufficiency: demand for specialist places by need and phase for the next five years, from the
dashboard's forecast of EHC plans by age band (read through the dashboard's selector), against the places
commissioned. Demand now is the children placed in and waiting for each provision; it grows as the
forecast plans in the provision's phase grow (rules.projected_demand)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sendhub.dashboard.selectors.forecasts import age_bands, base_census_year, plans_by_age_band
from sendhub.funding import rules
from sendhub.funding.selectors.places import provision_rows

YEARS = 5


@dataclass(frozen=True)
class SufficiencyRow:
    need: str
    phase: str
    places: int
    now: int  # placed and waiting
    demand: dict[int, int]

    @property
    def last_gap(self) -> int:
        """Places less the demand in the last year: negative is a shortfall."""
        return self.places - self.demand[max(self.demand)] if self.demand else self.places - self.now


@dataclass(frozen=True)
class Sufficiency:
    base_year: int
    years: list[int]
    rows: list[SufficiencyRow]
    places: int
    now: int
    demand: dict[int, int]
    plans: dict[int, int]  # the dashboard's forecast of all EHC plans each year (the base year first)


def sufficiency(today: date, years: int = YEARS) -> Sufficiency:
    base_year = base_census_year(today)
    future_years = [base_year + n for n in range(1, years + 1)]
    forecast = plans_by_age_band(today=today, horizon=future_years[-1])
    bands = [label for label, _low, _high in age_bands()]
    base_counts = forecast.history.get(base_year, {})
    grouped: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in provision_rows(today):
        key = (row.provision.need, row.provision.phase)
        grouped[key][0] += row.provision.commissioned_places
        grouped[key][1] += row.placed + row.waiting
    rows = []
    for (need, phase), (places, now) in sorted(grouped.items()):
        in_phase = rules.phase_bands(phase, bands)
        base = sum(base_counts.get(b, 0.0) for b in in_phase)
        # A year the forecast does not reach (too little history to estimate from) stays at the base.
        future = {
            y: sum(forecast.points[y].get(b, 0.0) for b in in_phase) if y in forecast.points else base
            for y in future_years
        }
        rows.append(SufficiencyRow(need, phase, places, now, rules.projected_demand(now, base, future)))
    plans = {base_year: round(sum(base_counts.values()))} | {
        y: round(sum(forecast.points[y].values()))
        if y in forecast.points
        else round(sum(base_counts.values()))
        for y in future_years
    }
    return Sufficiency(
        base_year=base_year,
        years=future_years,
        rows=rows,
        places=sum(r.places for r in rows),
        now=sum(r.now for r in rows),
        demand={y: sum(r.demand[y] for r in rows) for y in future_years},
        plans=plans,
    )
