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

from django.core.files.base import ContentFile
from django.utils import timezone

from sendhub.accounts.models import Role, User
from sendhub.cases.selectors import funding as cases
from sendhub.funding import rules
from sendhub.funding.demo.places import load_capital, load_places
from sendhub.funding.models import (
    BandSetting,
    BandValue,
    FundingYear,
    Line,
    PlanBand,
)
from sendhub.funding.selectors.forecast import exact_adjustments, exact_commitments
from sendhub.funding.services import banding, budget, eng, evidence, places
from sendhub.lib.workdays import working_day_on_or_after, working_day_on_or_before
from sendhub.schools.models import School, SettingType

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
CLUSTER_NAMES = [
    "Kentish Town and Gospel Oak",
    "Camden Town and Primrose Hill",
    "Hampstead and Belsize",
    "Kilburn and West Hampstead",
    "Holborn and Bloomsbury",
    "King's Cross and Somers Town",
    "Highgate and Dartmouth Park",
    "Swiss Cottage and Frognal",
]
NEEDS = ["ASD", "SLCN", "SEMH", "MLD", "SPLD", "PD", "HI", "VI"]


def _need_name(code: str) -> str:
    """The need in words for the application's text (a family reads it; never the SEN2 code)."""
    return cases.NEED_NAMES.get(code, code)


PROVIDERS = [
    "Bright Futures Tuition",
    "North London Tutors",
    "Hospital and Home Education Service",
    "Open Doors Learning",
]
EOTAS_PROVIDERS = [
    "Forest School Camden",
    "Pathways Mentoring",
    "The Music Room",
    "Therapeutic Education Partners",
]


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
    grants = _clusters_and_grants(rng, today, year, managers, scale)
    packages = _packages(rng, today, year, managers[0], scale)
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


def _clusters_and_grants(
    rng: random.Random, today: date, year: rules.FinancialYear, managers: list[User], scale: float
) -> int:
    schools = list(
        School.objects.filter(
            setting_type__in=[SettingType.MAINSTREAM, SettingType.RESOURCED], is_open=True
        ).order_by("pk")
    )
    if len(schools) < 8:
        return 0
    groups = [schools[i::8] for i in range(8)]
    sencos = list(User.objects.filter(role=Role.SENCO).prefetch_related("schools").order_by("pk"))
    clusters: list[tuple[Any, list[School]]] = []
    for name, members in zip(CLUSTER_NAMES, groups, strict=True):
        cluster = eng.create_cluster(
            name=name, lead_school_id=members[0].pk, school_ids=[s.pk for s in members], by=None
        )
        member_ids = {s.pk for s in members}
        for senco in sencos:
            if member_ids & {s.pk for s in senco.schools.all()}:
                cluster.leads.add(senco)
        # A cluster's budget grows with the demo's size, so a larger demo (the benchmarks') can fund its grants.
        cluster_budget = (D("240000") * D(str(max(1.0, scale)))).quantize(D("1"))
        eng.set_cluster_budget(cluster=cluster, start_year=year.start_year, amount=cluster_budget, by=None)
        for term_start in (
            date(year.start_year, 6, 10),
            date(year.start_year, 10, 14),
            date(year.start_year + 1, 2, 3),
        ):
            eng.schedule_panel(
                cluster=cluster,
                meets_on=working_day_on_or_after(term_start + timedelta(days=7 * (len(clusters) % 3))),
                by=None,
            )
        clusters.append((cluster, members))
    cluster_of = {s.pk: c for c, members in clusters for s in members}
    candidates = cases.children_for_grants(list(cluster_of))
    wanted = max(8, round(290 * scale))
    decider = {c.pk: (c.leads.first() or managers[0]) for c, _ in clusters}
    applicant = {c.pk: (c.leads.first() or managers[0]) for c, _ in clusters}
    granted = 0
    for index, (child_id, school_id, _status, need) in enumerate(candidates[: wanted + 60]):
        cluster = cluster_of[school_id]
        asked = D(rng.choice([1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000]))
        submitted = year.start + timedelta(
            days=rng.randint(0, max(1, min(200, (today - year.start).days - 20)))
        )
        application = eng.submit_application(
            cluster=cluster,
            school_id=school_id,
            child_id=child_id,
            needs=f"{_need_name(need or rng.choice(NEEDS))}: needs beyond ordinarily available provision",
            provision=rng.choice(
                [
                    "Small-group intervention three times a week",
                    "Individual support at lunch and transitions",
                    "Speech and language programme delivered by a trained assistant",
                    "Specialist teaching, two hours a week",
                ]
            ),
            graduated_approach="Two cycles of assess, plan, do, review with the SENCO and an advisory teacher",
            evidence="Provision map\nIndividual support plan reviews",
            amount_requested=asked,
            on=submitted,
            by=applicant[cluster.pk],
        )
        if index >= wanted + 40:
            if index < wanted + 45:  # a few carry an evidence document
                evidence.add_evidence(
                    application=application,
                    upload=ContentFile(
                        b"Provision map, autumn term: small-group intervention three times a week.\n",
                        name="provision-map.txt",
                    ),
                    title="Provision map",
                    by=applicant[cluster.pk],
                )
            continue  # waiting for the next panel
        panel_day = application.panel.meets_on if application.panel else submitted + timedelta(days=14)
        if index >= wanted:
            outcome = rng.choice(["decline", "refer"])
            eng.decide_application(
                application=application,
                outcome=outcome,
                reasons="Needs can be met from the school's notional SEN budget"
                if outcome == "decline"
                else "Needs suggest an EHC needs assessment",
                amount=D(0),
                start=None,
                end=None,
                on=min(panel_day, today),
                by=decider[cluster.pk],
            )
            continue
        part = rng.random() < 0.15
        start = max(panel_day, year.start)
        eng.decide_application(
            application=application,
            outcome="part" if part else "approve",
            reasons="Meets the cluster's criteria"
            if not part
            else "Part of the provision is ordinarily available",
            amount=(asked * D("0.6")).quantize(D("1")) if part else asked,
            start=start,
            end=start + timedelta(days=364),
            on=min(panel_day, today),
            by=decider[cluster.pk],
        )
        granted += 1
    return granted


