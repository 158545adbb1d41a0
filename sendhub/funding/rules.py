"""Pure money rules for high needs funding: the financial year, pro-rating, pennies, targets, scenarios.

No Django, no clock, no settings (import-linter enforces it). Money is `Decimal` pounds throughout; exact
values keep every digit the arithmetic gives and only `allocate_pennies` rounds, so totals reconcile.

Conventions (docs/domains/funding.md, "Formulas"):
- A local authority's financial year runs 1 April to 31 March; "2026" means 1 April 2026 to 31 March 2027
  (the Dedicated Schools Grant conditions of grant and the section 251 returns use this year).
- Weekly values: weekly x days / 7, counting calendar days (bank holidays and school holidays are
  irrelevant: a weekly package is paid every week of its period).
- Annual values: annual x days / days in the financial year (366 when the year holds 29 February).
- Termly values: three terms make a school year, so termly x 3 is the annual value, pro-rated as above.
- A value for a stated period (an Exceptional Needs Grant): amount x days of the period falling in the
  year / days of the whole period.
- Start and end dates are inclusive; an open end runs to the end of the year.
- Rounding to the penny: the largest-remainder method (Hare-Niemeyer). Each exact value is rounded down
  to the penny, and the pennies still needed to reach the correctly rounded total (half up) go one each
  to the values with the largest remainders (ties: the earlier value). Parts therefore always add up to
  the total, and no part moves by a penny or more from its exact value.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from typing import NamedTuple

PENNY = Decimal("0.01")
ZERO = Decimal("0")
TERMS_PER_YEAR = 3
DAYS_PER_WEEK = 7


class Frequency(StrEnum):
    WEEKLY = "weekly"
    TERMLY = "termly"
    ANNUAL = "annual"


class FundingError(ValueError):
    """Input a funding rule cannot work with (a clear message for the person who typed it)."""


# ---------------------------------------------------------------------------------------------------
# The financial year


@dataclass(frozen=True)
class FinancialYear:
    start_year: int

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        return f"{self.start_year}-{str(self.start_year + 1)[-2:]}"

    def months(self) -> list[tuple[date, date]]:
        """The twelve calendar months April to March, each as (first day, last day)."""
        out = []
        for offset in range(12):
            year = self.start_year + (3 + offset) // 12
            month = (3 + offset) % 12 + 1
            out.append((date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])))
        return out


def financial_year(start_year: int) -> FinancialYear:
    if not 2000 <= start_year <= 2100:
        raise FundingError(f"Enter a financial year between 2000 and 2100, not {start_year}")
    return FinancialYear(start_year)


def financial_year_of(day: date) -> FinancialYear:
    return FinancialYear(day.year if day.month >= 4 else day.year - 1)


def overlap_days(start: date, end: date | None, window_start: date, window_end: date) -> int:
    """Calendar days (inclusive) that [start, end] shares with [window_start, window_end]."""
    if end is not None and end < start:
        raise FundingError(f"The end date {end:%d/%m/%Y} is before the start date {start:%d/%m/%Y}")
    first = max(start, window_start)
    last = min(end or window_end, window_end)
    return max(0, (last - first).days + 1)


# ---------------------------------------------------------------------------------------------------
# Pro-rating


def annual_value(amount: Decimal, frequency: Frequency) -> Decimal:
    """A termly value made annual (x 3 terms); weekly values are not annualised (they go by days / 7)."""
    if frequency == Frequency.TERMLY:
        return amount * TERMS_PER_YEAR
    return amount


def pro_rata(
    amount: Decimal,
    frequency: Frequency,
    start: date,
    end: date | None,
    window_start: date,
    window_end: date,
    *,
    year_days: int,
) -> Decimal:
    """The exact (unrounded) cost of a recurring value over the part of a window its dates cover.

    `year_days` is the length of the financial year the window belongs to (365 or 366): an annual value
    spreads over the whole year's days even when the window is one month of it.
    """
    if amount < 0:
        raise FundingError("A cost cannot be negative")
    days = overlap_days(start, end, window_start, window_end)
    if days == 0:
        return ZERO
    if frequency == Frequency.WEEKLY:
        return amount * days / DAYS_PER_WEEK
    return annual_value(amount, frequency) * days / year_days


def pro_rata_to_year(
    amount: Decimal, frequency: Frequency, start: date, end: date | None, year: FinancialYear
) -> Decimal:
    return pro_rata(amount, frequency, start, end, year.start, year.end, year_days=year.days)


def pro_rata_by_month(
    amount: Decimal, frequency: Frequency, start: date, end: date | None, year: FinancialYear
) -> list[Decimal]:
    """The same cost month by month, April to March; the twelve exact values add up to the year's."""
    return [
        pro_rata(amount, frequency, start, end, first, last, year_days=year.days)
        for first, last in year.months()
    ]


