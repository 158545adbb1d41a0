"""Reads for the progress report, the self-evaluation and Preparing for Adulthood. Selectors take `today`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.http import Http404

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.strategy.models import (
    InternshipOutcome,
    Measure,
    PfaReview,
    Plan,
    Priority,
    ReportPublication,
    SefSection,
    SefTheme,
    SupportedInternship,
)
from sendhub.strategy.rules import (
    PfaPercentages,
    PfaReviewFact,
    pfa_percentages,
)
from sendhub.strategy.selectors.measures import KpiSeries, MeasureTrend, measure_trends
from sendhub.strategy.selectors.plan import ActionRow, action_rows, plan_status


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
