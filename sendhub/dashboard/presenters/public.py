"""The public dashboard for the Local Offer: published aggregates only, small numbers suppressed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    name: str = ""


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


def covers(year_type: str, time_period: str, year: int) -> str:
    """The period a published figure covers, in words: "January 2025", "Calendar year 2024"."""
    if year_type.startswith("January"):
        return f"January {year}"
    if year_type == "Calendar year":
        return f"Calendar year {time_period}"
    return period_label(time_period)


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
                covers(latest.indicator.year_type, latest.time_period, latest.year),
                _shown(latest.value, unit, latest.marker),
                _shown(latest.england, unit),
                _shown(latest.sn_average, unit),
                name,
            )
        )
    return PublicPage(la_name, figures)


# Why a live figure and the published one for the same measure differ, by indicator (the public page says it).
WHY_THEY_DIFFER = {
    "ehcp_caseload": (
        "DfE counts the plans in place on the January census day and publishes the count the following June;"
        " our figure counts the plans we maintain today, so it includes every plan made or ended since"
        " that January."
    ),
    "ehcp_20_week_incl_exceptions": (
        "DfE's figure covers every plan issued in a whole calendar year, checked and published the following"
        " June; ours covers only the plans issued so far this year, from our case records, and will change as"
        " the year goes on. Both count plans issued within 20 weeks of the request, including those with an"
        " exception."
    ),
}


@dataclass(frozen=True)
class SideBySide:
    measure: str
    published: str
    published_period: str
    live: str
    live_period: str
    why: str


def side_by_side(page: PublicPage, live: list[Any]) -> list[SideBySide]:
    """Each live figure next to the published figure of the same measure, each with its period and the
    reason they differ. Only measures counted the same way are paired (`WHY_THEY_DIFFER`)."""
    published = {f.name: f for f in page.figures}
    rows = []
    for figure in live:
        match = published.get(figure.key)
        if match is None or figure.key not in WHY_THEY_DIFFER:
            continue
        rows.append(
            SideBySide(
                match.label,
                match.value,
                f"DfE, {match.period}",
                figure.value,
                f"Our case records, {figure.period[0].lower()}{figure.period[1:]}",
                WHY_THEY_DIFFER[figure.key],
            )
        )
    return rows
