"""Demo children's schools and officers, and their families (parents, professionals, the demo family accounts)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sendhub.accounts.models import Role, Team, User
from sendhub.cases import rules
from sendhub.cases.models import (
    Child,
    ParentCarer,
    PlanStatus,
    Professional,
    RequestStatus,
)
from sendhub.cases.rules.young_person import young_person_check
from sendhub.cases.synthetic import names
from sendhub.cases.synthetic.population import SyntheticChild
from sendhub.schools.models import School

# About one child in 14 at a special school or college is placed out of the area (a few dozen at full
# scale): the neighbouring boroughs' special schools, independent and non-maintained special schools,
# specialist post-16 institutions. Camden places more than that; the demo keeps the set small.
OUT_OF_AREA_ONE_IN = 14


def schools_by_kind() -> dict[str, list[School]]:
    schools = list(School.objects.order_by("urn"))
    kinds: dict[str, list[School]] = defaultdict(list)
    for s in schools:
        if s.out_of_borough:
            out_of_area = (
                "fe" if s.phase == "16_plus" else "special" if "special" in s.setting_type else "any"
            )
            kinds[f"out_of_area_{out_of_area}"].append(s)
        elif s.setting_type == "special":
            kinds["special"].append(s)
        elif s.setting_type == "fe" or s.phase == "16_plus":
            kinds["fe"].append(s)
        elif s.setting_type == "early_years" or s.phase == "nursery":
            kinds["early_years"].append(s)
        elif s.phase in {"secondary", "all_through"}:
            kinds["secondary"].append(s)
        else:
            kinds["primary"].append(s)
    kinds["any"] = [s for s in schools if not s.out_of_borough]
    return kinds


def school_for(child: SyntheticChild, kinds: dict[str, list[School]], today: date) -> School | None:
    age = rules.age_on(child.birth, today)
    if child.setting_kind == "none":
        return None
    kind = child.setting_kind
    away = kinds.get(f"out_of_area_{kind}")
    if away and child.pick % OUT_OF_AREA_ONE_IN == 0:
        return away[(child.pick // OUT_OF_AREA_ONE_IN) % len(away)]
    if kind == "mainstream":
        kind = "primary" if age < 11 else "secondary"
    options = kinds.get(kind) or kinds.get("primary" if age < 11 else "secondary") or kinds["any"]
    return options[child.pick % len(options)] if options else None


def officers_by_team() -> dict[int, list[User]]:
    """Demo case officers by team, in the order accounts.demo.TEAMS lists the teams."""
    by_team: dict[int, list[User]] = defaultdict(list)
    officers = list(User.objects.filter(role=Role.CASE_OFFICER, is_active=True).order_by("pk"))
    teams = {t.pk: i for i, t in enumerate(Team.objects.order_by("pk"))}
    for officer in officers:
        by_team[teams.get(officer.team_id, -1) if officer.team_id else -1].append(officer)
    by_team[-1] = officers
    return by_team


def family(population: list[SyntheticChild], saved: dict[str, Child], rng: random.Random) -> None:
    parents, professionals = [], []
    for sc in population:
        child = saved[sc.key]
        mother = rng.random() < 0.8
        first = rng.choice(names.FIRST_NAMES_F if mother else names.FIRST_NAMES_M)
        parents.append(
            ParentCarer(
                child=child,
                name=f"{first} {child.last_name}",
                relationship="Mother" if mother else "Father",
                email=f"{first.lower()}.{child.last_name.lower()}{sc.pick % 97}@example.invalid",
                contact_preference=rng.choice(["email", "email", "phone", "text", "post"]),
                language=sc.first_language if sc.first_language != "Other" else "English",
                interpreter_needed=sc.first_language not in {"English", "Other"} and rng.random() < 0.3,
            )
        )
        if sc.sen_status == "ehcp":
            professionals.append(
                Professional(
                    child=child,
                    name=f"{rng.choice(names.FIRST_NAMES_F)} {rng.choice(names.SURNAMES)}",
                    role="Educational psychologist",
                    organisation="Educational Psychology Service",
                )
            )
    ParentCarer.objects.bulk_create(parents, batch_size=2000)
    Professional.objects.bulk_create(professionals, batch_size=2000)


def demo_family(today: date) -> None:
    """The demo parent account IS the recorded parent (same name and email) of its children: one whose draft
    plan is inside the 15 days for comments and naming a setting (reg 13(1), CFA s.38), one with a plan."""
    parent_user = User.objects.filter(email="parent@demo.sendhub.test").first()
    if parent_user is None:
        return
    demo = Child.objects.filter(reference__startswith="DEMO-")
    in_draft = (
        demo.filter(
            requests__status=RequestStatus.OPEN,
            requests__draft_issued__gt=today - timedelta(days=15),
            requests__draft_issued__lte=today,
            requests__final_issued__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    with_plan = (
        demo.filter(plans__status=PlanStatus.ACTIVE)
        .exclude(pk__in=[in_draft.pk] if in_draft else [])
        .order_by("pk")
        .first()
    )
    for child in (c for c in (in_draft, with_plan) if c is not None):
        record = child.parents.order_by("pk").first()
        if record is None:
            continue
        record.name = parent_user.full_name
        record.relationship = "Mother"
        record.email = parent_user.email
        record.user = parent_user
        record.full_clean()
        record.save()
    _demo_young_person(demo, today)


def _demo_young_person(demo: Any, today: date) -> None:
    """The demo young person account is the record of a young person (over school age, under 25: CFA 2014
    s.83(2)) with a plan, named as the account is, so the family pages show them their own case."""
    account = User.objects.filter(email="youngperson@demo.sendhub.test").first()
    if account is None or Child.objects.filter(account=account).exists():
        return
    for child in demo.filter(plans__status=PlanStatus.ACTIVE, account__isnull=True).order_by(
        "birth_date", "pk"
    ):
        if child.birth_date and young_person_check(child.birth_date, today).allowed:
            first, _, last = account.full_name.partition(" ")
            child.first_name, child.last_name, child.account = first, last, account
            child.full_clean()
            child.save(update_fields=["first_name", "last_name", "account"])
            return
