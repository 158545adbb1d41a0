"""Reads for casework: always scoped to what the viewer may see, and given `today`."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AdviceRequest,
    AnnualReview,
    Appeal,
    AreaTransfer,
    AssessmentRequest,
    Child,
    Letter,
    LetterTemplate,
    Outcome,
    PanelDecision,
    Plan,
    PlanStatus,
    PlanVersion,
    Provision,
    QualityAudit,
    RequestStatus,
    SenStatus,
    VersionKind,
)
from sendhub.cases.models.plans import SECTION_CODES, Grade
from sendhub.cases.permissions import can_edit_case
from sendhub.cases.selectors.caseloads import Caseload, caseloads, caseloads_open_work, officer_cases
from sendhub.cases.selectors.worklist import (
    WORKLISTS,
    WorklistFilter,
    officers_for,
    worklist,
    worklist_counts,
    worklist_schools,
)
from sendhub.core.params import search_terms

__all__ = [
    "WORKLISTS",
    "Caseload",
    "WorklistFilter",
    "caseloads",
    "caseloads_open_work",
    "officer_cases",
    "officers_for",
    "worklist",
    "worklist_counts",
    "worklist_schools",
]


def get_child_for_user(user: User, pk: int, *, write: bool = False) -> Child:
    child = get_object_or_404(
        Child.objects.visible_to(user).select_related("school", "officer", "team"), pk=pk
    )
    if write and not can_edit_case(user, child):
        raise PermissionDenied
    return child


def get_request_for_user(user: User, pk: int, *, write: bool = False) -> AssessmentRequest:
    visible = Child.objects.visible_to(user)
    request = get_object_or_404(
        AssessmentRequest.objects.select_related("child").filter(child__in=visible), pk=pk
    )
    if write and not can_edit_case(user, request.child):
        raise PermissionDenied
    return request


def get_plan_for_user(user: User, pk: int, *, write: bool = False) -> Plan:
    visible = Child.objects.visible_to(user)
    plan = get_object_or_404(
        Plan.objects.select_related("child", "named_setting").filter(child__in=visible), pk=pk
    )
    if write and not can_edit_case(user, plan.child):
        raise PermissionDenied
    return plan


def get_letter_for_user(user: User, pk: int) -> Letter:
    visible = Child.objects.visible_to(user)
    return get_object_or_404(
        Letter.objects.select_related("child__officer", "template", "document").filter(child__in=visible),
        pk=pk,
    )


def search_children(user: User, query: str = "") -> QuerySet[Child]:
    children = Child.objects.visible_to(user).select_related("school", "officer")
    for word in search_terms(query):
        children = children.filter(
            Q(first_name__istartswith=word)
            | Q(last_name__istartswith=word)
            | Q(reference__iexact=word)
            | Q(upn__iexact=word)
        )
    return children.order_by("last_name", "first_name", "pk")


def panel_agenda(user: User, today: date) -> list[AssessmentRequest]:
    """Open requests awaiting a panel decision: whether to assess, or (all advice in) whether to issue."""
    visible = Child.objects.visible_to(user)
    outstanding = AdviceRequest.objects.filter(request=OuterRef("pk"), received_on__isnull=True)
    awaiting_assess = Q(decided_to_assess__isnull=True, decided_not_to_assess__isnull=True)
    awaiting_issue = Q(
        decided_to_assess__isnull=False,
        decided_to_issue__isnull=True,
        decided_not_to_issue__isnull=True,
        draft_issued__isnull=True,
    )
    requests = (
        AssessmentRequest.objects.filter(status=RequestStatus.OPEN, child__in=visible)
        .filter(awaiting_assess | (awaiting_issue & ~Exists(outstanding)))
        .select_related("child", "child__officer")
        .order_by("received", "pk")
    )
    return list(requests)


@dataclass(frozen=True)
class AgendaRow:
    request: AssessmentRequest
    whether_to_issue: bool
    due: date  # the panel's decision is due by this day
    timing: rules.PanelTiming  # against the panel the agenda is for (or the one it is listed for)


@dataclass(frozen=True)
class Agenda:
    """The requests waiting for the panel, by where they stand against the panel on `panel_on`."""

    panel_on: date
    listed: list[AgendaRow]  # for this panel
    not_listed: list[AgendaRow]  # for no panel yet, or for one that has met without deciding
    elsewhere: list[AgendaRow]  # for another panel still to come


def panel_decision_due(request: AssessmentRequest) -> date:
    """The day the panel's next decision on the request is due: whether to assess, or once assessed,
    whether to issue a plan."""
    return rules.panel_decision_due(request.received, whether_to_issue=request.decided_to_assess is not None)


def agenda_for(user: User, today: date, panel_on: date) -> Agenda:
    """Each row's timing is judged against the panel it is listed for, or else against `panel_on`."""
    groups: dict[str, list[AgendaRow]] = {"listed": [], "not_listed": [], "elsewhere": []}
    for request in panel_agenda(user, today):
        whether_to_issue = request.decided_to_assess is not None
        due = panel_decision_due(request)
        upcoming = request.panel_on if request.panel_on and request.panel_on >= today else None
        row = AgendaRow(request, whether_to_issue, due, rules.panel_timing(due, upcoming or panel_on, today))
        group = "not_listed" if upcoming is None else "listed" if upcoming == panel_on else "elsewhere"
        groups[group].append(row)
    for rows in groups.values():
        rows.sort(key=_by_due)
    return Agenda(panel_on, **groups)


