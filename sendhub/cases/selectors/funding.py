"""Casework reads for high needs funding (sendhub.funding reads casework only through these).

Each returns plain values, not casework models to walk, so funding cannot reach child detail it has
no need of: a finance officer sees a grant's case reference, need and school, never a name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from sendhub.accounts.models import User
from sendhub.cases.models import Child, Placement, Plan, PlanStatus
from sendhub.cases.vocab import SEN_NEEDS

LIVE_PLAN_STATUSES = (PlanStatus.ACTIVE, PlanStatus.CEASING)


@dataclass(frozen=True)
class PlanPeriod:
    """When a plan is (or was) maintained: from its first issue to its cessation, if any."""

    start: date | None
    end: date | None
    live: bool


def plan_periods(*, maintained_after: date | None = None) -> dict[int, PlanPeriod]:
    """The maintained period of every issued plan (those ceased before `maintained_after` left out)."""
    plans = Plan.objects.filter(start_date__isnull=False)
    if maintained_after is not None:
        plans = plans.filter(Q(ceased__isnull=True) | Q(ceased__gte=maintained_after))
    return {
        pk: PlanPeriod(start, ceased, status in LIVE_PLAN_STATUSES)
        for pk, start, ceased, status in plans.values_list("pk", "start_date", "ceased", "status")
    }


def maintained_period_lookups(via: str, *, maintained_after: date) -> tuple[Q, str, str]:
    """For a query over rows with a foreign key `via` to a plan (a band): the filter keeping the rows whose
    plan is issued and not ceased before `maintained_after` (as `plan_periods`), and the lookups of the
    plan's maintained period, start and end (None: still maintained). Lets funding join the periods
    in the database instead of reading every plan."""
    issued = Q(**{f"{via}__start_date__isnull": False})
    not_ceased = Q(**{f"{via}__ceased__isnull": True}) | Q(**{f"{via}__ceased__gte": maintained_after})
    return issued & not_ceased, f"{via}__start_date", f"{via}__ceased"


def live_plans_for_banding(user: User) -> QuerySet[Plan]:
    """Maintained plans the user may open, for choosing one to band."""
    visible = Child.objects.visible_to(user)
    return (
        Plan.objects.filter(child__in=visible, status__in=LIVE_PLAN_STATUSES)
        .select_related("child", "named_setting")
        .order_by("child__last_name", "pk")
    )


def plan_summaries(plan_ids: list[int]) -> dict[int, dict[str, Any]]:
    """What a band needs to show about a plan: the case reference and the named setting's name."""
    rows = Plan.objects.filter(pk__in=plan_ids).values_list("pk", "child__reference", "named_setting__name")
    return {pk: {"reference": ref, "setting": setting or ""} for pk, ref, setting in rows}


NEED_NAMES = dict(SEN_NEEDS)


def child_summaries(child_ids: list[int]) -> dict[int, dict[str, Any]]:
    """What a grant or package needs to show about a child: reference, primary need (its plain name, never
    the SEN2 code), school."""
    rows = Child.objects.filter(pk__in=child_ids).values_list(
        "pk", "reference", "primary_need", "school__name", "birth_date"
    )
    return {
        pk: {"reference": ref, "need": NEED_NAMES.get(need, need), "school": school or "", "birth_date": born}
        for pk, ref, need, school, born in rows
    }


def children_at_schools(user: User, school_ids: list[int]) -> QuerySet[Child]:
    """Pupils of the given schools that the user may see (a SENCO choosing the child to apply for)."""
    return (
        Child.objects.visible_to(user)
        .filter(school_id__in=school_ids)
        .only("pk", "reference", "first_name", "last_name", "school_id")
        .order_by("last_name", "first_name")
    )


def child_for_user(user: User, pk: int) -> Child | None:
    return Child.objects.visible_to(user).filter(pk=pk).first()


def placed_counts(school_ids: list[int], today: date, *, resourced_only: bool = False) -> Counter[int]:
    """Children whose live primary placement is at each school (in its resourced provision, if asked)."""
    live = Placement.objects.filter(school_id__in=school_ids, rank=1, start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today)
    )
    if resourced_only:
        live = live.filter(Q(resourced_provision=True) | Q(sen_unit=True))
    return Counter(live.values_list("school_id", flat=True))


def child_by_reference(user: User, reference: str) -> Child | None:
    return Child.objects.visible_to(user).filter(reference__iexact=reference.strip()).first()


def child_id_by_reference(reference: str) -> int | None:
    """The id of the child with this case reference, whoever's caseload: for the finance officer, who
    adds a package by reference alone and is shown nothing more of the child."""
    return Child.objects.filter(reference__iexact=reference.strip()).values_list("pk", flat=True).first()


@dataclass(frozen=True)
class PlanToBand:
    plan_id: int
    start: date
    setting_type: str
    birth_date: date


def live_plans_to_band() -> list[PlanToBand]:
    """Every maintained plan with its start, the named setting's type ("" when none) and the child's
    date of birth: what a band needs to pick the type of setting."""
    rows = Plan.objects.filter(status__in=LIVE_PLAN_STATUSES, start_date__isnull=False).values_list(
        "pk", "start_date", "named_setting__setting_type", "child__birth_date"
    )
    return [
        PlanToBand(pk, start, setting or "", born)
        for pk, start, setting, born in rows.order_by("pk")
        if start is not None
    ]


def children_for_grants(school_ids: list[int]) -> list[tuple[int, int, str, str]]:
    """Children at the given schools without an EHC plan, as (child id, school id, SEN status, primary
    need): ENG children first, then SEN Support."""
    rows = (
        Child.objects.filter(school_id__in=school_ids, sen_status__in=["eng", "support"])
        .values_list("pk", "school_id", "sen_status", "primary_need")
        .order_by("sen_status", "pk")
    )
    return [(pk, school, status, need) for pk, school, status, need in rows if school is not None]


def children_without_school(limit: int) -> list[tuple[int, str, date]]:
    """Children (with or without plans) for demo packages outside school: id, primary need, birth date."""
    rows = Child.objects.order_by("pk").values_list("pk", "primary_need", "birth_date")[:limit]
    return list(rows)


def visible_child_ids(user: User, child_ids: list[int]) -> set[int]:
    """Which of these children the user may open."""
    return set(Child.objects.visible_to(user).filter(pk__in=child_ids).values_list("pk", flat=True))
