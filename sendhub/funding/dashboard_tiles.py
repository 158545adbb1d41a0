"""The strategy's funding targets as KPI tiles on the dashboard (Appendix C 2.2): tuition packages down
50%, EOTAS down 40%, children reached by Exceptional Needs Grants (200 to 288), and the High Needs Block's
forecast variance. Aggregates only: no child is named or counted on their own."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.dashboard.tiles import KpiTile
from sendhub.funding import rules
from sendhub.funding.selectors import eng, forecast, maintain, places
from sendhub.funding.templatetags.money import pounds
from sendhub.lib.dates import long_date


def _url(user: User, permission: str, name: str) -> str:
    return reverse(name) if user.has_perm(permission) else ""


def dashboard_tiles(user: User, today: date) -> list[KpiTile]:
    tiles = []
    for row in places.targets(today):
        kind = "Tuition packages" if row.kind == "tuition" else "EOTAS packages"
        tiles.append(
            KpiTile(
                key=f"funding-{row.kind}",
                title=f"{kind}: down {row.reduction_percent.normalize():f}%",
                figure=str(row.current),
                detail=(
                    f"{row.baseline} on {long_date(row.baseline_on)}, target {row.target} by "
                    f"{long_date(row.target_on)}; down {row.achieved}% so far"
                ),
                on_track=row.on_track,
                url=_url(user, "funding.view_packages", "funding:package_list"),
                order=10 if row.kind == "tuition" else 11,
            )
        )
    year = maintain.funding_year(rules.financial_year_of(today).start_year)
    if year is None:
        return tiles
    children = eng.eng_totals(year.start_year)["children"]
    target = year.eng_children_target
    tiles.append(
        KpiTile(
            key="funding-eng",
            title="Children with an Exceptional Needs Grant",
            figure=str(children),
            detail=f"in {year}; target {target} (from 200)" if target else f"in {year}; no target set",
            on_track=children >= target if target else None,
            url=_url(user, "funding.view_eng", "funding:cluster_list"),
            order=12,
        )
    )
    position = forecast.position(year)
    tiles.append(
        KpiTile(
            key="funding-hnb",
            title=f"High Needs Block variance {year}",
            figure=pounds(position.variance),
            detail=(
                f"forecast outturn {pounds(position.forecast_outturn)} against a budget of "
                f"{pounds(position.budget)}; deficit {pounds(position.deficit)}"
            ),
            on_track=position.variance >= 0,
            url=_url(user, "funding.view_funding", "funding:position"),
            order=13,
        )
    )
    return tiles
