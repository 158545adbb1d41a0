"""Generate a deterministic synthetic SEND population relative to a given ``today``.

Each case gets dates chosen so that the statutory engine (``sendhub.cases.rules``)
places it in a wanted stage, with a realistic mix of work that is overdue, due within
14 days, and due later. Tests check the engine agrees with every wanted stage.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sendhub.cases.rules import RequestSource, Stage
from sendhub.cases.synthetic import history, names
from sendhub.cases.synthetic.timelines import SyntheticCase, assessment_for, ended_plan, plan_for
from sendhub.cases.synthetic.working import on_working_days
from sendhub.lib.identifiers import upn_check_letter

# Camden's 20 wards (2022 boundaries): public geography, not personal data.
CAMDEN_WARDS = [
    "Belsize",
    "Bloomsbury",
    "Camden Square",
    "Camden Town",
    "Fortune Green",
    "Frognal",
    "Gospel Oak",
    "Hampstead Town",
    "Haverstock",
    "Highgate",
    "Holborn and Covent Garden",
    "Kentish Town North",
    "Kentish Town South",
    "Kilburn",
    "King's Cross",
    "Primrose Hill",
    "Regent's Park",
    "South Hampstead",
    "St Pancras and Somers Town",
    "West Hampstead",
]

# Progress report 2024: January 2025 figures at scale 1.0. The plans maintained on the day the demo is made
# follow the published January counts and their growth since (``history.plans_on``).
EHCP_COUNT, ENG_COUNT, SUPPORT_COUNT = 1609, 288, 4057
OPEN_REQUESTS, CLOSED_REQUESTS = 300, 120  # a year's flow in progress / recently refused or withdrawn

# Primary need on EHC plans (progress report: ASD 42, SEMH 16, SLCN 15, MLD 14; the rest spread).
EHCP_NEEDS = {
    "ASD": 42,
    "SEMH": 16,
    "SLCN": 15,
    "MLD": 14,
    "SPLD": 3,
    "SLD": 3,
    "PD": 2,
    "PMLD": 1.5,
    "HI": 1,
    "DS": 1,
    "VI": 0.6,
    "OTH": 0.7,
    "MSI": 0.2,
}
# SEN Support and ENG pupils: DfE SEN in England 2024 shape (speech and language commonest).
SUPPORT_NEEDS = {
    "SLCN": 24,
    "SEMH": 21,
    "ASD": 14,
    "SPLD": 13,
    "MLD": 13,
    "PD": 3,
    "HI": 2,
    "VI": 1,
    "OTH": 6,
    "SLD": 1,
    "DS": 1,
    "MSI": 0.5,
    "PMLD": 0.5,
}
# Ethnicity (SEN2 codes) shaped on Camden's school population.
ETHNICITY = {
    "WBRI": 24,
    "WOTH": 13,
    "ABAN": 13,
    "BAFR": 11,
    "MWBC": 3,
    "MWBA": 3,
    "MWAS": 3,
    "MOTH": 5,
    "BCRB": 3,
    "BOTH": 2,
    "AIND": 2,
    "APKN": 1,
    "AOTH": 4,
    "CHNE": 1,
    "WIRI": 1,
    "OOTH": 7,
    "REFU": 2,
    "NOBT": 2,
}
LANGUAGES = {
    "English": 58,
    "Bengali": 12,
    "Somali": 6,
    "Arabic": 5,
    "Albanian": 3,
    "Portuguese": 3,
    "Spanish": 3,
    "French": 2,
    "Turkish": 2,
    "Polish": 2,
    "Italian": 2,
    "Tigrinya": 1,
    "Other": 1,
}
SOURCES: dict[str, float] = {
    RequestSource.PARENT: 52,
    RequestSource.SCHOOL: 36,
    RequestSource.HEALTH: 6,
    RequestSource.SOCIAL_CARE: 3,
    RequestSource.OTHER: 3,
}

OPEN_STAGES = [
    Stage.AWAITING_DECISION_TO_ASSESS,
    Stage.ASSESSING,
    Stage.AWAITING_DECISION_TO_ISSUE,
    Stage.DRAFT_ISSUED,
    Stage.AWAITING_FINAL,
]
CLOSED_STAGES = [Stage.NOT_ASSESSED, Stage.NOT_ISSUED, Stage.WITHDRAWN]
PLAN_STAGES = {
    Stage.PLAN_MAINTAINED: 80,
    Stage.AWAITING_REVIEW_REPORT: 5,
    Stage.AWAITING_REVIEW_DECISION: 5,
    Stage.AMENDMENT_PROPOSED: 7,
    Stage.CEASING: 3,
}


@dataclass
class SyntheticChild:
    key: str  # stable across runs: makes demo loading idempotent
    first_name: str
    last_name: str
    birth: date
    sex: str  # SEN2: M / F
    ethnicity: str
    first_language: str
    address: str
    postcode: str
    ward: str
    upn: str
    fsm: bool
    looked_after: bool
    child_in_need: bool
    primary_need: str
    secondary_need: str
    sen_status: str  # support / eng / ehcp / none
    team_index: int  # 0 early years, 1 primary, 2 secondary, 3 post-16
    setting_kind: str  # early_years / mainstream / special / fe / none
    pick: int  # a random number for choosing the school and officer
    cases: list[SyntheticCase] = field(default_factory=list)


@dataclass
class Population:
    today: date
    children: list[SyntheticChild]

    def stages(self) -> set[Stage]:
        return {case.stage for child in self.children for case in child.cases}


def _weighted(rng: random.Random, table: Mapping[str, float]) -> str:
    keys = list(table)
    return str(rng.choices(keys, weights=[float(table[k]) for k in keys])[0])


def synthetic_upn(rng: random.Random, la_code: str, birth: date) -> str:
    # 3-digit LA, 4-digit establishment (9xxx: no real school), 2-digit year, 3-digit serial.
    body = f"{la_code}{rng.randint(9000, 9999)}{(birth.year + 4) % 100:02d}{rng.randint(0, 999):03d}"
    return upn_check_letter(body) + body


def _age_for(rng: random.Random, status: str) -> int:
    if status == "none":  # a ceased plan: older children and young people
        return rng.randint(6, 24)
    if status == "ehcp":
        # DfE caseload shape: under 5 6%, 5-10 37%, 11-15 33%, 16-19 19%, 20-25 5%.
        band = rng.choices([(1, 4), (5, 10), (11, 15), (16, 19), (20, 24)], weights=[6, 37, 33, 19, 5])[0]
    else:
        band = rng.choices([(2, 4), (5, 10), (11, 15), (16, 17)], weights=[6, 52, 36, 6])[0]
    return rng.randint(*band)


def _team_and_setting(rng: random.Random, age: int, status: str) -> tuple[int, str]:
    team = 0 if age < 5 else 1 if age < 11 else 2 if age < 16 else 3
    if age < 4:
        return team, "early_years"
    if age >= 19:
        return team, rng.choice(["fe", "fe", "none"])
    if age >= 16:
        return team, "fe" if rng.random() < 0.6 else ("special" if status == "ehcp" else "mainstream")
    if status == "ehcp" and rng.random() < 0.34:  # 58% mainstream state-funded (JSNA 2024)
        return team, "special"
    return team, "mainstream"


def _child(
    rng: random.Random, n: int, status: str, today: date, la_code: str, birth: date | None = None
) -> SyntheticChild:
    if birth is None:
        age = _age_for(rng, status)
        birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
    else:
        age = (today - birth).days // 365
    male_share = 0.72 if status in {"ehcp", "none"} else 0.64
    sex = "M" if rng.random() < male_share else "F"
    first = rng.choice(names.FIRST_NAMES_M if sex == "M" else names.FIRST_NAMES_F)
    needs = EHCP_NEEDS if status in {"ehcp", "none"} else SUPPORT_NEEDS
    primary = _weighted(rng, needs)
    secondary = _weighted(rng, needs) if rng.random() < 0.35 else ""
    if secondary == primary:
        secondary = ""
    team, setting = _team_and_setting(rng, age, status)
    district = rng.choice(["NW1", "NW3", "NW5", "NW6", "WC1", "N6", "N19"])
    street = f"{rng.randint(1, 180)} {rng.choice(names.STREETS)} {rng.choice(names.STREET_KINDS)}"
    return SyntheticChild(
        key=f"DEMO-{n:06d}",
        first_name=first,
        last_name=rng.choice(names.SURNAMES),
        birth=birth,
        sex=sex,
        ethnicity=_weighted(rng, ETHNICITY),
        first_language=_weighted(rng, LANGUAGES),
        address=f"{street}, London",
        postcode=f"{district} {rng.randint(0, 9)}{rng.choice('XZ')}{rng.choice('QXZ')}",  # ZZ-style: unreal
        ward=rng.choice(CAMDEN_WARDS),
        upn=synthetic_upn(rng, la_code, birth) if 4 <= age <= 18 else "",
        fsm=rng.random() < (0.45 if status in {"ehcp", "eng"} else 0.38),
        looked_after=rng.random() < (0.035 if status == "ehcp" else 0.01),
        child_in_need=rng.random() < (0.08 if status == "ehcp" else 0.03),
        primary_need=primary,
        secondary_need=secondary,
        sen_status=status,
        team_index=team,
        setting_kind=setting,
        pick=rng.randint(0, 10**6),
    )


def _spread(
    rng: random.Random, count: int, required: list[Stage], weights: dict[Stage, int] | None
) -> list[Stage]:
    """``count`` stages: every required stage at least once (so a tiny scale still has all)."""
    stages = list(required[:count]) if count < len(required) else list(required)
    pool = list(weights) if weights else required
    w = [weights[s] for s in pool] if weights else None
    stages += rng.choices(pool, weights=w, k=max(0, count - len(stages)))
    rng.shuffle(stages)
    return stages


def _source(rng: random.Random) -> RequestSource:
    return RequestSource(_weighted(rng, SOURCES))


def _due_offset(rng: random.Random) -> int:
    """Days from today to the next due date: 15% overdue, 15% within 14 days, the rest later."""
    roll = rng.random()
    if roll < 0.15:
        return -rng.randint(1, 60)
    if roll < 0.30:
        return rng.randint(0, 14)
    return rng.randint(15, 330)


def _ended(
    rng: random.Random,
    with_plans: list[SyntheticChild],
    counter: Iterator[int],
    today: date,
    la_code: str,
    scale: float,
) -> list[SyntheticChild]:
    """Children whose plans ended, so the area's plans on each January census day are the published count
    (``history``); at least one, so every stage is there."""
    open_plans = [(c.plan.issued, c.plan.ceased) for child in with_plans for c in child.cases if c.plan]
    spells = history.ended_plans(rng, open_plans, today, scale) or [
        (today - timedelta(days=400), today - timedelta(days=20))
    ]
    children = []
    for issued, ceased in sorted(spells):
        # Under 25 today (the demo holds no adults), at least six months old when the plan was made.
        oldest = min(18, 24 - (today - issued).days // 365)
        birth = issued - timedelta(days=rng.randint(1, max(1, oldest)) * 365 + rng.randint(180, 364))
        child = _child(rng, next(counter), "none", today, la_code, birth=birth)
        child.cases.append(ended_plan(rng, birth, issued, ceased, _source(rng)))
        children.append(child)
    return children


def generate(*, seed: int, scale: float, today: date, la_code: str = "202") -> Population:
    """The whole synthetic area: children on SEN Support, with ENG, with plans, and their cases."""
    if scale <= 0:
        raise ValueError("Scale must be more than 0")
    rng = random.Random(seed)
    n_ehcp = max(1, round(history.plans_on(today) * scale))
    n_eng, n_support = (max(1, round(c * scale)) for c in (ENG_COUNT, SUPPORT_COUNT))
    n_open = max(len(OPEN_STAGES) * 2, round(OPEN_REQUESTS * scale))
    n_closed = max(len(CLOSED_STAGES), round(CLOSED_REQUESTS * scale))
    children: list[SyntheticChild] = []
    counter = iter(range(1, 10**7))

    plan_stages = _spread(rng, max(n_ehcp, len(PLAN_STAGES)), list(PLAN_STAGES), PLAN_STAGES)
    for stage in plan_stages:
        child = _child(rng, next(counter), "ehcp", today, la_code)
        child.cases.append(plan_for(rng, child.birth, today, stage, _due_offset(rng), _source(rng)))
        children.append(child)
    children += _ended(random.Random(f"{seed}-ended"), children, counter, today, la_code, scale)

    others = [_child(rng, next(counter), "eng", today, la_code) for _ in range(n_eng)]
    others += [_child(rng, next(counter), "support", today, la_code) for _ in range(n_support)]
    rng.shuffle(others)
    stages = _spread(rng, n_open, OPEN_STAGES, None) + _spread(rng, n_closed, CLOSED_STAGES, None)
    for child, stage in zip(others, stages, strict=False):
        child.cases.append(assessment_for(rng, today, stage, _due_offset(rng), _source(rng)))
    children += others
    for child in children:
        child.cases = [on_working_days(case, today) for case in child.cases]
    children.sort(key=lambda c: c.key)
    return Population(today=today, children=children)
