"""Disproportionality, forecasts and small-number suppression (pure)."""

import math

import pytest

from sendhub.dashboard.rules.disproportionality import risk_ratio, risk_ratios
from sendhub.dashboard.rules.forecast import forecast, linear_trend, mape, national_growth, split_by_share
from sendhub.dashboard.rules.suppression import suppress_count, suppress_rate


def test_risk_ratio_katz_interval():
    ratio, low, high = risk_ratio(20, 100, 30, 300)
    se = math.sqrt(1 / 20 - 1 / 100 + 1 / 30 - 1 / 300)
    assert ratio == pytest.approx(2.0)
    assert low == pytest.approx(2 * math.exp(-1.959964 * se))
    assert high == pytest.approx(2 * math.exp(1.959964 * se))


def test_risk_ratio_zero_cell_uses_haldane_correction():
    ratio, low, high = risk_ratio(0, 10, 5, 50)
    assert ratio == pytest.approx((0.5 / 11) / (5.5 / 51))
    assert ratio is not None and low is not None and high is not None
    assert low < ratio < high


def test_risk_ratios_compare_each_group_with_the_rest():
    cohort = [("boy", True)] * 30 + [("boy", False)] * 70 + [("girl", True)] * 10 + [("girl", False)] * 90
    rows = {
        r.group: r
        for r in risk_ratios(cohort, attribute="Sex", group_of=lambda c: c[0], outcome=lambda c: c[1])
    }
    assert rows["boy"].ratio == pytest.approx(3.0)
    assert rows["girl"].ratio == pytest.approx(1 / 3)
    assert (rows["boy"].band, rows["girl"].band) == ("high2", "low2")
    assert rows["boy"].group_rate == 30.0


def test_not_significant_is_neutral():
    cohort = [("a", True)] * 5 + [("a", False)] * 5 + [("b", True)] * 4 + [("b", False)] * 6
    rows = risk_ratios(cohort, attribute="x", group_of=lambda c: c[0], outcome=lambda c: c[1])
    assert {r.band for r in rows} == {"neutral"}


def test_linear_trend_and_national_growth():
    assert linear_trend({2020: 10, 2021: 20, 2022: 30}, [2023, 2024]) == {2023: 40, 2024: 50}
    grown = national_growth({2020: 100, 2022: 150}, {2020: 1000, 2022: 1210}, [2023])
    assert grown[2023] == pytest.approx(165.0)


def test_forecast_picks_the_method_with_the_smaller_backtest_error():
    history = {y: 100 * 1.1 ** (y - 2019) for y in range(2019, 2026)}  # compound growth like England's
    national = {y: 1000 * 1.1 ** (y - 2019) for y in range(2019, 2026)}
    result = forecast(history, national)
    assert result.method == "National growth"
    assert result.backtest_mape == pytest.approx(0.0, abs=1e-9)
    assert max(result.points) == 2030 and min(result.points) == 2026
    straight = forecast({y: 10.0 * y - 20000 for y in range(2019, 2026)}, {})
    assert straight.method == "Local trend" and straight.points[2030] == pytest.approx(300.0)


def test_forecast_with_no_history():
    assert forecast({}, {}).points == {}
    assert mape({2020: 0.0}, {2020: 1.0}) is None


def test_split_by_share():
    assert split_by_share({2030: 200.0}, {"ASD": 30.0, "SEMH": 10.0}) == {
        "ASD": {2030: 150.0},
        "SEMH": {2030: 50.0},
    }


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, "c"), (4, "c"), (5, 5), (None, None), (12.0, 12)])
def test_suppress_count(count, shown):  # DfE statistical disclosure control: fewer than 5 suppressed
    assert suppress_count(count) == shown


@pytest.mark.parametrize(
    ("num", "den", "shown"),
    [(10, 20, 50.0), (3, 20, "c"), (18, 20, "c"), (5, 4, "c"), (0, 0, None), (0, 10, 0.0), (10, 10, 100.0)],
)
def test_suppress_rate(num, den, shown):
    assert suppress_rate(num, den) == shown
