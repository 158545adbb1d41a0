"""Demo tuition and EOTAS packages for children without a school place, against the targets to reduce them
(Appendix C 2.2: tuition down 50%, EOTAS down 40%)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sendhub.accounts.models import User
from sendhub.cases.selectors import funding as cases
from sendhub.funding import rules
from sendhub.funding.services import places

D = Decimal
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


def load_packages(rng: random.Random, today: date, year: rules.FinancialYear, by: User, scale: float) -> int:
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
