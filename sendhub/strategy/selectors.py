"""Reads for the strategy pages, the board pack and the benchmarks. Selectors take `today`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.dashboard.rules.kpis import compute_kpis
from sendhub.dashboard.selectors.live import casework_facts
from sendhub.localoffer.selectors import visits as local_offer_visits
from sendhub.strategy.appendix_b import AppendixTable, appendix_b_tables
from sendhub.strategy.models import (
    BOARD_LIST_URLS,
    Action,
    BoardItem,
    BoardKind,
    BoardMeeting,
    InternshipOutcome,
    ItemKind,
    Measure,
    MeasureSource,
    PartnerMeasure,
    PartnerMeasureValue,
    PfaReview,
    Plan,
    Priority,
    ReportPublication,
    SefSection,
    SefTheme,
    SupportedInternship,
    Update,
    UpdateEvidence,
)
from sendhub.strategy.models.plan import RAG_TAG_CLASSES
from sendhub.strategy.rules import (
    Delivery,
    Direction,
    PfaPercentages,
    PfaReviewFact,
    Rag,
    RagStatus,
    on_target,
    pfa_percentages,
    rag_status,
)

RAG_ORDER = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY]
RAG_LABELS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.GREY: "No update"}


def plans() -> QuerySet[Plan]:
    return Plan.objects.select_related("strategy").order_by("-year")


def current_plan(year: int | None = None) -> Plan | None:
    qs = plans()
    return qs.filter(year=year).first() if year else qs.first()


@dataclass
class ActionRow:
    action: Action
    status: RagStatus
    latest: Update | None

    @property
    def rag_label(self) -> str:
        return RAG_LABELS[self.status.rag]

    @property
    def tag_class(self) -> str:
        return RAG_TAG_CLASSES[self.status.rag]


def action_rows(plan: Plan, today: date) -> list[ActionRow]:
    """Every action of the plan in published order, with its RAG status on `today` from the updates
    reported by then (so a past meeting's pack shows the plan as it stood)."""
    updates = Update.objects.filter(reported_on__lte=today).order_by("-reported_on", "-pk")
    actions = (
        plan.actions.select_related("priority", "carried_to__plan")
        .prefetch_related(Prefetch("updates", queryset=updates))
        .order_by("position")
    )
    rows = []
    for action in actions:
        reported = list(action.updates.all())
        latest = reported[0] if reported else None
        delivery = Delivery(latest.delivery) if latest else None
        rows.append(ActionRow(action, rag_status(delivery=delivery, due=action.due, today=today), latest))
    return rows


def action_row(action: Action, today: date, history: list[Update]) -> ActionRow:
    """One action's row as the plan list shows it, from its history (`action_history`), with no query."""
    reported = [u for u in history if u.action_id == action.pk and u.reported_on <= today]
    latest = reported[0] if reported else None
    delivery = Delivery(latest.delivery) if latest else None
    return ActionRow(action, rag_status(delivery=delivery, due=action.due, today=today), latest)


def get_action(pk: int) -> Action:
    # Every viewer of the plan may see every action (the plan is the partnership's, not a caseload).
    return get_object_or_404(
        Action.objects.select_related("plan__strategy", "priority", "carried_from__plan", "carried_to__plan"),
        pk=pk,
    )


def action_history(action: Action) -> list[Update]:
    """The action's updates, newest first, followed by those of the actions it was carried from."""
    history: list[Update] = []
    current: Action | None = action
    while current is not None:
        history.extend(
            current.updates.select_related("entered_by", "action__plan")
            .prefetch_related("documents")
            .order_by("-reported_on", "-pk")
        )
        current = current.carried_from
    return history


@dataclass
class MeasureTrend:
    measure: Measure
    points: list[tuple[str, Decimal]]
    owner: str
    unit: str

    @property
    def latest(self) -> Decimal | None:
        return self.points[-1][1] if self.points else None

    @property
    def met(self) -> bool | None:
        return on_target(value=self.latest, target=self.measure.target, direction=self.measure.direction)

    @property
    def higher_is_better(self) -> bool:
        return self.measure.direction == Direction.HIGHER


LOCAL_OFFER_VISITS = "local_offer_visits"  # a partner-free measure: the Local Offer's own page views
VISITS_SINCE = 2015


@dataclass
class KpiSeries:
    """Live casework KPIs per calendar year, worked out once for all the measures on a page."""

    today: date
    _by_year: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    _counts: dict[int, dict[str, tuple[int, int | None]]] = field(default_factory=dict)
    _visit_totals: dict[int, Decimal] | None = None

    def value(self, key: str, year: int) -> Decimal | None:
        if key == LOCAL_OFFER_VISITS:
            return self._visits(year)
        if year not in self._by_year:
            facts = casework_facts(today=self.today, years=range(year, year + 1))
            kpis = compute_kpis(facts, start=date(year, 1, 1), end=min(date(year, 12, 31), self.today))
            self.units.update({k.key: "%" if k.denominator_count is not None else "" for k in kpis})
            self._by_year[year] = {
                k.key: Decimal(str(k.percent)) if k.percent is not None else Decimal(k.numerator_count)
                for k in kpis
                if k.denominator_count is None or k.denominator_count
            }
            self._counts[year] = {k.key: (k.numerator_count, k.denominator_count) for k in kpis}
        return self._by_year[year].get(key)

    def counts(self, key: str, year: int) -> tuple[int, int | None] | None:
        """The numerator and denominator behind a live KPI's value (for small-number suppression)."""
        if key == LOCAL_OFFER_VISITS:
            return None
        self.value(key, year)
        return self._counts[year].get(key)

    def _visits(self, year: int) -> Decimal | None:
        """Local Offer page views in the year (none before the first counted view)."""
        if self._visit_totals is None:
            self.units[LOCAL_OFFER_VISITS] = ""
            totals = local_offer_visits.yearly_totals(VISITS_SINCE, self.today.year)
            self._visit_totals = {y: Decimal(n) for y, n in totals.items()}
        return self._visit_totals.get(year)


KPI_YEARS = 4


def measure_trends(measures: list[Measure], today: date, kpis: KpiSeries | None = None) -> list[MeasureTrend]:
    kpis = kpis or KpiSeries(today)
    partner_ids = [m.partner_measure_id for m in measures if m.partner_measure_id]
    values: dict[int, list[PartnerMeasureValue]] = {}
    for v in PartnerMeasureValue.objects.filter(measure_id__in=partner_ids).order_by("period_start"):
        values.setdefault(v.measure_id, []).append(v)
    trends = []
    for m in measures:
        if m.source == MeasureSource.KPI:
            last = min(m.due.year, today.year)
            yearly = [(str(y), kpis.value(m.kpi_key, y)) for y in range(last - KPI_YEARS + 1, last + 1)]
            points = [(label, value) for label, value in yearly if value is not None]
            trends.append(MeasureTrend(m, points, "SEND Hub casework (live)", kpis.units.get(m.kpi_key, "")))
        else:
            pm = m.partner_measure
            assert pm is not None
            points = [(period_label(v.period_start, v.period_end), v.value) for v in values.get(pm.pk, [])]
            trends.append(MeasureTrend(m, points, pm.owner.name, "%" if pm.unit == "percent" else ""))
    return trends


def period_label(start: date, end: date) -> str:
    if start.year == end.year and start.month == 1 and end.month == 12 and start.day == 1 and end.day == 31:
        return str(start.year)
    if (start.month, start.day, end.month, end.day) == (4, 1, 3, 31) and end.year == start.year + 1:
        return f"{start.year}-{str(end.year)[2:]}"
    return (
        f"{start:%b %Y} to {end:%b %Y}"
        if (start.year, start.month) != (end.year, end.month)
        else f"{start:%b %Y}"
    )


def action_measures(action: Action, today: date) -> list[MeasureTrend]:
    measures = list(action.measures.select_related("partner_measure__owner"))
    return measure_trends(measures, today)


@dataclass
class PriorityStatus:
    priority: Priority
    counts: list[tuple[str, str, int, str]]  # (rag, label, count, tag class)
    exceptions: list[ActionRow]  # red and amber actions


@dataclass
class BoardPack:
    meeting: BoardMeeting
    plan: Plan | None
    today: date
    priorities: list[PriorityStatus]
    off_target: list[MeasureTrend]
    decisions: list[BoardItem]
    actions: list[BoardItem]
    open_actions: list[BoardItem]
    appendix_b: list[AppendixTable] = field(default_factory=list)


def plan_status(plan: Plan, today: date, rows: list[ActionRow] | None = None) -> list[PriorityStatus]:
    rows = action_rows(plan, today) if rows is None else rows
    by_priority: dict[int, list[ActionRow]] = {}
    for row in rows:
        by_priority.setdefault(row.action.priority_id, []).append(row)
    statuses = []
    for priority in plan.strategy.priorities.order_by("number"):
        mine = by_priority.get(priority.pk, [])
        counts = Counter(r.status.rag for r in mine)
        statuses.append(
            PriorityStatus(
                priority,
                [(rag.value, RAG_LABELS[rag], counts[rag], RAG_TAG_CLASSES[rag]) for rag in RAG_ORDER],
                [r for r in mine if r.status.rag in (Rag.RED, Rag.AMBER)],
            )
        )
    return statuses


def off_target_measures(plan: Plan, today: date) -> list[MeasureTrend]:
    measures = list(
        Measure.objects.filter(action__plan=plan, action__removed_at__isnull=True)
        .select_related("action", "partner_measure__owner")
        .order_by("action__position", "label")
    )
    return [t for t in measure_trends(measures, today) if t.met is False]


def board_pack(meeting: BoardMeeting, today: date) -> BoardPack:
    """What the board reads: the plan's status by priority as at the meeting (or today, before it), the
    measures off target, this meeting's decisions and actions, and every action of this board still open.

    The plan is the latest one with an update by then: January's board reviews last year's plan."""
    today = min(today, meeting.held_on)
    candidates = plans().filter(year__lte=meeting.held_on.year)
    plan = (
        candidates.filter(actions__removed_at__isnull=True, actions__updates__reported_on__lte=today).first()
        or candidates.first()
    )
    items = list(meeting.items.order_by("pk"))
    open_actions = open_board_actions(meeting.board)
    return BoardPack(
        meeting=meeting,
        plan=plan,
        today=today,
        priorities=plan_status(plan, today) if plan else [],
        off_target=off_target_measures(plan, today) if plan else [],
        decisions=[i for i in items if i.kind == ItemKind.DECISION],
        actions=[i for i in items if i.kind == ItemKind.ACTION],
        open_actions=open_actions,
        appendix_b=appendix_b_tables(),
    )


def meetings(board: str | None = None) -> QuerySet[BoardMeeting]:
    qs = BoardMeeting.objects.order_by("-held_on", "-pk")
    return qs.filter(board=board) if board else qs


def open_board_actions(board: str) -> list[BoardItem]:
    """Every action a board agreed that is not yet complete, soonest due first (its removed meetings'
    actions left out): the board's log, on its page and in each of its packs."""
    return list(
        BoardItem.objects.filter(
            meeting__board=board,
            meeting__removed_at__isnull=True,
            kind=ItemKind.ACTION,
            completed_on__isnull=True,
        )
        .select_related("meeting")
        .order_by("due", "pk")
    )


@dataclass
class BoardPage:
    board: str
    title: str
    meetings: list[BoardMeeting]
    open_actions: list[BoardItem]
    today: date
    other_boards: list[tuple[str, str]]  # (name, URL) of the other boards' pages


def board_page(board: str, today: date) -> BoardPage:
    if board not in BoardKind.values:
        raise Http404
    return BoardPage(
        board=board,
        title=BoardKind(board).label,
        meetings=list(meetings(board)),
        open_actions=open_board_actions(board),
        today=today,
        other_boards=[(b.label, reverse(BOARD_LIST_URLS[b])) for b in BoardKind if b != board],
    )


def get_meeting(pk: int) -> BoardMeeting:
    return get_object_or_404(BoardMeeting, pk=pk)


def partner_measures_for(user: User) -> QuerySet[PartnerMeasure]:
    return PartnerMeasure.objects.visible_to(user).select_related("owner")


def get_partner_measure_for_user(user: User, pk: int) -> PartnerMeasure:
    """404 for a measure of another partner: its existence stays hidden."""
    return get_object_or_404(partner_measures_for(user), pk=pk)


def partner_values(measure: PartnerMeasure) -> QuerySet[PartnerMeasureValue]:
    return measure.values.select_related("entered_by").order_by("-period_start")


def get_board_item(pk: int) -> BoardItem:
    return get_object_or_404(
        BoardItem.objects.select_related("meeting").filter(meeting__removed_at__isnull=True), pk=pk
    )


@dataclass
class AdulthoodSummary:
    percentages: PfaPercentages
    internships_by_year: list[tuple[str, int, int, int]]  # (academic year, started, completed, employed)
    internships: list[SupportedInternship]


def academic_year(day: date) -> str:
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{str(start + 1)[2:]}"


def adulthood_summary(user: User | None) -> AdulthoodSummary:
    """Percentages and counts over every record (aggregates); the list shows only young people the viewer
    may open (`Child.objects.visible_to`)."""
    facts = [
        PfaReviewFact(
            r.ehcp, r.year_group, r.young_person_participated, r.pfa_planning_started, r.pfa_outcomes_included
        )
        for r in PfaReview.objects.all()
    ]
    by_year: dict[str, list[int]] = {}
    for i in SupportedInternship.objects.all():
        counts = by_year.setdefault(academic_year(i.start), [0, 0, 0])
        counts[0] += 1
        counts[1] += i.end is not None and i.outcome != InternshipOutcome.LEFT_EARLY
        counts[2] += i.outcome == InternshipOutcome.EMPLOYED
    visible = Child.objects.visible_to(user)
    return AdulthoodSummary(
        pfa_percentages(facts),
        [(year, *counts) for year, counts in sorted(by_year.items(), reverse=True)],  # type: ignore[misc]
        list(SupportedInternship.objects.filter(young_person__in=visible).select_related("young_person")),
    )


@dataclass
class SefRow:
    theme: str
    title: str
    section: SefSection | None
    trends: list[MeasureTrend]


def sef_rows(today: date) -> list[SefRow]:
    """Every theme in the framework's order, with what has been written and its measures' latest values."""
    sections = {
        s.theme: s
        for s in SefSection.objects.prefetch_related(
            Prefetch(
                "measures",
                queryset=Measure.objects.filter(action__removed_at__isnull=True).select_related(
                    "action", "partner_measure__owner"
                ),
            )
        )
    }
    kpis = KpiSeries(today)
    rows = []
    for theme, title in SefTheme.choices:
        section = sections.get(theme)
        measures = list(section.measures.all()) if section else []
        rows.append(SefRow(theme, title, section, measure_trends(measures, today, kpis)))
    return rows


def get_sef_theme(theme: str) -> tuple[str, SefSection | None]:
    if theme not in SefTheme.values:
        raise Http404
    return SefTheme(theme).label, SefSection.objects.filter(theme=theme).first()


def plan_measures() -> QuerySet[Measure]:
    return (
        Measure.objects.filter(action__removed_at__isnull=True)
        .select_related("action__plan")
        .order_by("-action__plan__year", "action__position", "label")
    )


@dataclass
class ReportPriority:
    priority: Priority
    counts: list[tuple[str, str, int, str]]
    rows: list[ActionRow]


@dataclass
class AnnualReport:
    plan: Plan
    as_of: date
    priorities: list[ReportPriority]
    measures: list[MeasureTrend]
    adulthood: PfaPercentages
    internships_by_year: list[tuple[str, int, int, int]]


def annual_report(plan: Plan, today: date) -> AnnualReport:
    """The year's progress report: each priority's actions with the latest update by the year's end (or
    today, if earlier), the plan's measures against target, and the Preparing for Adulthood figures.
    Aggregates and plan text only: no young person is named."""
    as_of = min(today, date(plan.year, 12, 31))
    rows = action_rows(plan, as_of)
    statuses = plan_status(plan, as_of, rows)
    measures = list(
        Measure.objects.filter(action__plan=plan, action__removed_at__isnull=True)
        .select_related("action", "partner_measure__owner")
        .order_by("action__position", "label")
    )
    summary = adulthood_summary(None)
    return AnnualReport(
        plan,
        as_of,
        [
            ReportPriority(s.priority, s.counts, [r for r in rows if r.action.priority_id == s.priority.pk])
            for s in statuses
        ],
        measure_trends(measures, today),
        summary.percentages,
        summary.internships_by_year,
    )


def is_published(plan: Plan) -> bool:
    """Whether the plan's progress report is on the Local Offer."""
    return ReportPublication.objects.filter(plan=plan).exists()


def get_update(pk: int) -> Update:
    """A live update (404 for one removed)."""
    return get_object_or_404(
        Update.objects.select_related("action__plan").filter(action__removed_at__isnull=True), pk=pk
    )


def get_value_for_user(user: User, pk: int) -> PartnerMeasureValue:
    """A live value of a measure the user may see (404 otherwise: another partner's stays hidden)."""
    visible = PartnerMeasure.objects.visible_to(user)
    return get_object_or_404(
        PartnerMeasureValue.objects.select_related("measure__owner").filter(measure__in=visible), pk=pk
    )


def get_evidence(pk: int) -> UpdateEvidence:
    """A live evidence document of a live update (404 otherwise)."""
    return get_object_or_404(
        UpdateEvidence.objects.select_related("update__action").filter(
            update__removed_at__isnull=True, update__action__removed_at__isnull=True
        ),
        pk=pk,
    )
