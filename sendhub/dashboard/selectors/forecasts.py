"""The dashboard's forecast of EHC plans by age band (the cohort forecast from casework), for the
dashboard's forecast page and for other apps that plan from it (funding's place sufficiency)."""

from __future__ import annotations

from datetime import date

from sendhub.dashboard.rules.cohort import AGE_BANDS, CohortForecast, census_day, cohort_forecast
from sendhub.dashboard.selectors.live import plan_spells


def base_census_year(today: date) -> int:
    """The last January census day's year: the forecast's last year of history."""
    return today.year if today >= census_day(today.year) else today.year - 1


def plans_by_age_band(*, today: date, horizon: int = 2030) -> CohortForecast:
    """EHC plans by age band: casework history to the last census day, and the cohort forecast to
    `horizon` (a January)."""
    return cohort_forecast(plan_spells(today=today), base_year=base_census_year(today), horizon=horizon)


def age_bands() -> list[tuple[str, int, int]]:
    """(label, lowest age, highest age) of each band the forecast counts."""
    return list(AGE_BANDS)
