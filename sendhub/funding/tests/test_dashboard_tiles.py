"""The strategy's funding targets as tiles on the dashboard: the figures match the funding pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import time_machine

from sendhub.cases.tests.factories import ChildFactory
from sendhub.funding.services import places


def tile(page: str, key: str) -> str:
    return page.split(f'id="{key}"', 1)[1].split("</div>", 1)[0]


def text_of(html: str) -> str:
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@time_machine.travel(date(2026, 12, 7), tick=False)
def test_dashboard_shows_the_funding_targets(client, login, world) -> None:
    for n in range(4):
        package = places.add_package(
            child_id=ChildFactory.create(team=world.manager.team).pk,
            kind="tuition",
            provider=f"Tutor {n}",
            hours_per_week=D("10"),
            weekly_cost=D("500"),
            start=date(2026, 1, 5),
            end=None,
            reason="No school place",
            review_date=date(2026, 6, 1),
            by=world.manager,
        )
        if n < 2:
            places.end_package(package=package, end=date(2026, 10, 1), by=world.manager)
    places.set_target(
        kind="tuition",
        baseline_on=date(2026, 4, 1),
        reduction_percent=D("50"),
        target_on=date(2028, 3, 31),
        by=None,
    )
    world.year.eng_children_target = 288
    world.year.save()
    login(client, world.finance)
    page = client.get("/dashboard/").content.decode()
    tuition = text_of(tile(page, "funding-tuition"))
    assert "Tuition packages: down 50%" in tuition
    assert "2 4 on 1 April 2026, target 2 by 31 March 2028; down 50.0% so far On track" in tuition
    assert 'href="/funding/packages/"' in tile(page, "funding-tuition")
    eng = text_of(tile(page, "funding-eng"))
    assert "Children with an Exceptional Needs Grant 1 in 2026-27; target 288 (from 200) Not on track" in eng
    hnb = text_of(tile(page, "funding-hnb"))
    # the same figures as the High Needs Block page (the four packages add to the worked example's forecast)
    block = client.get("/funding/?year=2026").content.decode()

    def figure(key: str) -> str:
        return block.split(f'id="{key}">', 1)[1].split("</p>", 1)[0]

    assert f"High Needs Block variance 2026-27 {figure('total-variance')}" in hnb
    assert figure("total-variance") == "\u2212£87,102.54"
    assert (
        f"forecast outturn {figure('total-forecast')} against a budget of {figure('total-budget')}; "
        f"deficit {figure('deficit')}"
    ) in hnb


@time_machine.travel(date(2026, 12, 7), tick=False)
def test_an_analyst_sees_the_figures_but_no_links_to_funding_pages(client, login, world, make_user) -> None:
    login(client, make_user("analyst"))
    page = client.get("/dashboard/").content.decode()
    hnb = tile(page, "funding-hnb")
    # the worked example (docs/domains/funding.md): budget £145,000.00, forecast £153,673.97
    assert "\u2212£8,673.97" in hnb and "href=" not in hnb
