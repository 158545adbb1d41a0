"""Selectors that read casework (the cases app) into the plain facts that `kpis` and
`disproportionality` count. KPIs are aggregates over the whole authority; the drill-down list is limited
to the children the viewer may open (`Child.objects.visible_to`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from sendhub.accounts.models import User
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
from sendhub.schools.models import School

REASONS = {reason.value: reason for reason in ExceptionReason}
NEED_LABELS = dict(Child._meta.get_field("primary_need").choices or [])
ETHNICITY_LABELS = dict(Child._meta.get_field("ethnicity").choices or [])
SEN_STATUS_LABELS = dict(Child._meta.get_field("sen_status").choices or [])


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


SEX_LABELS = dict(Child._meta.get_field("sex").choices or [])
SETTING_LABELS = dict(School._meta.get_field("setting_type").choices or [])
SEN_SETTING_LABELS = dict(Placement._meta.get_field("sen_setting").choices or [])


def _settings_by_child() -> dict[int, str]:
    current: dict[int, str] = {}
    rows = (
        Placement.objects.filter(end__isnull=True, rank=1)
        .order_by("start")
        .values_list("child_id", "school__setting_type", "sen_setting")
    )
    for child_id, setting_type, sen_setting in rows:
        current[child_id] = (
            SETTING_LABELS.get(setting_type, setting_type)
            if setting_type
            else SEN_SETTING_LABELS.get(sen_setting, sen_setting)
        )
    return current


def request_facts(*, today: date, since: date | None = None) -> list[RequestFact]:
    """Requests received by `today`; with `since`, only those with an event (received, decided or
    plan issued) on or after it, which is all a period's KPIs count."""
    requests = AssessmentRequest.objects.exclude(received__gt=today)
    if since is not None:
        requests = requests.filter(
            Q(received__gte=since)
            | Q(decided_to_assess__gte=since)
            | Q(decided_not_to_assess__gte=since)
            | Q(final_issued__gte=since)
        )
    exceptions: dict[int, list[ExceptionPeriod]] = {}
    for request_id, reason, start, end in AssessmentException.objects.filter(
        request__in=requests
    ).values_list("request_id", "reason", "start", "end"):
        exceptions.setdefault(request_id, []).append(ExceptionPeriod(REASONS[reason], start, end))
    rows = requests.values_list(
        "pk", "child_id", "received", "decided_to_assess", "decided_not_to_assess", "final_issued"
    )
    return [
        RequestFact(
            child_id=child_id,
            received=received,
            decided_on=to_assess or not_to_assess,
            decided_to_assess=True if to_assess else False if not_to_assess else None,
            final_issued=final_issued,
            exceptions=tuple(exceptions.get(pk, ())),
        )
        for pk, child_id, received, to_assess, not_to_assess, final_issued in rows
    ]


def review_facts(*, since: date) -> list[ReviewFact]:
    """Every plan maintained on or after `since`, with its review meetings (for reviews due and held)."""
    meetings: dict[int, list[tuple[date, date | None]]] = {}
    for plan_id, meeting, decision_on in AnnualReview.objects.filter(
        plan__start_date__isnull=False
    ).values_list("plan_id", "meeting", "decision_on"):
        meetings.setdefault(plan_id, []).append((meeting, decision_on))
    plans = (
        Plan.objects.exclude(start_date__isnull=True)
        .exclude(ceased__lt=since)
        .values_list("pk", "child_id", "start_date", "ceased")
    )
    return [
        ReviewFact(child_id, start, ceased, tuple(sorted(meetings.get(pk, ()))))
        for pk, child_id, start, ceased in plans
        if start is not None
    ]