def _packages(rng: random.Random, today: date, year: rules.FinancialYear, by: User, scale: float) -> int:
    children = cases.children_without_school(1000)
    children = children[: len(children) // 2]  # the other half wait for specialist places
    rng.shuffle(children)
    baseline = year.start - timedelta(days=365)
    places.set_target(
        kind="tuition",
        baseline_on=baseline,
        reduction_percent=D("50"),
        target_on=date(year.start_year + 2, 3, 31),
        by=None,
    )
    places.set_target(
        kind="eotas",
        baseline_on=baseline,
        reduction_percent=D("40"),
        target_on=date(year.start_year + 2, 3, 31),
        by=None,
    )
    count = 0
    plan = [("tuition", 44, 22), ("eotas", 30, 21)]  # (kind, live at the baseline, live now)
    pick = iter(children)
    for kind, at_baseline, now in plan:
        for n, (child_id, _need, _born) in zip(range(max(2, round(at_baseline * scale))), pick, strict=False):
            start = baseline - timedelta(days=rng.randint(10, 300))
            still_live = n < round(now * scale * 0.8)
            end = (
                None
                if still_live
                else baseline + timedelta(days=rng.randint(30, max(31, (today - baseline).days - 5)))
            )
            _add_package(rng, kind, child_id, start, end, by)
            count += 1
        for _, (child_id, _need, _born) in zip(range(max(1, round(now * scale * 0.2))), pick, strict=False):
            _add_package(rng, kind, child_id, today - timedelta(days=rng.randint(10, 200)), None, by)  # new
            count += 1
    return count


def _add_package(
    rng: random.Random, kind: str, child_id: int, start: date, end: date | None, by: User
) -> None:
    hours = D(rng.choice([5, 10, 15, 20, 25]))
    rate = D(rng.choice([45, 55, 65])) if kind == "tuition" else D(rng.choice([70, 85, 95]))
    places.add_package(
        child_id=child_id,
        kind=kind,
        provider=rng.choice(PROVIDERS if kind == "tuition" else EOTAS_PROVIDERS),
        hours_per_week=hours,
        weekly_cost=hours * rate,
        start=start,
        end=end,
        reason="Awaiting a school place"
        if kind == "tuition"
        else "Education otherwise than at school named in the plan",
        review_date=start + timedelta(days=84),
        by=by,
    )


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
