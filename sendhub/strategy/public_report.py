"""The annual progress report as the public reads it on the Local Offer: plan text and aggregates only,
every figure about children or young people put through the dashboard's small-number rules
(`sendhub.dashboard.rules.suppression`: a count under 5, or a percentage with a small numerator,
denominator or remainder, is not shown)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from sendhub.dashboard.rules.suppression import SUPPRESSED, suppress_count, suppress_rate
from sendhub.strategy.models import (
    MeasureSource,
    PartnerMeasureValue,
    PfaReview,
    Plan,
    ReportPublication,
    Unit,
)
from sendhub.strategy.rules import PfaReviewFact, pfa_fractions
from sendhub.strategy.selectors.measures import LOCAL_OFFER_VISITS, KpiSeries, MeasureTrend
from sendhub.strategy.selectors.reports import ReportPriority, annual_report

HIDDEN = "Not shown (fewer than 5)"


@dataclass(frozen=True)
class PublicMeasure:
    action: str
    label: str
    latest: str
    period: str
    target: str
    on_target: str


@dataclass
class PublicReport:
    plan: Plan
    as_of: date
    published_at: datetime
    priorities: list[ReportPriority]
    measures: list[PublicMeasure]
    adulthood: list[tuple[str, str]]
    internships: list[tuple[str, str, str, str]]


def _figure(value: Decimal, unit: str) -> str:
    return f"{value.normalize():f}{unit}"


def _shown_count(n: int) -> str:
    shown = suppress_count(n)
    return HIDDEN if shown == SUPPRESSED else str(shown)


def _hidden_by_small_numbers(
    trend: MeasureTrend, kpis: KpiSeries, latest: dict[int, PartnerMeasureValue]
) -> bool:
    measure = trend.measure
    if measure.source == MeasureSource.KPI:
        if measure.kpi_key == LOCAL_OFFER_VISITS or not trend.points:
            return False  # page views are not people
        counts = kpis.counts(measure.kpi_key, int(trend.points[-1][0]))
        if counts is None:
            return False
        numerator, denominator = counts
        if denominator is None:
            return suppress_count(numerator) == SUPPRESSED
        return suppress_rate(numerator, denominator) == SUPPRESSED
    pm = measure.partner_measure
    assert pm is not None
    value = latest.get(pm.pk)
    if value is None:
        return False
    if value.numerator is not None and value.denominator is not None:
        return suppress_rate(value.numerator, value.denominator) == SUPPRESSED
    return pm.unit == Unit.COUNT and suppress_count(float(value.value)) == SUPPRESSED


def _measures(trends: list[MeasureTrend], today: date) -> list[PublicMeasure]:
    kpis = KpiSeries(today)
    for t in trends:  # the same yearly figures the trends were made from, with their counts kept
        if t.measure.source == MeasureSource.KPI and t.points:
            kpis.value(t.measure.kpi_key, int(t.points[-1][0]))
    partner_ids = [t.measure.partner_measure_id for t in trends if t.measure.partner_measure_id]
    latest: dict[int, PartnerMeasureValue] = {}
    for v in PartnerMeasureValue.objects.filter(measure_id__in=partner_ids).order_by("period_start"):
        latest[v.measure_id] = v
    rows = []
    for t in trends:
        target = _figure(t.measure.target, t.unit)
        if t.latest is None:
            rows.append(
                PublicMeasure(t.measure.action.number, t.measure.label, "No figure yet", "", target, "-")
            )
        elif _hidden_by_small_numbers(t, kpis, latest):
            rows.append(
                PublicMeasure(t.measure.action.number, t.measure.label, HIDDEN, t.points[-1][0], target, "-")
            )
        else:
            rows.append(
                PublicMeasure(
                    t.measure.action.number,
                    t.measure.label,
                    _figure(t.latest, t.unit),
                    t.points[-1][0],
                    target,
                    "Yes" if t.met else "No",
                )
            )
    return rows


def _adulthood() -> list[tuple[str, str]]:
    facts = [
        PfaReviewFact(
            r.ehcp, r.year_group, r.young_person_participated, r.pfa_planning_started, r.pfa_outcomes_included
        )
        for r in PfaReview.objects.all()
    ]
    out = []
    for label, numerator, denominator in pfa_fractions(facts):
        shown = suppress_rate(numerator, denominator)
        if shown is None:
            out.append((label, "No reviews recorded"))
        else:
            out.append((label, HIDDEN if shown == SUPPRESSED else f"{shown}%"))
    return out


def published_reports() -> QuerySet[ReportPublication]:
    return ReportPublication.objects.select_related("plan__strategy").order_by("-plan__year")


def get_publication(year: int) -> ReportPublication:
    """404 for a year whose report is not published: an unpublished report does not exist publicly."""
    publication = published_reports().filter(plan__year=year).first()
    if publication is None:
        raise Http404("No published progress report for that year")
    return publication


def public_report(publication: ReportPublication, today: date) -> PublicReport:
    report = annual_report(publication.plan, today)
    return PublicReport(
        plan=publication.plan,
        as_of=report.as_of,
        published_at=publication.published_at,
        priorities=report.priorities,
        measures=_measures(report.measures, today),
        adulthood=_adulthood(),
        internships=[
            (year, _shown_count(started), _shown_count(completed), _shown_count(employed))
            for year, started, completed, employed in report.internships_by_year
        ],
    )
