"""The public dashboard for the Local Offer: published aggregates only, small numbers suppressed."""

from __future__ import annotations

from dataclasses import dataclass

from sendhub.dashboard import selectors
from sendhub.dashboard.rules.boards import format_value, period_label
from sendhub.dashboard.rules.suppression import SUPPRESSED, suppress_count

PUBLIC_INDICATORS = (
    "ehcp_caseload",
    "ehcp_new_plans",
    "ehcp_requests",
    "ehcp_20_week_incl_exceptions",
    "ehcp_20_week_excl_exceptions",
    "ehcp_annual_review_decision_4_weeks_pc",
    "ehcp_placement_mainstream_pc",
    "ehcp_placement_special_pc",
)


@dataclass(frozen=True)
class PublicFigure:
    label: str
    period: str
    value: str
    england: str
    sn_average: str


@dataclass(frozen=True)
class PublicPage:
    la_name: str
    figures: list[PublicFigure]


def _shown(value: float | None, unit: str, marker: str = "") -> str:
    if unit == "count":
        suppressed = suppress_count(value)
        if suppressed == SUPPRESSED:
            return "fewer than 5"
    return format_value(value, unit, marker)


def public_page(la_code: str) -> PublicPage:
    figures = []
    la_name = la_code
    for name in PUBLIC_INDICATORS:
        history = list(selectors.la_history(la_code=la_code, indicator_names=[name]))
        with_value = [b for b in history if b.value is not None] or history
        if not with_value:
            continue
        latest = with_value[-1]
        la_name = latest.la_name
        unit = latest.indicator.unit
        figures.append(
            PublicFigure(
                latest.indicator.label,
                period_label(latest.time_period),
                _shown(latest.value, unit, latest.marker),
                _shown(latest.england, unit),
                _shown(latest.sn_average, unit),
            )
        )
    return PublicPage(la_name, figures)
