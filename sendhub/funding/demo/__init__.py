"""Demo data for funding: a Camden-sized picture for the current financial year. Synthetic, deterministic
and idempotent (nothing is added when the year's block is already there).

Figures from the seed (the 2024 progress report) and the shared DSG data:
- 8 clusters and about 290 Exceptional Needs Grants (ENG rose from 200 to 288 in 2024);
- the notional £11,000 mainstream threshold (Appendix C 2.2) and the national £6,000;
- tuition down 50% and EOTAS down 40% (Appendix C 2.2), from a baseline a year before the year;
- £2.5m of capital grants to 29 schools, 8 completed, mainly sensory rooms and hygiene facilities;
- a High Needs Block allocation of £55,017,590 (Camden's 2023-24 DSG high needs block before deductions,
  shared/data/send-ap-dashboard/finance) whose forecast outturn runs about 5.7% over it: Camden's block
  "has fallen into deficit" in 2024/25, after a surplus of 7.1% of DSG income in 2021-22.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sendhub.accounts.models import Role, User
from sendhub.cases.selectors import funding as cases
from sendhub.funding import rules
from sendhub.funding.demo.grants import load_grants
from sendhub.funding.demo.packages import load_packages
from sendhub.funding.demo.places import load_capital, load_places
from sendhub.funding.models import (
    BandSetting,
    BandValue,
    FundingYear,
    Line,
    PlanBand,
)
from sendhub.funding.selectors.forecast import exact_adjustments, exact_commitments
from sendhub.funding.services import banding, budget
from sendhub.lib.workdays import working_day_on_or_before
from sendhub.schools.models import SettingType

D = Decimal
ALLOCATION = D("55017590")
ENG_CHILDREN_TARGET = 288  # Appendix C 2.2: Exceptional Needs Grants from 200 children to 288
OVERSPEND = D("1.057")  # forecast outturn / allocation
BANDS = [
    (
        "A",
        "Needs met largely through ordinarily available provision with some targeted support",
        {"mainstream": 12000, "arp": 14000, "special": 18000, "post_16": 8000, "independent": 45000},
    ),
    (
        "B",
        "Significant needs in one area; regular small-group and some individual support",
        {"mainstream": 15000, "arp": 17000, "special": 22000, "post_16": 11000, "independent": 55000},
    ),
    (
        "C",
        "Significant needs in more than one area; daily individual support",
        {"mainstream": 18500, "arp": 21000, "special": 27000, "post_16": 14000, "independent": 65000},
    ),
    (
        "D",
        "Complex needs; individual support for most of the day and specialist input",
        {"mainstream": 22000, "arp": 25000, "special": 33000, "post_16": 18000, "independent": 78000},
    ),
    (
        "E",
        "Severe and complex needs; two adults at times, therapies in the day",
        {"mainstream": 26000, "arp": 30000, "special": 40000, "post_16": 23000, "independent": 95000},
    ),
    (
        "F",
        "Profound needs; continuous 2:1 support or a waking-day curriculum",
        {"mainstream": 32000, "arp": 36000, "special": 52000, "post_16": 30000, "independent": 130000},
    ),
]
SETTING_OF_SCHOOL = {
    SettingType.MAINSTREAM: BandSetting.MAINSTREAM,
    SettingType.EARLY_YEARS: BandSetting.MAINSTREAM,
    SettingType.RESOURCED: BandSetting.ARP,
    SettingType.SPECIAL: BandSetting.SPECIAL,
    SettingType.AP_PRU: BandSetting.SPECIAL,
    SettingType.INDEPENDENT_SPECIAL: BandSetting.INDEPENDENT,
    SettingType.FE: BandSetting.POST_16,
}


def load(*, seed: int, scale: float, stdout: Any) -> None:
    today = timezone.localdate()
    year = rules.financial_year_of(today)
    if FundingYear.objects.filter(start_year=year.start_year).exists():
        stdout.write("Funding: already loaded")
        return
    rng = random.Random(seed + 18)
    managers = list(User.objects.filter(role=Role.TEAM_MANAGER).order_by("pk")) or list(
        User.objects.filter(role=Role.ADMIN).order_by("pk")
    )
    if not managers:
        stdout.write("Funding: no team managers or admins to decide; skipped")
        return
    finance = User.objects.filter(role=Role.FINANCE).order_by("pk").first() or managers[0]

    budget.set_funding_year(
        start_year=year.start_year - 1, notional_threshold=D("11000"), allocation=D("52800000"), by=None
    )
    funding_year = budget.set_funding_year(
        start_year=year.start_year, notional_threshold=D("11000"), allocation=ALLOCATION, by=None
    )
    funding_year.eng_children_target = ENG_CHILDREN_TARGET
    funding_year.save(update_fields=["eng_children_target"])
    framework = banding.create_framework(
        year=funding_year,
        name=f"Camden banding framework {year.label}",
        bands=[(code, text, {k: D(v) for k, v in values.items()}) for code, text, values in BANDS],
        by=None,
    )
    values = {
        (v.band.code, v.setting): v
        for v in BandValue.objects.filter(band__framework=framework).select_related("band")
    }
    bands = _plan_bands(rng, today, values, managers)
    grants = load_grants(rng, today, year, managers, scale)
    packages = load_packages(rng, today, year, managers[0], scale)
    provisions = load_places(rng, today)
    load_capital(rng, today)
    _budget(funding_year, year, finance)
    stdout.write(
        f"Funding: {bands} plans banded, {grants} ENG grants in 8 clusters, {packages} tuition/EOTAS packages, "
        f"{provisions} specialist provisions, 29 capital grants, the {year.label} High Needs Block"
    )


def _plan_bands(
    rng: random.Random, today: date, values: dict[tuple[str, str], BandValue], managers: list[User]
) -> int:
    rows = []
    for plan in cases.live_plans_to_band():
        setting = (
            SETTING_OF_SCHOOL.get(SettingType(plan.setting_type), BandSetting.MAINSTREAM)
            if plan.setting_type
            else BandSetting.MAINSTREAM
        )
        age = (today - plan.birth_date).days // 365
        if age >= 16 and setting != BandSetting.INDEPENDENT:
            setting = BandSetting.POST_16
        code = rng.choices("ABCDEF", weights=[22, 30, 24, 13, 8, 3])[0]
        start = max(plan.start, today - timedelta(days=rng.randint(30, 900)))
        rows.append(
            PlanBand(
                plan_id=plan.plan_id,
                value=values[(code, setting)],
                start=start,
                decided_on=working_day_on_or_before(start - timedelta(days=rng.randint(3, 20))),
                decided_by=rng.choice(managers),
                forum=rng.choice(["EHCP panel", "EHCP panel", "Annual review", "Moderation panel"]),
            )
        )
    PlanBand.objects.bulk_create(rows, batch_size=1000)  # a fresh year: no earlier band to end
    return len(rows)


def _budget(funding_year: FundingYear, year: rules.FinancialYear, by: User) -> None:
    """Services and post-16 college commitments bring the forecast to about 5.7% over the allocation; the
    budget lines share the allocation in proportion to the forecast, so every line shows its overspend."""
    budget.add_adjustment(
        year=funding_year,
        line=Line.TOP_UP_MAINSTREAM,
        amount=D("450000"),
        from_month=date(year.start_year + 1, 1, 1),
        reason="Plans expected from requests now being assessed",
        by=by,
    )
    independent = sum(exact_commitments(funding_year)[Line.INDEPENDENT], D(0))
    budget.add_adjustment(
        year=funding_year,
        line=Line.INDEPENDENT,
        amount=-min(D("180000"), (independent / 10).quantize(D("1"))),
        from_month=date(year.start_year + 1, 1, 1),
        reason="Placements ending at Christmas",
        by=by,
    )
    budget.add_commitment(
        frequency="annual",
        end=None,
        by=None,
        line=Line.AP,
        description="Commissioned AP: tuition centre places",
        amount=D("650000"),
        start=year.start,
    )
    committed = exact_commitments(funding_year)
    adjusted = exact_adjustments(funding_year)
    forecast = sum((sum(committed[x], D(0)) + sum(adjusted[x], D(0)) for x in Line.values), D(0))
    gap = rules.round_penny(ALLOCATION * OVERSPEND - forecast)
    post_16 = (gap * D("0.3")).quantize(D("1"))
    budget.add_commitment(
        frequency="annual",
        end=None,
        by=None,
        line=Line.POST_16,
        description="Further education colleges: high needs top-up",
        amount=max(post_16, D(0)),
        start=year.start,
    )
    budget.add_commitment(
        frequency="annual",
        end=None,
        by=None,
        line=Line.SERVICES,
        description="Sensory, outreach, hospital education and advisory services",
        amount=max(gap - post_16, D(0)),
        start=year.start,
    )
    committed = exact_commitments(funding_year)
    lines = Line.values
    forecast_by_line = [sum(committed[x], D(0)) + sum(adjusted[x], D(0)) for x in lines]
    total = sum(forecast_by_line, D(0))
    shares = rules.allocate_pennies([ALLOCATION * f / total for f in forecast_by_line], ALLOCATION)
    for line, amount in zip(lines, shares, strict=True):
        budget.set_budget_line(year=funding_year, line=line, amount=amount, by=None)
    budget.add_scenario(
        year=funding_year,
        name="10% fewer independent placements",
        description="Independent placements down by a tenth",
        changes=[{"line": Line.INDEPENDENT, "percent": D("-10")}],
        by=None,
    )
    budget.add_scenario(
        year=funding_year,
        name="A new ARP of 12 places",
        description="Autism resourced provision opening in September",
        changes=[
            {
                "line": Line.TOP_UP_ARP,
                "places": 12,
                "value_per_place": D("31000"),
                "places_from": date(year.start_year, 9, 1),
            },
            {"line": Line.INDEPENDENT, "percent": D("-6")},
        ],
        by=None,
    )