def period_share(amount: Decimal, start: date, end: date, window_start: date, window_end: date) -> Decimal:
    """The part of an amount granted for a whole period [start, end] that falls in the window."""
    if amount < 0:
        raise FundingError("A grant cannot be negative")
    if end < start:
        raise FundingError(f"The end date {end:%d/%m/%Y} is before the start date {start:%d/%m/%Y}")
    period = (end - start).days + 1
    return amount * overlap_days(start, end, window_start, window_end) / period


# ---------------------------------------------------------------------------------------------------
# Pennies


def round_penny(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def allocate_pennies(exact: Sequence[Decimal], total: Decimal | None = None) -> list[Decimal]:
    """Round each value to the penny so that the parts add up to `total` exactly (largest remainder).

    `total` defaults to the exact sum rounded half up; given, it must be reachable by moving each part
    by less than a penny (a line total computed the same way always is).
    """
    if not exact:
        return []
    target = round_penny(sum(exact, ZERO)) if total is None else total
    floors = [value.quantize(PENNY, rounding=ROUND_FLOOR) for value in exact]
    pennies = int((target - sum(floors, ZERO)) / PENNY)
    if not 0 <= pennies <= len(exact):
        raise FundingError(f"{target} cannot be reached by rounding these values to the penny")
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:pennies]:
        floors[i] += PENNY
    return floors


def money(value: Decimal) -> str:
    """Pounds as a string with two decimals, for JSON and CSV (never a float)."""
    return f"{round_penny(value):.2f}"


# ---------------------------------------------------------------------------------------------------
# Top-up, variance, targets


def mainstream_top_up(band_value: Decimal, notional_threshold: Decimal) -> Decimal:
    """The top-up (element 3) a mainstream school receives for a pupil's band.

    A mainstream school meets the first part of additional support from its notional SEN budget
    (nationally £6,000 a pupil: DfE "High needs funding: operational guide", element 2); the LA pays
    the rest of the band's annual value as top-up. A band worth less than the threshold pays nothing.
    """
    return max(ZERO, band_value - notional_threshold)


def variance(budget: Decimal, forecast: Decimal) -> Decimal:
    """Budget less forecast outturn: negative is an overspend (the s251 outturn's sign convention)."""
    return budget - forecast


def reduction_target(baseline: int, reduction_percent: Decimal) -> int:
    """The count to reach: the baseline reduced by the percentage, rounded down to a whole child."""
    if baseline < 0 or not ZERO <= reduction_percent <= 100:
        raise FundingError("A baseline cannot be negative and a reduction runs from 0% to 100%")
    return int((Decimal(baseline) * (100 - reduction_percent) / 100).to_integral_value(rounding=ROUND_FLOOR))


def reduction_achieved(baseline: int, current: int) -> Decimal:
    """How far the count has come down from the baseline, in per cent (negative: it went up)."""
    if baseline <= 0:
        return ZERO
    return (Decimal(baseline - current) * 100 / baseline).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------------
# "What if" scenarios


@dataclass(frozen=True)
class ScenarioChange:
    """One change to the forecast: a line moved by a percentage, and/or new places from a date."""

    line: str
    percent: Decimal = ZERO
    places: int = 0
    value_per_place: Decimal = ZERO
    places_from: date | None = None


def apply_scenario(
    forecast: Mapping[str, Decimal], changes: Iterable[ScenarioChange], year: FinancialYear
) -> dict[str, Decimal]:
    """The forecast outturn by line after the changes (exact values; round with allocate_pennies)."""
    out = dict(forecast)
    for change in changes:
        if change.line not in out:
            raise FundingError(f"Unknown budget line {change.line!r}")
        out[change.line] = out[change.line] * (100 + change.percent) / 100
        if change.places:
            start = change.places_from or year.start
            per_place = pro_rata_to_year(change.value_per_place, Frequency.ANNUAL, start, None, year)
            out[change.line] += per_place * change.places
    return out


# ---------------------------------------------------------------------------------------------------
# Payment terms


PAYMENT_TERMS = (("summer", 4, 8), ("autumn", 9, 12), ("spring", 1, 3))


def payment_term(day: date) -> tuple[str, int]:
    """The payment term a day falls in, as (name, the financial year's start year).

    Payment terms cover the whole year without gaps (summer April-August, autumn September-December,
    spring January-March), so a grant paid "per term" has every day in one term.
    """
    for name, first, last in PAYMENT_TERMS:
        if first <= day.month <= last:
            return name, financial_year_of(day).start_year
    raise AssertionError("every month is in a term")  # pragma: no cover


def terms_between(start: date, end: date) -> list[tuple[str, int]]:
    """The payment terms that [start, end] touches, in order."""
    if end < start:
        raise FundingError(f"The end date {end:%d/%m/%Y} is before the start date {start:%d/%m/%Y}")
    terms: list[tuple[str, int]] = []
    day = start
    while day <= end:
        term = payment_term(day)
        if term not in terms:
            terms.append(term)
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return terms


