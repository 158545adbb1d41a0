"""Selectors that read casework (the cases app) into the plain facts that `kpis` and
`disproportionality` count. KPIs are aggregates over the whole authority; the drill-down list is limited
to the children the viewer may open (`Child.objects.visible_to`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from sendhub.cases.models import (
    AnnualReview,
    Appeal,
    AssessmentException,
    AssessmentRequest,
    Child,
    Placement,
    Plan,
)
from sendhub.cases.rules.assessment import ExceptionPeriod, ExceptionReason
from sendhub.cases.rules.reviews import amended_for_phase_transfer, in_transfer_cohort
from sendhub.dashboard.rules.cohort import Spell
from sendhub.dashboard.rules.kpis import AppealFact, ChildFact, Facts, RequestFact, ReviewFact, TransferFact

REASONS = {reason.value: reason for reason in ExceptionReason}
NEED_LABELS = dict(Child._meta.get_field("primary_need").choices or [])
ETHNICITY_LABELS = dict(Child._meta.get_field("ethnicity").choices or [])


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _settings_by_child() -> dict[int, str]:
    current: dict[int, str] = {}
    rows = Placement.objects.filter(end__isnull=True, rank=1).select_related("school").order_by("start")
    for p in rows:
        current[p.child_id] = p.school.get_setting_type_display() if p.school else p.get_sen_setting_display()
    return current


def casework_facts(*, today: date, years: range) -> Facts:
    exceptions: dict[int, list[ExceptionPeriod]] = {}
    for e in AssessmentException.objects.all():
        exceptions.setdefault(e.request_id, []).append(ExceptionPeriod(REASONS[e.reason], e.start, e.end))
    requests = [
        RequestFact(
            child_id=r.child_id,
            received=r.received,
            decided_on=r.decided_to_assess or r.decided_not_to_assess,
            decided_to_assess=True if r.decided_to_assess else False if r.decided_not_to_assess else None,
            final_issued=r.final_issued,
            exceptions=tuple(exceptions.get(r.pk, ())),
        )
        for r in AssessmentRequest.objects.exclude(received__gt=today)
    ]
    reviews = []
    previous: dict[int, date] = {}
    for v in AnnualReview.objects.select_related("plan").order_by("plan_id", "meeting"):
        if v.plan.start_date:
            reviews.append(
                ReviewFact(
                    v.plan.child_id, v.plan.start_date, previous.get(v.plan_id), v.meeting, v.decision_on
                )
            )
        previous[v.plan_id] = v.meeting
    transfers = []
    plans = Plan.objects.exclude(start_date__isnull=True).select_related("child")
    for plan in plans:
        for year in years:
            transfer = in_transfer_cohort(plan.child.birth_date, year)
            if transfer and plan.start_date and plan.start_date <= transfer.amended_plan_due:
                amended = plan.amended_issued
                in_window = amended if amended_for_phase_transfer(amended, year) else None
                transfers.append(TransferFact(plan.child_id, transfer, in_window))
    settings_by_child = _settings_by_child()
    children = [
        ChildFact(
            child_id=c.pk,
            sen_status=c.sen_status,
            age=_age(c.birth_date, today),
            need=NEED_LABELS.get(c.primary_need, ""),
            setting=settings_by_child.get(c.pk, ""),
            ward=c.ward,
            ethnicity=ETHNICITY_LABELS.get(c.ethnicity, c.ethnicity),
            sex=c.get_sex_display(),
            free_school_meals=c.free_school_meals,
            looked_after=c.looked_after,
        )
        for c in Child.objects.all()
    ]
    appeals = [AppealFact(a.child_id, a.lodged, a.kind) for a in Appeal.objects.all()]
    return Facts(requests, reviews, transfers, children, appeals)


def visible_children(user: Any, ids: frozenset[int]) -> QuerySet[Child]:
    return Child.objects.visible_to(user).filter(pk__in=list(ids)).order_by("last_name", "first_name")


def plan_spells(*, today: date) -> list[Spell]:
    """Every EHC plan with a start date as (birth, start, end), for the cohort forecast by age.

    Dates after `today` are not yet known facts (a cease recorded in advance), so they count as open.
    """
    rows = Plan.objects.filter(start_date__isnull=False, start_date__lte=today).values_list(
        "child__birth_date", "start_date", "ceased"
    )
    spells = []
    for birth, start, ceased in rows:
        if start is not None:
            spells.append(Spell(birth, start, ceased if ceased and ceased <= today else None))
    return spells
