"""Place sufficiency: demand by need and phase for five years from the dashboard's forecast of plans by age,
against the places commissioned; table, chart and downloads."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
import time_machine
from openpyxl import load_workbook

from sendhub.cases.models import Placement
from sendhub.cases.tests.factories import ChildFactory, SchoolFactory
from sendhub.dashboard.rules.cohort import CohortForecast
from sendhub.funding.selectors import sufficiency as sufficiency_module
from sendhub.funding.services import places

BANDS = ["Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25"]


def forecast(primary: list[float], secondary: list[float]) -> CohortForecast:
    """A forecast with the base year 2026 and 2027 to 2031."""

    def year(p: float, s: float) -> dict[str, float]:
        return dict.fromkeys(BANDS, 0.0) | {"5 to 10": p, "11 to 15": s}

    history = {2026: year(primary[0], secondary[0])}
    points = {2027 + n: year(p, s) for n, (p, s) in enumerate(zip(primary[1:], secondary[1:], strict=True))}
    return CohortForecast(history, points, None, None)


@pytest.fixture
def provisions(world):
    special = SchoolFactory.create(name="Frank Barnes Test School", setting_type="special")
    arp = SchoolFactory.create(name="Argyle Test Primary")
    hi = places.add_provision(
        school_id=special.pk,
        kind="special",
        name="Frank Barnes Test School",
        need="HI",
        phase="Primary",
        places=10,
        place_value=D("10000"),
        by=None,
    )
    places.add_provision(
        school_id=arp.pk,
        kind="arp",
        name="Argyle ASD base",
        need="ASD",
        phase="Secondary",
        places=12,
        place_value=D("10000"),
        by=None,
    )
    for _ in range(8):
        Placement.objects.create(child=ChildFactory.create(), school=special, start=date(2024, 9, 1))
    for _ in range(2):
        places.refer_for_place(
            provision=hi,
            child_id=ChildFactory.create().pk,
            need="HI",
            phase="Primary",
            on=date(2026, 5, 1),
            by=None,
        )
    return hi


@time_machine.travel(date(2026, 12, 7), tick=False)
def test_demand_grows_with_the_forecast_plans_of_the_phase(
    client, login, world, provisions, monkeypatch
) -> None:
    # Primary plans 100 -> 110, 120, 130, 140, 150; secondary flat at 80.
    fake = forecast([100, 110, 120, 130, 140, 150], [80, 80, 80, 80, 80, 80])
    monkeypatch.setattr(sufficiency_module, "plans_by_age_band", lambda today, horizon: fake)
    login(client, world.finance)
    page = client.get("/funding/places/sufficiency/").content.decode()
    table = page.split('id="sufficiency"', 1)[1].split("</table>", 1)[0]
    hi = table.split(">Hearing impairment<", 1)[1].split("</tr>", 1)[0]
    cells = [c.split(">")[-1] for c in hi.split("</td>")[:-1]]
    # phase, places, now (8 placed + 2 waiting), demand 2027-2031 (10 x 1.1 ... 10 x 1.5), places less demand
    assert cells == ["Primary", "10", "10", "11", "12", "13", "14", "15", "-5"]
    asd = table.split(">Autistic spectrum disorder<", 1)[1].split("</tr>", 1)[0]
    assert [c.split(">")[-1] for c in asd.split("</td>")[:-1]] == [
        "Secondary",
        "12",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "12",
    ]
    assert "Demand 2031" in table and "Demand 2027" in table
    assert "22 places; 10 children placed or waiting now; forecast demand 15 in 2031." in page
    assert "<svg" in page and "Frank Barnes" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert (
        "Hearing impairment, Primary: 10 places" in page
        and "Hearing impairment, Primary: demand 15 in 2031" in page
    )
    csv = client.get("/funding/places/sufficiency/?format=csv").content.decode("utf-8-sig")
    assert "Hearing impairment,Primary,10,10,11,12,13,14,15,-5" in csv
    assert "Total,,22,10,11,12,13,14,15,7" in csv
    xlsx = client.get("/funding/places/sufficiency/?format=xlsx")
    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert sheet is not None
    assert [c.value for c in sheet[3]][:4] == ["Autistic spectrum disorder", "Secondary", 12, 0]


@time_machine.travel(date(2026, 12, 7), tick=False)
def test_the_page_follows_the_dashboards_forecast(client, login, world, provisions) -> None:
    from sendhub.dashboard.selectors.forecasts import plans_by_age_band
    from sendhub.funding import rules

    real = plans_by_age_band(today=date(2026, 12, 7), horizon=2031)
    expected = rules.projected_demand(
        10, real.history[2026]["5 to 10"], {y: real.points[y]["5 to 10"] for y in range(2027, 2032)}
    )
    login(client, world.manager)
    page = client.get("/funding/places/sufficiency/").content.decode()
    hi = page.split('id="sufficiency"', 1)[1].split(">Hearing impairment<", 1)[1].split("</tr>", 1)[0]
    cells = [c.split(">")[-1] for c in hi.split("</td>")[:-1]]
    assert cells[3:8] == [str(expected[y]) for y in range(2027, 2032)]
    places_page = client.get("/funding/places/").content.decode()
    assert 'href="/funding/places/sufficiency/"' in places_page


@time_machine.travel(date(2026, 12, 7), tick=False)
def test_without_a_forecast_demand_stays_as_it_is_now(client, login, world, provisions, monkeypatch) -> None:
    history = {2026: dict.fromkeys(BANDS, 5.0)}
    monkeypatch.setattr(
        sufficiency_module,
        "plans_by_age_band",
        lambda today, horizon: CohortForecast(history, {}, None, None),
    )
    login(client, world.manager)
    page = client.get("/funding/places/sufficiency/").content.decode()
    hi = page.split('id="sufficiency"', 1)[1].split(">Hearing impairment<", 1)[1].split("</tr>", 1)[0]
    cells = [c.split(">")[-1] for c in hi.split("</td>")[:-1]]
    assert cells == ["Primary", "10", "10", "10", "10", "10", "10", "10", "0"]


def test_sufficiency_is_for_those_who_see_places(client, login, world) -> None:
    login(client, world.senco)
    assert client.get("/funding/places/sufficiency/").status_code == 403
    login(client, world.finance)
    assert client.get("/funding/places/sufficiency/?format=pdf").status_code == 404
