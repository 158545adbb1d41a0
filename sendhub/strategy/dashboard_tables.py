"""The partners' measures on the dashboard (`sendhub.dashboard.providers`): each catalogue measure's latest
value beside the education and casework figures; on the public page, small numbers suppressed under the
dashboard's rules (a count under 5; a percentage whose numerator, denominator or remainder is under 5)."""

from __future__ import annotations

from datetime import date

from sendhub.dashboard.providers import ProvidedTable
from sendhub.dashboard.rules.suppression import SUPPRESSED, suppress_count, suppress_rate
from sendhub.strategy.models import PartnerMeasure, PartnerMeasureValue, Unit
from sendhub.strategy.selectors.measures import period_label

SUFFIX = {Unit.PERCENT: "%", Unit.WEEKS: " weeks", Unit.RATING: "", Unit.COUNT: ""}
HIDDEN = "fewer than 5"


def _figure(measure: PartnerMeasure, value: PartnerMeasureValue, *, public: bool) -> str:
    shown = f"{value.value.normalize():f}{SUFFIX.get(Unit(measure.unit), '')}"
    fraction = value.numerator is not None and value.denominator is not None
    if public:
        if fraction and suppress_rate(value.numerator, value.denominator) == SUPPRESSED:
            return HIDDEN
        if measure.unit == Unit.COUNT and suppress_count(float(value.value)) == SUPPRESSED:
            return HIDDEN
        return shown
    return f"{shown} ({value.numerator} of {value.denominator})" if fraction else shown


def latest_values() -> list[tuple[PartnerMeasure, PartnerMeasureValue]]:
    latest: dict[int, PartnerMeasureValue] = {}
    for v in PartnerMeasureValue.objects.order_by("period_end", "period_start"):
        latest[v.measure_id] = v
    measures = PartnerMeasure.objects.select_related("owner").filter(pk__in=latest)
    return [(m, latest[m.pk]) for m in measures.order_by("owner__name", "name")]


def dashboard_tables(*, public: bool, today: date) -> list[ProvidedTable]:
    rows = [
        [m.name, m.owner.name, period_label(v.period_start, v.period_end), _figure(m, v, public=public)]
        for m, v in latest_values()
    ]
    note = (
        "Figures our partners report each period: health, social care, the Parent Carer Forum and others. "
        + ("Numbers below 5 are not shown." if public else "Each is the latest value entered.")
    )
    return [
        ProvidedTable(
            title="Partner measures: health, care and the partnership",
            header=["Measure", "Reported by", "Period", "Latest figure"],
            rows=rows,
            note=note,
            empty="No partner has entered a figure yet.",
        )
    ]