def termly_payments(amount: Decimal, start: date, end: date) -> list[tuple[tuple[str, int], Decimal]]:
    """A grant's amount split over its payment terms by days in each term, to the penny (reconciled)."""
    terms = terms_between(start, end)
    exact = []
    for name, year_start in terms:
        first, last = _term_bounds(name, year_start)
        exact.append(period_share(amount, start, end, first, last))
    return list(zip(terms, allocate_pennies(exact, round_penny(amount)), strict=True))


def _term_bounds(name: str, year_start: int) -> tuple[date, date]:
    for term, first, last in PAYMENT_TERMS:
        if term == name:
            year = year_start if first >= 4 else year_start + 1
            return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    raise FundingError(f"Unknown payment term {name!r}")


# ---------------------------------------------------------------------------------------------------
# Month-by-month profiles (the forecast's one pass over every commitment)


class DailyCost(NamedTuple):
    """A cost of `amount` for every `per` days between two dates (inclusive; `end` None runs on): the cost
    a day is amount / per, worked out by `monthly_profile` at high precision (so pass an annual value with
    per = the year's days, a weekly value with per = 7, rather than dividing first). A named tuple: the
    forecast makes one for each group of bands, each grant and each package, so it is cheap to create."""

    amount: Decimal
    start: date
    end: date | None
    per: int = 1


def daily_rate(amount: Decimal, frequency: Frequency, year: FinancialYear) -> Decimal:
    """The cost a day of a recurring value: weekly / 7, or annual (termly x 3) / days in the year."""
    if frequency == Frequency.WEEKLY:
        return amount / DAYS_PER_WEEK
    return annual_value(amount, frequency) / year.days


def days_per(frequency: Frequency, year: FinancialYear) -> int:
    """The days a recurring value (made annual: `annual_value`) is spread over: 7, or the year's days."""
    return DAYS_PER_WEEK if frequency == Frequency.WEEKLY else year.days


# Months are worked out to 60 significant digits and kept to 1e-15 pounds: far below the noise of
# dividing at 28 digits, so months whose exact values are equal come out equal, and `allocate_pennies`
# breaks their tie by its rule (the earlier month), not by the last digit of a division.
PROFILE_PRECISION = 60
PROFILE_QUANTUM = Decimal("1e-15")


def monthly_profile(costs: Iterable[DailyCost], year: FinancialYear) -> list[Decimal]:
    """The exact cost of every item in each month, April to March (to 1e-15 pounds).

    Each item adds its rate for the days it covers; a difference array over the year's days keeps this
    one pass over the items plus one over the days, whatever the number of items.
    """
    year_start, year_end = year.start, year.end
    with localcontext() as context:
        context.prec = PROFILE_PRECISION
        change = [ZERO] * (year.days + 1)
        for amount, start, end, per in costs:
            if end is not None and end < start:
                raise FundingError(f"The end date {end:%d/%m/%Y} is before the start date {start:%d/%m/%Y}")
            first = start if start > year_start else year_start
            last = end if end is not None and end < year_end else year_end
            if last < first:
                continue
            rate = amount / per
            change[(first - year_start).days] += rate
            change[(last - year_start).days + 1] -= rate
        months = []
        running = ZERO
        day = 0
        for first, last in year.months():
            total = ZERO
            for _ in range((last - first).days + 1):
                running += change[day]
                total += running
                day += 1
            months.append(total.quantize(PROFILE_QUANTUM))
    return months


# Sufficiency: a provision's phase, as written on it, to the forecast's age bands (Under 5, 5 to 10,
# 11 to 15, 16 to 19, 20 to 25). A phase not listed grows with every band.
PHASE_AGE_BANDS: Mapping[str, tuple[str, ...]] = {
    "early years": ("Under 5",),
    "nursery": ("Under 5",),
    "primary": ("5 to 10",),
    "secondary": ("11 to 15",),
    "all-through": ("5 to 10", "11 to 15", "16 to 19"),
    "post-16": ("16 to 19", "20 to 25"),
    "16 plus": ("16 to 19", "20 to 25"),
}


def phase_bands(phase: str, bands: Sequence[str]) -> tuple[str, ...]:
    return PHASE_AGE_BANDS.get(phase.strip().lower(), tuple(bands))


def projected_demand(now: int, base: float, future: Mapping[int, float]) -> dict[int, int]:
    """Demand for places each future year: the children placed and waiting now, grown as the forecast
    plans in the phase grow from the base year (now * forecast / base, to the nearest child, halves up).
    With no plans in the base year there is nothing to grow by: demand stays as it is now."""
    if base <= 0:
        return dict.fromkeys(future, now)
    return {
        year: int(
            (Decimal(now) * Decimal(str(value)) / Decimal(str(base))).quantize(Decimal(1), ROUND_HALF_UP)
        )
        for year, value in future.items()
    }