def _by_due(row: AgendaRow) -> tuple[date, date, int]:
    return (row.due, row.request.received, row.request.pk)


@dataclass
class CohortRow:
    child: Child
    transfer: rules.PhaseTransfer
    status: str
    overdue: bool
    plan: Plan | None = None


def phase_transfer_cohort(user: User, year: int, today: date) -> list[CohortRow]:
    """Children with plans who change phase in September of ``year``, with status against reg 18."""
    ranges = Q()
    for entry in rules.reviews.TRANSFER_ENTRY_YEARS:
        if entry == 3:
            continue
        # Entering NC year `entry` in September `year`: born 1 Sep (year-entry-5) to 31 Aug (year-entry-4).
        ranges |= Q(
            birth_date__gte=date(year - entry - 5, 9, 1), birth_date__lte=date(year - entry - 4, 8, 31)
        )
    children = (
        Child.objects.visible_to(user)
        .filter(ranges, sen_status=SenStatus.EHCP)
        .select_related("school", "officer")
        .order_by("last_name", "first_name")
    )
    plans = {p.child_id: p for p in Plan.objects.filter(child__in=children, status=PlanStatus.ACTIVE)}
    rows = []
    for child in children:
        transfer = rules.in_transfer_cohort(child.birth_date, year)
        if transfer is None:
            continue
        plan = plans.get(child.pk)
        amended = plan.amended_issued if plan else None
        window_start, _ = rules.phase_transfer_window(year)
        due = transfer.amended_plan_due
        if amended and rules.amended_for_phase_transfer(amended, year):
            status, overdue = ("Amended on time" if amended <= due else "Amended late"), False
        elif plan and plan.amendment_notice and plan.amendment_notice >= window_start:
            status, overdue = "Amendments proposed", today > due
        else:
            status, overdue = "Not started", today > due
        rows.append(CohortRow(child, transfer, status, overdue, plan))
    return rows


def qa_sample(user: User, month: date, size: int = 10) -> list[PlanVersion]:
    """The month's audit sample: final or amended versions issued that month, picked reproducibly."""
    start = month.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    versions = list(
        PlanVersion.objects.filter(
            kind__in=[VersionKind.FINAL, VersionKind.AMENDED],
            issued_on__gte=start,
            issued_on__lt=end,
            plan__child__in=Child.objects.visible_to(user),
        )
        .select_related("plan__child")
        .order_by("pk")
    )
    random.Random(start.toordinal()).shuffle(versions)
    return versions[:size]


def qa_report(since: date) -> dict[str, Any]:
    """Grades per section and overall for audits since ``since``."""
    audits = list(QualityAudit.objects.filter(audited_on__gte=since))
    rows = []
    for code in [*SECTION_CODES, "overall"]:
        counts = Counter(a.overall if code == "overall" else a.grades.get(code) for a in audits)
        label = "Overall" if code == "overall" else f"Section {code}"
        rows.append({"label": label, "counts": [counts.get(grade, 0) for grade in Grade.values]})
    return {"count": len(audits), "grades": Grade.choices, "rows": rows}


