"""Reads of the measures: live KPIs and partner measures as trends against their targets. Selectors take `today`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.dashboard.rules.kpis import compute_kpis
from sendhub.dashboard.selectors.live import casework_facts
from sendhub.localoffer.selectors import visits as local_offer_visits
from sendhub.strategy.models import (
    Action,
    Measure,
    MeasureSource,
    PartnerMeasure,
    PartnerMeasureValue,
    Plan,
)
from sendhub.strategy.rules import (
    Direction,
    on_target,
)


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


def off_target_measures(plan: Plan, today: date) -> list[MeasureTrend]:
    measures = list(
        Measure.objects.filter(action__plan=plan, action__removed_at__isnull=True)
        .select_related("action", "partner_measure__owner")
        .order_by("action__position", "label")
    )
    return [t for t in measure_trends(measures, today) if t.met is False]


def partner_measures_for(user: User) -> QuerySet[PartnerMeasure]:
    return PartnerMeasure.objects.visible_to(user).select_related("owner")


def get_partner_measure_for_user(user: User, pk: int) -> PartnerMeasure:
    """404 for a measure of another partner: its existence stays hidden."""
    return get_object_or_404(partner_measures_for(user), pk=pk)


def partner_values(measure: PartnerMeasure) -> QuerySet[PartnerMeasureValue]:
    return measure.values.select_related("entered_by").order_by("-period_start")


def plan_measures() -> QuerySet[Measure]:
    return (
        Measure.objects.filter(action__removed_at__isnull=True)
        .select_related("action__plan")
        .order_by("-action__plan__year", "action__position", "label")
    )


def get_value_for_user(user: User, pk: int) -> PartnerMeasureValue:
    """A live value of a measure the user may see (404 otherwise: another partner's stays hidden)."""
    visible = PartnerMeasure.objects.visible_to(user)
    return get_object_or_404(
        PartnerMeasureValue.objects.select_related("measure__owner").filter(measure__in=visible), pk=pk
    )
