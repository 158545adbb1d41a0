"""The position is kept between pages while its data is unchanged, and any change shows at once.

Each change below is made the way that bypasses services and signals (a bare queryset update, delete or
create), so the test proves the cache notices the data itself, not the code path that changed it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from sendhub.cases.models import Plan
from sendhub.funding.models import (
    BandValue,
    BudgetLine,
    Commitment,
    EngDecision,
    ForecastAdjustment,
    FundingYear,
    Line,
    Package,
    PlanBand,
    SpecialistProvision,
)
from sendhub.funding.selectors import forecast
from sendhub.funding.tests.conftest import World


def _line(result: forecast.Position, line: str) -> D:
    return next(row.forecast_outturn for row in result.lines if row.line == line)


def test_an_unchanged_year_is_read_from_the_cache_in_one_query(
    world: World, django_assert_num_queries
) -> None:
    first = forecast.position(world.year)
    with django_assert_num_queries(1):  # the digest of the data; no recomputation
        again = forecast.position(world.year)
    assert again is first
    assert again.forecast_outturn == D("153673.97")


def _package_cost_doubled(world: World) -> None:
    Package.objects.update(weekly_cost=D("1400"))


def _package_deleted(world: World) -> None:
    Package.objects.all().delete()


def _grant_ended_early(world: World) -> None:
    EngDecision.objects.update(ended_on=date(2026, 12, 31))


def _band_value_changed(world: World) -> None:
    BandValue.objects.filter(band__code="B", setting="mainstream").update(annual_value=D("18000"))


def _band_ended(world: World) -> None:
    PlanBand.objects.filter(plan=world.plans["special"]).update(end=date(2026, 12, 31))


def _plan_ceased(world: World) -> None:
    Plan.objects.filter(pk=world.plans["mainstream"].pk).update(
        status="ceased", ceased=date(2026, 9, 30), cease_reason="2"
    )


def _commitment_added(world: World) -> None:
    Commitment.objects.create(
        line=Line.AP, description="AP places", amount=D("36500"), start=date(2026, 4, 1)
    )


def _adjustment_changed(world: World) -> None:
    ForecastAdjustment.objects.update(amount=D("6000"))


def _budget_changed(world: World) -> None:
    BudgetLine.objects.filter(line=Line.SERVICES).update(amount=D("120000"))


def _place_commissioned(world: World) -> None:
    SpecialistProvision.objects.create(
        school=world.school, kind="arp", name="Language base", phase="primary", commissioned_places=4
    )


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (_package_cost_doubled, Line.TUITION_EOTAS, D("18000.00")),  # £1,400 a week for 90 days
        (_package_deleted, Line.TUITION_EOTAS, D("0.00")),
        (_grant_ended_early, Line.ENG, D("1002.74")),  # £3,000 x 122 / 365
        (_band_value_changed, Line.TOP_UP_MAINSTREAM, D("7000.00")),  # £18,000 - £11,000
        (_band_ended, Line.TOP_UP_SPECIAL, D("5041.10")),  # £20,000 x 92 / 365
        (_plan_ceased, Line.TOP_UP_MAINSTREAM, D("3008.22")),  # £6,000 x 183 / 365
        (_commitment_added, Line.AP, D("36500.00")),
        (_adjustment_changed, Line.SERVICES, D("106000.00")),
        (_place_commissioned, Line.TOP_UP_ARP, D("40000.00")),  # 4 places x £10,000
    ],
)
def test_a_change_shows_at_once(world: World, change: Callable[[World], Any], line: str, expected: D) -> None:
    before = forecast.position(world.year)
    change(world)
    after = forecast.position(world.year)
    assert after is not before
    assert _line(after, line) == expected != _line(before, line)
    assert after == forecast.compute_position(world.year)


def test_a_budget_change_shows_at_once(world: World) -> None:
    assert forecast.position(world.year).budget == D("145000.00")
    _budget_changed(world)
    assert forecast.position(world.year).budget == D("165000.00")


def test_the_year_settings_are_part_of_the_key(world: World) -> None:
    assert forecast.position(world.year).deficit == D("13673.97")
    FundingYear.objects.filter(pk=world.year.pk).update(allocation=D("150000"), notional_threshold=D("12000"))
    changed = forecast.position(FundingYear.objects.get(pk=world.year.pk))
    assert changed.deficit == D("2673.97")  # £1,000 less mainstream top-up, £10,000 more allocation
    assert _line(changed, Line.TOP_UP_MAINSTREAM) == D("5000.00")


def _tuition_row(client: Any) -> str:
    page = client.get("/funding/?year=2026").content.decode()
    return page.split('id="line-tuition_eotas"', 1)[1].split("</tr>", 1)[0]


def test_the_page_shows_a_change_at_once(client: Any, login: Any, world: World) -> None:
    login(client, world.finance)
    assert "£9,000.00" in _tuition_row(client)
    Package.objects.update(weekly_cost=D("1400"))
    row = _tuition_row(client)
    assert "£18,000.00" in row and "£9,000.00" not in row