def transfer_facts(*, years: range) -> list[TransferFact]:
    """Plans whose child changes phase in one of `years`, made by the reg 18 deadline and still maintained
    on it (a plan that ended before the deadline had no transfer to prepare)."""
    transfers = []
    plans = Plan.objects.exclude(start_date__isnull=True).values_list(
        "child_id", "child__birth_date", "start_date", "amended_issued", "ceased"
    )
    for child_id, birth, start, amended, ceased in plans:
        for year in years:
            transfer = in_transfer_cohort(birth, year)
            if (
                transfer
                and start is not None
                and start <= transfer.amended_plan_due
                and (ceased is None or ceased > transfer.amended_plan_due)
            ):
                in_window = amended if amended_for_phase_transfer(amended, year) else None
                transfers.append(TransferFact(child_id, transfer, in_window))
    return transfers


def child_facts(
    *, today: date, with_settings: bool = True, statuses: tuple[str, ...] | None = None
) -> list[ChildFact]:
    settings_by_child = _settings_by_child() if with_settings else {}
    children = Child.objects.filter(sen_status__in=statuses) if statuses else Child.objects.all()
    rows = children.values_list(
        "pk",
        "sen_status",
        "birth_date",
        "primary_need",
        "ward",
        "ethnicity",
        "sex",
        "free_school_meals",
        "looked_after",
    )
    return [
        ChildFact(
            child_id=pk,
            sen_status=status,
            age=_age(birth, today),
            need=NEED_LABELS.get(need, ""),
            setting=settings_by_child.get(pk, ""),
            ward=ward,
            ethnicity=ETHNICITY_LABELS.get(ethnicity, ethnicity),
            sex=SEX_LABELS.get(sex, sex),
            free_school_meals=fsm,
            looked_after=looked_after,
        )
        for pk, status, birth, need, ward, ethnicity, sex, fsm, looked_after in rows
    ]


def appeal_facts() -> list[AppealFact]:
    return [AppealFact(*row) for row in Appeal.objects.values_list("child_id", "lodged", "kind")]


def sen_status_counts() -> dict[str, int]:
    rows = Child.objects.order_by().values_list("sen_status").annotate(n=Count("pk"))
    return dict(rows)


def sen_status_rows(counts: dict[str, int]) -> list[tuple[str, int]]:
    """The counts under the statuses' plain names ("EHC plan", not "ehcp"), the largest first."""
    named = [(SEN_STATUS_LABELS.get(code, code), n) for code, n in counts.items()]
    return sorted(named, key=lambda kv: (-kv[1], kv[0]))


GROUPINGS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "ethnicity": ("ethnicity", lambda v: ETHNICITY_LABELS.get(v, v)),
    "sex": ("sex", lambda v: SEX_LABELS.get(v, v)),
    "fsm": ("free_school_meals", lambda v: "Eligible" if v else "Not eligible"),
    "looked_after": ("looked_after", lambda v: "Looked after" if v else "Not looked after"),
    "need": ("primary_need", lambda v: NEED_LABELS.get(v, "") or "Not recorded"),
}


def plan_rates_by(key: str, *, statuses: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Children on the register by one characteristic: group -> (children, with an EHC plan), counted
    by the database in one grouped query."""
    column, label_of = GROUPINGS[key]
    rows = (
        Child.objects.filter(sen_status__in=statuses)
        .order_by()
        .values_list(column)
        .annotate(n=Count("pk"), with_plan=Count("pk", filter=Q(sen_status="ehcp")))
    )
    counts: dict[str, tuple[int, int]] = {}
    for value, n, with_plan in rows:
        group = label_of(value)
        size, outcomes = counts.get(group, (0, 0))
        counts[group] = (size + n, outcomes + with_plan)
    return counts


def casework_facts(*, today: date, years: range, children: bool = True) -> Facts:
    """The facts the KPIs count, read with one query per table as plain values (no model instances)."""
    since = date(min(years), 1, 1) if years else today
    return Facts(
        request_facts(today=today, since=since),
        review_facts(since=since),
        transfer_facts(years=years),
        child_facts(today=today) if children else [],
        appeal_facts(),
    )


def visible_children(user: User, ids: frozenset[int]) -> QuerySet[Child]:
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
