"""Table tests for the funding rules (conventions in rules.py's docstring and docs/domains/funding.md)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal as D

import pytest

from sendhub.funding import rules
from sendhub.funding.rules import Frequency as F

FY26 = rules.financial_year(2026)  # 1 April 2026 - 31 March 2027: 365 days
FY27 = rules.financial_year(2027)  # 1 April 2027 - 31 March 2028: 366 days (29 February 2028)


def test_financial_year_runs_april_to_march() -> None:
    assert (FY26.start, FY26.end, FY26.days, FY26.label) == (
        date(2026, 4, 1),
        date(2027, 3, 31),
        365,
        "2026-27",
    )
    assert FY27.days == 366
    assert rules.financial_year(2023).days == 366  # holds 29 February 2024
    assert rules.financial_year_of(date(2027, 3, 31)) == FY26
    assert rules.financial_year_of(date(2027, 4, 1)) == FY27
    assert [m[0].month for m in FY26.months()] == [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
    assert FY27.months()[10] == (date(2028, 2, 1), date(2028, 2, 29))


@pytest.mark.parametrize("year", [1999, 2101])
def test_financial_year_out_of_range_is_refused(year: int) -> None:
    with pytest.raises(rules.FundingError, match="between 2000 and 2100"):
        rules.financial_year(year)


# Weekly values: weekly x days / 7 (calendar days; bank holidays irrelevant). Annual values: annual x days
# / days in the financial year. Termly values: termly x 3 terms = annual. Dates inclusive.
@pytest.mark.parametrize(
    ("amount", "freq", "start", "end", "year", "expected"),
    [
        (D("700"), F.WEEKLY, date(2025, 1, 1), None, FY26, D("36500.00")),  # whole year: 365 / 7 weeks
        (D("700"), F.WEEKLY, date(2025, 1, 1), None, FY27, D("36600.00")),  # leap year: 366 days
        (D("100"), F.WEEKLY, date(2027, 1, 1), None, FY26, D("1285.71")),  # starts mid-year: 90 days
        (
            D("100"),
            F.WEEKLY,
            date(2025, 9, 1),
            date(2026, 7, 31),
            FY26,
            D("1742.86"),
        ),  # ends mid-year: 122 days
        (D("350"), F.WEEKLY, date(2026, 12, 25), date(2026, 12, 31), FY26, D("350.00")),  # Christmas week
        (D("70"), F.WEEKLY, date(2028, 2, 28), date(2028, 3, 1), FY27, D("30.00")),  # 3 days over 29 Feb
        (D("100"), F.WEEKLY, date(2026, 4, 1), date(2026, 4, 1), FY26, D("14.29")),  # one day
        (D("100"), F.WEEKLY, date(2024, 1, 1), date(2026, 3, 31), FY26, D("0.00")),  # ended before the year
        (D("100"), F.WEEKLY, date(2027, 4, 1), None, FY26, D("0.00")),  # starts after the year
        (D("12000"), F.ANNUAL, date(2020, 1, 1), None, FY26, D("12000.00")),
        (D("12000"), F.ANNUAL, date(2020, 1, 1), None, FY27, D("12000.00")),  # leap year: 366 / 366
        (D("12000"), F.ANNUAL, date(2026, 10, 1), None, FY26, D("5983.56")),  # 182 / 365
        (D("12000"), F.ANNUAL, date(2027, 10, 1), None, FY27, D("6000.00")),  # 183 / 366
        (D("2000"), F.TERMLY, date(2020, 1, 1), None, FY26, D("6000.00")),  # three terms
        (D("2000"), F.TERMLY, date(2026, 9, 1), date(2026, 12, 31), FY26, D("2005.48")),  # 122 / 365 of 6000
    ],
)
def test_pro_rata_to_year(amount, freq, start, end, year, expected) -> None:
    assert rules.round_penny(rules.pro_rata_to_year(amount, freq, start, end, year)) == expected


def test_pro_rata_refuses_an_end_before_the_start_and_a_negative_cost() -> None:
    with pytest.raises(rules.FundingError, match="before the start date"):
        rules.pro_rata_to_year(D("1"), F.WEEKLY, date(2026, 5, 2), date(2026, 5, 1), FY26)
    with pytest.raises(rules.FundingError, match="negative"):
        rules.pro_rata_to_year(D("-1"), F.WEEKLY, date(2026, 5, 1), None, FY26)


@pytest.mark.parametrize(
    ("amount", "freq", "start", "end", "year"),
    [
        (D("333.33"), F.WEEKLY, date(2026, 6, 17), date(2027, 2, 3), FY26),
        (D("41234.57"), F.ANNUAL, date(2027, 5, 9), None, FY27),
        (D("1999.99"), F.TERMLY, date(2026, 4, 1), None, FY26),
    ],
)
def test_months_add_up_to_the_year_to_the_penny(amount, freq, start, end, year) -> None:
    months = rules.pro_rata_by_month(amount, freq, start, end, year)
    annual = rules.round_penny(rules.pro_rata_to_year(amount, freq, start, end, year))
    pennies = rules.allocate_pennies(months, annual)
    assert sum(pennies) == annual
    assert all(abs(p - m) < rules.PENNY for p, m in zip(pennies, months, strict=True))


@pytest.mark.parametrize(
    ("exact", "expected"),
    [
        ([D(100) / 3] * 3, [D("33.34"), D("33.33"), D("33.33")]),  # a tie goes to the earlier value
        ([D("0.005"), D("0.005")], [D("0.01"), D("0.00")]),  # total 0.01 (half up)
        ([D("1.116"), D("2.223"), D("3.339")], [D("1.12"), D("2.22"), D("3.34")]),  # 6.678 -> 6.68
        ([D("10.00"), D("5.50")], [D("10.00"), D("5.50")]),  # already pennies: unchanged
        ([], []),
    ],
)
def test_allocate_pennies_largest_remainder(exact, expected) -> None:
    assert rules.allocate_pennies(exact) == expected


def test_allocate_pennies_always_reconciles() -> None:
    rng = random.Random(18)
    for _ in range(500):
        exact = [
            D(rng.randint(0, 10_000_000)) / rng.choice([3, 7, 365, 366]) for _ in range(rng.randint(1, 40))
        ]
        parts = rules.allocate_pennies(exact)
        assert sum(parts) == rules.round_penny(sum(exact, D(0)))
        assert all(abs(p - e) < rules.PENNY for p, e in zip(parts, exact, strict=True))


def test_allocate_pennies_refuses_an_unreachable_total() -> None:
    with pytest.raises(rules.FundingError, match="cannot be reached"):
        rules.allocate_pennies([D("1.00"), D("2.00")], D("3.05"))


@pytest.mark.parametrize(
    ("band", "threshold", "top_up"),
    [
        (D("15000"), D("6000"), D("9000")),  # national notional SEN threshold
        (D("15000"), D("11000"), D("4000")),  # Camden's notional £11,000
        (D("5000"), D("6000"), D("0")),  # a band under the threshold pays no top-up
    ],
)
def test_mainstream_top_up_is_the_band_above_the_notional_threshold(band, threshold, top_up) -> None:
    assert rules.mainstream_top_up(band, threshold) == top_up


def test_variance_is_negative_for_an_overspend() -> None:
    assert rules.variance(D("100"), D("120")) == D("-20")


@pytest.mark.parametrize(
    ("baseline", "percent", "target"),
    [(40, D("50"), 20), (25, D("40"), 15), (7, D("40"), 4), (0, D("50"), 0), (9, D("0"), 9)],
)
def test_reduction_target(baseline, percent, target) -> None:  # Appendix C 2.2: tuition -50%, EOTAS -40%
    assert rules.reduction_target(baseline, percent) == target


def test_reduction_achieved() -> None:
    assert rules.reduction_achieved(40, 30) == D("25.0")
    assert rules.reduction_achieved(40, 44) == D("-10.0")
    assert rules.reduction_achieved(0, 3) == D("0")


def test_scenario_moves_a_line_and_adds_places_from_a_date() -> None:
    forecast = {"independent": D("1000000"), "top_up_arp": D("0")}
    out = rules.apply_scenario(
        forecast,
        [
            rules.ScenarioChange("independent", percent=D("-10")),
            rules.ScenarioChange(
                "top_up_arp", places=12, value_per_place=D("20000"), places_from=date(2026, 9, 1)
            ),
        ],
        FY26,
    )
    assert out["independent"] == D("900000")
    assert rules.round_penny(out["top_up_arp"]) == D("139397.26")  # 12 x 20,000 x 212 / 365
    with pytest.raises(rules.FundingError, match="Unknown budget line"):
        rules.apply_scenario(forecast, [rules.ScenarioChange("nope")], FY26)


def test_termly_payments_split_by_days_and_reconcile() -> None:
    payments = rules.termly_payments(D("3000"), date(2026, 9, 1), date(2027, 8, 31))
    assert payments == [
        (("autumn", 2026), D("1002.74")),  # 122 days
        (("spring", 2026), D("739.73")),  # 90 days
        (("summer", 2027), D("1257.53")),  # 153 days
    ]
    assert sum(amount for _, amount in payments) == D("3000.00")


def test_payment_terms_cover_every_day() -> None:
    assert rules.payment_term(date(2026, 4, 1)) == ("summer", 2026)
    assert rules.payment_term(date(2026, 12, 31)) == ("autumn", 2026)
    assert rules.payment_term(date(2027, 3, 31)) == ("spring", 2026)


def test_money_is_two_decimals() -> None:
    assert rules.money(D("1234.5")) == "1234.50"
    assert rules.money(D("-0.005")) == "-0.01"


def test_monthly_profile_agrees_with_pro_rata_item_by_item() -> None:
    items = [
        (D("100"), F.WEEKLY, date(2026, 6, 17), date(2027, 2, 3)),
        (D("41234.57"), F.ANNUAL, date(2025, 5, 9), None),
        (D("2000"), F.TERMLY, date(2026, 9, 1), date(2026, 12, 31)),
        (D("999"), F.WEEKLY, date(2024, 1, 1), date(2026, 3, 31)),  # ended before the year: nothing
    ]
    costs = [rules.DailyCost(rules.daily_rate(a, f, FY26), s, e) for a, f, s, e in items]
    months = rules.monthly_profile(costs, FY26)
    expected = D(0)
    for a, f, s, e in items:
        expected += rules.pro_rata_to_year(a, f, s, e, FY26)
    assert rules.round_penny(sum(months, D(0))) == rules.round_penny(expected)
    # June 2026: the weekly package's 14 days (17-30 June) and the annual value's 30 days
    june = D("100") * 14 / 7 + D("41234.57") * 30 / 365
    assert rules.round_penny(months[2]) == rules.round_penny(june)
    assert rules.round_penny(months[11]) == rules.round_penny(D("41234.57") * 31 / 365)  # March 2027


def test_months_with_equal_exact_values_tie_and_the_earlier_takes_the_penny() -> None:
    # June: £57,723 a year for its 30 days; September: the same £57,723 as two items (£17,913 + £39,810).
    # Both are exactly £4,744.3561643...; divided at 28 digits the two came out a digit apart and
    # September took the penny. Worked at high precision they are equal, and the rule gives it to June.
    june, september = (date(2026, 6, 1), date(2026, 6, 30)), (date(2026, 9, 1), date(2026, 9, 30))
    costs = [
        rules.DailyCost(D("57723"), *june, FY26.days),
        rules.DailyCost(D("17913"), *september, FY26.days),
        rules.DailyCost(D("39810"), *september, FY26.days),
    ]
    months = rules.monthly_profile(costs, FY26)
    assert months[2] == months[5]
    assert rules.allocate_pennies(months)[2:6] == [D("4744.36"), D("0.00"), D("0.00"), D("4744.35")]


def test_monthly_profile_in_a_leap_year_has_29_days_in_february() -> None:
    months = rules.monthly_profile([rules.DailyCost(D("1"), date(2020, 1, 1), None)], FY27)
    assert months[10] == D("29")
    assert sum(months) == D("366")


@pytest.mark.parametrize(
    ("now", "base", "future", "expected"),
    [
        (10, 100.0, {2027: 110.0, 2028: 121.0}, {2027: 11, 2028: 12}),  # 12.1 rounds to 12
        (10, 100.0, {2027: 95.0}, {2027: 10}),  # 9.5 rounds half up
        (3, 40.0, {2027: 50.0}, {2027: 4}),  # 3.75
        (7, 0.0, {2027: 12.0, 2028: 15.0}, {2027: 7, 2028: 7}),  # no plans in the phase: no growth
        (0, 100.0, {2027: 150.0}, {2027: 0}),
    ],
)
def test_projected_demand(now: int, base: float, future: dict[int, float], expected: dict[int, int]) -> None:
    assert rules.projected_demand(now, base, future) == expected


@pytest.mark.parametrize(
    ("phase", "bands"),
    [
        ("Primary", ("5 to 10",)),
        (" secondary ", ("11 to 15",)),
        ("All-through", ("5 to 10", "11 to 15", "16 to 19")),
        ("Post-16", ("16 to 19", "20 to 25")),
        ("Anything else", ("Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25")),
    ],
)
def test_phase_bands(phase: str, bands: tuple[str, ...]) -> None:
    all_bands = ["Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25"]
    assert rules.phase_bands(phase, all_bands) == bands