def appeals_register(user: User) -> QuerySet[Appeal]:
    return (
        Appeal.objects.filter(child__in=Child.objects.visible_to(user))
        .select_related("child")
        .order_by("-lodged")
    )


def transfers_register(user: User) -> QuerySet[AreaTransfer]:
    return (
        AreaTransfer.objects.filter(child__in=Child.objects.visible_to(user))
        .select_related("child")
        .order_by("-notified_on")
    )


def open_request(child: Child) -> AssessmentRequest | None:
    return child.requests.filter(status=RequestStatus.OPEN).prefetch_related("advice", "exceptions").first()


def live_plan(child: Child) -> Plan | None:
    return (
        child.plans.exclude(status__in=[PlanStatus.CEASED, PlanStatus.TRANSFERRED_OUT])
        .order_by("-start_date")
        .first()
    )


def get_advice(request: AssessmentRequest, pk: int) -> AdviceRequest:
    return get_object_or_404(request.advice.all(), pk=pk)


def latest_sections(request: AssessmentRequest) -> dict[str, str]:
    plan = Plan.objects.filter(request=request).first()
    version = plan.latest_version() if plan else None
    return dict(version.sections) if version else {}


def recent_panel_decisions(user: User, limit: int = 20) -> list[PanelDecision]:
    visible = Child.objects.visible_to(user)
    return list(
        PanelDecision.objects.filter(request__child__in=visible)
        .select_related("meeting", "request__child")
        .order_by("-meeting__held_on", "-pk")[:limit]
    )


def get_panel_decision_for_user(user: User, pk: int) -> PanelDecision:
    visible = Child.objects.visible_to(user)
    return get_object_or_404(
        PanelDecision.objects.select_related("meeting", "request__child")
        .prefetch_related("meeting__members_present")
        .filter(request__child__in=visible),
        pk=pk,
    )


def letter_templates() -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.order_by("name")


def get_letter_template(pk: int) -> LetterTemplate:
    return get_object_or_404(LetterTemplate, pk=pk)


def get_version(plan: Plan, number: int) -> PlanVersion:
    return get_object_or_404(plan.versions.all(), number=number)


def get_outcome(plan: Plan, pk: int) -> Outcome:
    """An outcome row (section E) of one of the plan's versions; 404 for a row of another plan."""
    return get_object_or_404(Outcome, pk=pk, version__plan=plan)


def get_provision(plan: Plan, pk: int) -> Provision:
    """A provision row (sections F to H) of one of the plan's versions; 404 for a row of another plan."""
    return get_object_or_404(Provision, pk=pk, version__plan=plan)


def version_sections(version: PlanVersion) -> list[tuple[str, str, str]]:
    from sendhub.cases import vocab

    return [(code, title, str(version.sections.get(code, ""))) for code, title in vocab.PLAN_SECTIONS]


def plan_sections(plan: Plan) -> dict[str, str]:
    version = plan.latest_version()
    return dict(version.sections) if version else {}


def get_review(plan: Plan, pk: int) -> AnnualReview:
    return get_object_or_404(plan.reviews.all(), pk=pk)


def get_appeal(child: Child, pk: int) -> Appeal:
    return get_object_or_404(child.appeals.all(), pk=pk)


def only_visible(user: User, children: QuerySet[Child]) -> QuerySet[Child]:
    return children.filter(pk__in=Child.objects.visible_to(user).values("pk"))


def latest_outcomes(plan: Plan) -> QuerySet[Outcome]:
    version = plan.latest_version()
    return Outcome.objects.filter(version=version).order_by("pk")


def children_with_cases() -> QuerySet[Child]:
    """Every child with a request or a plan (for the nightly status refresh; not scoped to a viewer)."""
    return Child.objects.filter(Q(requests__isnull=False) | Q(plans__isnull=False)).distinct()


def plan_of(request: AssessmentRequest) -> Plan | None:
    return Plan.objects.filter(request=request).first()


def structured_links(plan: Plan | None) -> list[tuple[str, str]]:
    """Links to add structured outcomes and provision before a version is issued."""
    from django.urls import reverse

    if plan is None:
        return []
    if plan.editable_version() is None:
        return []
    return [
        (reverse("cases:outcome_new", args=[plan.pk]), "Add a structured outcome (section E)"),
        (reverse("cases:provision_new", args=[plan.pk]), "Add structured provision (sections F to H)"),
    ]
