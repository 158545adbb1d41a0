"""Demo specialist places (special schools, resourced provisions, alternative provision) and capital grants."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sendhub.cases.selectors import funding as cases
from sendhub.funding import rules
from sendhub.funding.models import (
    AdmissionsPanel,
    ReferralStatus,
)
from sendhub.funding.services import places
from sendhub.lib.workdays import working_day_on_or_after
from sendhub.schools.models import School, SettingType

D = Decimal


def load_places(rng: random.Random, today: date) -> int:
    specials = list(School.objects.filter(setting_type=SettingType.SPECIAL).order_by("pk"))
    resourced = list(School.objects.filter(setting_type=SettingType.RESOURCED).order_by("pk"))
    ap = list(School.objects.filter(setting_type=SettingType.AP_PRU).order_by("pk"))
    made = []
    for school, need in zip(specials, ["SLD", "ASD", "PMLD"], strict=False):
        made.append(
            places.add_provision(
                school_id=school.pk,
                kind="special",
                name=school.name,
                need=need,
                phase="All-through",
                places=rng.choice([90, 110, 130]),
                place_value=D("10000"),
                by=None,
            )
        )
    for school, need in zip(resourced, ["ASD", "ASD", "SLCN", "HI", "ASD", "PD"], strict=False):
        made.append(
            places.add_provision(
                school_id=school.pk,
                kind="arp",
                name=f"{school.name} resourced provision",
                need=need,
                phase=school.get_phase_display(),
                places=rng.choice([8, 12, 14]),
                place_value=D("10000"),
                by=None,
            )
        )
    for school in ap:
        made.append(
            places.add_provision(
                school_id=school.pk,
                kind="ap",
                name=school.name,
                need="SEMH",
                phase="Secondary",
                places=60,
                place_value=D("18000"),
                by=None,
            )
        )
    for months in (-2, -1, 0, 1):
        AdmissionsPanel.objects.get_or_create(
            meets_on=working_day_on_or_after(
                (today.replace(day=1) + timedelta(days=31 * months)).replace(day=9)
            )
        )
    children = cases.children_without_school(1000)
    pick = iter(children[len(children) // 2 :])
    for provision in made:
        if provision.kind == "ap":
            continue
        for _, (child_id, need, born) in zip(range(rng.randint(3, 9)), pick, strict=False):
            age = (today - born).days // 365
            phase = (
                "Early years"
                if age < 5
                else "Primary"
                if age < 11
                else "Secondary"
                if age < 16
                else "Post-16"
            )
            referral = places.refer_for_place(
                provision=provision,
                child_id=child_id,
                need=need or provision.need,
                phase=phase,
                on=today - timedelta(days=rng.randint(12, 150)),  # before its steps (all dated since)
                by=None,
            )
            step = rng.random()
            if step < 0.35:
                places.move_referral(
                    referral=referral, status=ReferralStatus.AGREED, on=today - timedelta(days=3), by=None
                )
            elif step < 0.55:
                places.move_referral(
                    referral=referral, status=ReferralStatus.OFFERED, on=today - timedelta(days=10), by=None
                )
                if step < 0.45:
                    places.move_referral(
                        referral=referral,
                        status=ReferralStatus.ACCEPTED,
                        on=today - timedelta(days=4),
                        by=None,
                    )
            elif step < 0.6:
                places.move_referral(
                    referral=referral, status=ReferralStatus.DECLINED, on=today - timedelta(days=2), by=None
                )
    return len(made)


def load_capital(rng: random.Random, today: date) -> None:
    schools = list(
        School.objects.filter(setting_type__in=[SettingType.MAINSTREAM, SettingType.RESOURCED]).order_by("pk")
    )
    chosen = (schools * 2)[:29] if len(schools) < 29 else rng.sample(schools, 29)
    weights = [D(rng.randint(50, 130)) for _ in chosen]
    total = sum(weights, D(0))
    amounts = rules.allocate_pennies([D("2500000") * w / total for w in weights], D("2500000.00"))
    for n, (school, amount) in enumerate(zip(chosen, amounts, strict=True)):
        purpose = rng.choice(
            [
                "Sensory room",
                "Hygiene and changing facilities",
                "Accessible entrance and lift",
                "Quiet intervention space",
            ]
        )
        completed = n < 8
        places.add_capital_grant(
            school_id=school.pk,
            amount=amount,
            purpose=purpose,
            status="completed" if completed else "in_delivery",
            awarded_on=date(2024, 3, 1) + timedelta(days=rng.randint(0, 120)),
            completed_on=today - timedelta(days=rng.randint(30, 300)) if completed else None,
            places_delivered=0,
            adaptations=purpose if completed else "",
            by=None,
        )
