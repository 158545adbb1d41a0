"""Demo data for SEN2: fill the return-only details the casework demo leaves empty, so the demo exports a
valid return. Deterministic for a seed, idempotent (only fills blanks), synthetic.

- Young people (15+) with no UPN get a synthetic ULN: 10 digits starting 9, with a valid check digit
  (Learning Records Service algorithm, `sendhub.lib.identifiers`), so the return passes rule PER-06.
- A child with a live plan and no placement gets one: their plan's named setting if it has one, otherwise
  "not in education - other" (16+) or "other arrangements by the local authority" (under 16).
"""

from __future__ import annotations

import random
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from sendhub.cases.models import Child, Placement, Plan, PlanStatus
from sendhub.lib.identifiers import uln_check_digit
from sendhub.sen2.validation.rules import age_on


def synthetic_uln(rng: random.Random) -> str:
    """A ULN starting with 9 whose check digit is right (Learning Records Service; lib.identifiers)."""
    while True:
        first_nine = f"9{rng.randint(0, 10**8 - 1):08d}"
        digit = uln_check_digit(first_nine)
        if digit is not None:  # one start in eleven has no check digit: draw again
            return f"{first_nine}{digit}"


def load(*, seed: int, scale: float, stdout: Any) -> None:
    rng = random.Random(seed * 7919 + 2)
    today = timezone.localdate()
    ulns = 0
    for child in Child.objects.filter(upn="", uln="").order_by("pk"):
        if age_on(child.birth_date, today) >= 15:
            child.uln = synthetic_uln(rng)
            child.save(update_fields=["uln"])
            ulns += 1
    live = Plan.objects.filter(status__in=[PlanStatus.ACTIVE, PlanStatus.CEASING], start_date__isnull=False)
    needing = (
        live.filter(~Exists(Placement.objects.filter(child=OuterRef("child"))))
        .select_related("child")
        .order_by("pk")
    )
    added = []
    for plan in needing:
        child, start = plan.child, plan.start_date
        assert start is not None  # filtered above
        if plan.named_setting_id:
            added.append(
                Placement(
                    child=child,
                    school_id=plan.named_setting_id,
                    start=start,
                    rank=1,
                    sen_unit=plan.named_setting_sen_unit,
                    resourced_provision=plan.named_setting_resourced_provision,
                )
            )
        else:
            older = age_on(child.birth_date, today) >= 16
            added.append(
                Placement(
                    child=child,
                    sen_setting="NIEO" if older else "OLA",
                    start=start,
                    rank=1,
                    sen_setting_other="Awaiting a suitable place" if older else "",
                )
            )
    Placement.objects.bulk_create(added)
    no_need = Child.objects.filter(Exists(live.filter(child=OuterRef("pk"))), primary_need="")
    needs = no_need.update(primary_need="OTH") if no_need.exists() else 0
    stdout.write(f"SEN2: {ulns} ULNs, {len(added)} placements and {needs} needs filled in for the return")
