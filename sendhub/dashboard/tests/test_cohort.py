"""The cohort forecast by age: census days, ages, continuation and new-plan rates, projection, back-test."""

from __future__ import annotations

from datetime import date

import pytest

from sendhub.dashboard.rules.cohort import (
    MAX_AGE,
    Rates,
    Spell,
    age_on,
    by_band,
    census_day,
    cohort_forecast,
    estimate_rates,
    project,
    snapshot,
)


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2023, date(2023, 1, 19)),  # DfE school census dates: third Thursday of January
        (2024, date(2024, 1, 18)),
        (2025, date(2025, 1, 16)),
        (2026, date(2026, 1, 15)),  # 1 January 2026 is itself a Thursday
    ],
)
def test_census_day_is_the_third_thursday_of_january(year, day):
    assert census_day(year) == day


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (date(2015, 1, 16), date(2025, 1, 16), 10),  # birthday on the day
        (date(2015, 1, 17), date(2025, 1, 16), 9),
        (date(2016, 2, 29), date(2025, 2, 28), 8),  # leap-day birthday not yet reached
    ],
)
def test_age_on(birth, day, age):
    assert age_on(birth, day) == age


def test_snapshot_counts_plans_in_place_on_the_census_day_by_age():
    spells = [
        Spell(date(2015, 6, 1), date(2020, 3, 1)),
        Spell(date(2015, 6, 1), date(2025, 1, 17)),  # starts the day after the 2025 census
        Spell(date(2010, 6, 1), date(2020, 3, 1), end=date(2025, 1, 16)),  # ended on census day: not in place
        Spell(date(1998, 6, 1), date(2015, 3, 1)),  # 26: past the age limit
    ]
    assert snapshot(spells, 2025) == {9: 1}


def test_rates_are_measured_person_by_person():
    # 2024 census: four children aged 10. By the 2025 census two still have plans, two have ended;
    # one new plan started at age 6.
    spells = [
        Spell(date(2013, 6, 1), date(2020, 1, 1)),
        Spell(date(2013, 6, 1), date(2020, 1, 1)),
        Spell(date(2013, 6, 1), date(2020, 1, 1), end=date(2024, 7, 1)),
        Spell(date(2013, 6, 1), date(2020, 1, 1), end=date(2024, 7, 1)),
        Spell(date(2018, 6, 1), date(2024, 9, 1)),
    ]
    rates = estimate_rates(spells, last_year=2025, window=1)
    assert rates is not None
    assert rates.continuation[10] == 0.5
    assert rates.new[6] == 1.0 and rates.new[11] == 0.0


def test_projection_ages_each_cohort_on_and_adds_new_plans():
    rates = Rates(continuation={5: 0.5, MAX_AGE: 0.0}, new={5: 2.0}, years=(2025,))
    first, second = project({5: 10, MAX_AGE: 3}, rates, 2)
    assert first[6] == 5.0 and first[5] == 2.0  # half of the 5-year-olds go on; two new 5-year-olds
    assert MAX_AGE + 1 not in first  # plans end by 25
    assert second[7] == 5.0 and second[6] == 1.0


def test_a_steady_local_pattern_is_forecast_and_back_tested_without_error():
    # Every September, ten children aged 4 get a plan and keep it to 25: the same every year.
    spells = [Spell(date(y - 4, 6, 1), date(y, 9, 1)) for y in range(2000, 2025) for _ in range(10)]
    result = cohort_forecast(spells, base_year=2025, horizon=2027)
    assert result.backtest_mape == pytest.approx(0.0)
    assert by_band(snapshot(spells, 2025))["5 to 10"] == 60
    assert result.points[2026]["5 to 10"] == pytest.approx(60)
    assert result.points[2027]["Under 5"] == pytest.approx(10)
    assert set(result.history) >= {2024, 2025}


def test_no_plans_gives_no_forecast():
    result = cohort_forecast([], base_year=2025)
    assert result.points == {} and result.backtest_mape is None
