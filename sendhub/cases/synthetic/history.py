"""The synthetic area's EHC plans over time: how many it maintained each January, and the plans that ended.

The count of plans on each January census day follows Camden's published caseload (DfE "Education,
health and care plans", table caseload, Camden, January 2019 to 2024; January 2025 from the SEND Strategy
progress report 2024: 1,609) and keeps growing after 2025 by the last published year's growth (77 plans a
year). The plans maintained today are made by ``population``; this module adds the plans that ended since
2019, each with its start and end, so that the two together give the published count on every census day
(at full scale, exactly; at a small scale, to the nearest plan). At least 120 plans end a year at full scale
(Camden's new plans, DfE table newplans, 115 to 202 a year in 2019-2024, less its growth), more in a year
where the plans still open today grew faster than the published count.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

# EHC plans on the January census day: DfE caseload for Camden, 2025 from the progress report.
PLANS_IN_JANUARY = {2019: 1385, 2020: 1378, 2021: 1411, 2022: 1440, 2023: 1446, 2024: 1532, 2025: 1609}
GROWTH_A_YEAR = PLANS_IN_JANUARY[2025] - PLANS_IN_JANUARY[2024]
ENDED_A_YEAR = 120
# EHC plans replaced statements from 1 September 2014 (Children and Families Act 2014, Part 3).
FIRST_PLANS = date(2014, 9, 1)


def census_day(year: int) -> date:
    """The January census day: the third Thursday of January (SEN2 and the school census)."""
    first = date(year, 1, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7) + timedelta(weeks=2)


def plans_on(day: date) -> float:
    """The area's plans on ``day`` at full scale: the published January counts, a straight line between
    them, growing by ``GROWTH_A_YEAR`` after the last."""
    years = sorted(PLANS_IN_JANUARY)
    if day <= census_day(years[0]):
        return float(PLANS_IN_JANUARY[years[0]])
    for year in years[:-1]:
        start, end = census_day(year), census_day(year + 1)
        if start <= day < end:
            share = (day - start).days / (end - start).days
            return PLANS_IN_JANUARY[year] + share * (PLANS_IN_JANUARY[year + 1] - PLANS_IN_JANUARY[year])
    last = years[-1]
    return PLANS_IN_JANUARY[last] + GROWTH_A_YEAR * (day - census_day(last)).days / 365.25


def census_days(today: date) -> list[date]:
    """The census days from the first published January to the last one before ``today``."""
    first = min(PLANS_IN_JANUARY)
    return [census_day(y) for y in range(first, today.year + 1) if census_day(y) < today]


def open_on(spells: list[tuple[date, date | None]], day: date) -> int:
    return sum(1 for start, end in spells if start <= day and (end is None or end > day))


def ended_plans(
    rng: random.Random, open_plans: list[tuple[date, date | None]], today: date, scale: float
) -> list[tuple[date, date]]:
    """(start, end) of the plans that ended before ``today``: on each census day, as many as the published
    count less the plans in ``open_plans`` (start, end or None) already open then.

    Between census days about ``ENDED_A_YEAR`` (scaled) end, chosen at random from those open, and as many
    new ones start (to end later) as the next census day needs; all left end before ``today``."""
    days = census_days(today)
    if not days:
        return []
    wanted = [max(0, round(plans_on(d) * scale) - open_on(open_plans, d)) for d in days]
    before = (days[0] - FIRST_PLANS).days
    stock = [days[0] - timedelta(days=rng.randint(120, before)) for _ in range(wanted[0])]
    ended: list[tuple[date, date]] = []
    for i, day in enumerate(days):
        last = i + 1 == len(days)
        end = today - timedelta(days=1) if last else days[i + 1]
        span = max(1, (end - day).days)
        following = 0 if last else wanted[i + 1]
        usual = round(ENDED_A_YEAR * scale * span / 365.25)
        ending = min(len(stock), max(len(stock) - following, usual))
        rng.shuffle(stock)
        for start in stock[:ending]:
            ended.append((start, min(end, day + timedelta(days=rng.randint(1, span)))))
        stock = stock[ending:]
        stock += [day + timedelta(days=rng.randint(1, span)) for _ in range(following - len(stock))]
    return ended
