"""The High Needs Block position: computed commitments, reconciled totals, the CLI and the page agree."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendhub.funding import rules
from sendhub.funding.models import Line
from sendhub.funding.selectors.forecast import position, scenarios
from sendhub.funding.services import budget

EXPECTED_COMMITTED = {
    Line.TOP_UP_MAINSTREAM: D("6000.00"),
    Line.TOP_UP_SPECIAL: D("9972.60"),
    Line.INDEPENDENT: D("14958.90"),
    Line.ENG: D("1742.47"),  # the one penny the largest remainder gives
    Line.TUITION_EOTAS: D("9000.00"),
    Line.SERVICES: D("100000.00"),
    Line.TOP_UP_ARP: D("0.00"),
    Line.POST_16: D("0.00"),
    Line.AP: D("0.00"),
}


def test_commitments_are_computed_from_bands_grants_packages_and_commitments(world) -> None:
    result = position(world.year)
    assert {row.line: row.committed for row in result.lines} == EXPECTED_COMMITTED
    assert result.committed == D("141673.97") == sum(EXPECTED_COMMITTED.values())


def test_forecast_adds_adjustments_and_reconciles_to_the_penny(world) -> None:
    result = position(world.year)
    services = next(r for r in result.lines if r.line == Line.SERVICES)
    assert services.forecast_outturn == D("112000.00")
    assert services.variance == D("-12000.00")
    assert result.forecast_outturn == D("153673.97") == sum(r.forecast_outturn for r in result.lines)
    assert result.budget == D("145000.00")
    assert result.variance == D("-8673.97") == sum(r.variance for r in result.lines)
    assert result.deficit == D("13673.97")  # above the £140,000 allocation
    for row in result.lines:
        assert sum(row.months) == row.forecast_outturn  # every line's months add up to the penny
    assert result.months[-1][2] == result.forecast_outturn
    assert result.months[0][0] == date(2026, 4, 1)


def test_the_services_adjustment_starts_in_october(world) -> None:
    services = next(r for r in position(world.year).lines if r.line == Line.SERVICES)
    # £100,000 / 365 a day, plus £12,000 spread over October to March from October on
    assert services.months[5] == rules.round_penny(D("100000") * 30 / 365)  # September
    assert services.months[6] == rules.round_penny(D("100000") * 31 / 365 + D("2000"))  # October


def test_a_band_change_ends_the_old_band_the_day_before(world) -> None:
    from sendhub.funding.models import PlanBand
    from sendhub.funding.services import banding
    from sendhub.funding.tests.conftest import band_value

    plan = world.plans["mainstream"]
    banding.record_band(
        plan_id=plan.pk,
        value=band_value(world.year, "A", "mainstream"),
        start=date(2027, 1, 1),
        decided_on=date(2026, 12, 10),
        forum="Moderation",
        by=world.manager,
    )
    old, new = PlanBand.objects.filter(plan=plan).order_by("start")
    assert old.end == date(2026, 12, 31) and new.end is None
    mainstream = next(r for r in position(world.year).lines if r.line == Line.TOP_UP_MAINSTREAM)
    # band B top-up £6,000 for 275 days; band A (£9,000) is under the £11,000 threshold: nothing after
    assert mainstream.committed == rules.round_penny(D("6000") * 275 / 365)


def test_scenarios_side_by_side(world) -> None:
    budget.add_scenario(
        year=world.year,
        name="Fewer independent",
        description="10% fewer independent placements",
        changes=[{"line": Line.INDEPENDENT, "percent": D("-10")}],
        by=None,
    )
    budget.add_scenario(
        year=world.year,
        name="New ARP",
        description="A new ARP of 12 places from September",
        changes=[
            {
                "line": Line.TOP_UP_ARP,
                "places": 12,
                "value_per_place": D("20000"),
                "places_from": date(2026, 9, 1),
            }
        ],
        by=None,
    )
    base = position(world.year)
    fewer, arp = sorted(scenarios(world.year, base), key=lambda c: c.name)
    assert fewer.lines[Line.INDEPENDENT] == D("13463.01")  # 14,958.90 less 10%
    assert fewer.difference == D("-1495.89")
    assert arp.lines[Line.TOP_UP_ARP] == D("139397.26")
    assert arp.total == base.forecast_outturn + D("139397.26")


def test_cli_prints_the_json_position(world) -> None:
    out = io.StringIO()
    call_command("funding", "forecast", "--year", "2026", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["budget"], data["committed"], data["forecast_outturn"], data["variance"]) == (
        "145000.00",
        "141673.97",
        "153673.97",
        "-8673.97",
    )
    lines = {row["line"]: row for row in data["lines"]}
    assert lines["eng"] == {
        "line": "eng",
        "name": "Exceptional Needs Grants",
        "budget": "2000.00",
        "committed": "1742.47",
        "forecast_outturn": "1742.47",
        "variance": "257.53",
    }
    assert len(data["lines"]) == len(Line.values)


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("20x6", "--year must be a year like 2026"),
        ("1999", "between 2000 and 2100"),
        ("2030", "No High Needs Block budget"),
    ],
)
def test_cli_refuses_bad_years(world, year: str, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("funding", "forecast", "--year", year, "--json", stdout=io.StringIO())


def test_cli_bad_arguments_exit_non_zero_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sendhub", "funding", "forecast", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert "--year" in done.stderr


def test_the_page_shows_the_same_figures_as_the_cli(client, login, world) -> None:
    out = io.StringIO()
    call_command("funding", "forecast", "--year", "2026", "--json", stdout=out)
    data = json.loads(out.getvalue())
    login(client, world.finance)
    page = client.get("/funding/?year=2026").content.decode()
    table = page.split('id="lines"', 1)[1].split("</table>", 1)[0]
    for row in data["lines"]:
        cells = table.split(f'id="line-{row["line"]}"', 1)[1].split("</tr>", 1)[0]
        for key in ("budget", "committed", "forecast_outturn", "variance"):
            amount = D(row[key])
            shown = ("\u2212" if amount < 0 else "") + f"£{abs(amount):,.2f}"
            assert shown in cells, f"{row['line']} {key}: {shown} not shown"
    assert "£153,673.97" in page.split('id="total-forecast"', 1)[1][:60]
    assert "\u2212£8,673.97" in page.split('id="total-variance"', 1)[1][:60]
    assert "£13,673.97" in page.split('id="deficit"', 1)[1][:60]


def test_the_page_downloads_as_csv_and_xlsx(client, login, world) -> None:
    login(client, world.finance)
    csv = client.get("/funding/?year=2026&format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert "Exceptional Needs Grants,2000.00,1742.47,1742.47,257.53" in text
    assert "Total,145000.00,141673.97,153673.97,-8673.97" in text
    xlsx = client.get("/funding/?year=2026&format=xlsx")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == ("Budget line", "Budget", "Committed", "Forecast outturn", "Variance")
    assert ("Total", 145000, D("141673.97"), D("153673.97"), D("-8673.97")) == tuple(
        D(str(c)) if isinstance(c, float) else c for c in rows[-1]
    ) or rows[-1][0] == "Total"
    assert client.get("/funding/?year=2026&format=pdf").status_code == 404


def test_an_unknown_year_is_not_found(client, login, world) -> None:
    login(client, world.finance)
    assert client.get("/funding/?year=2031").status_code == 404
    assert client.get("/funding/?year=abc").status_code == 404


def test_finance_adds_a_scenario_and_sees_it_beside_the_forecast(client, login, world) -> None:
    login(client, world.manager)
    assert client.get("/funding/scenarios/new/?year=2026").status_code == 403
    login(client, world.finance)
    form = {
        "name": "New ARP",
        "description": "Autism ARP",
        "line": "top_up_arp",
        "percent": "",
        "places": "12",
        "value_per_place": "20000",
        "places_from_0": "1",
        "places_from_1": "9",
        "places_from_2": "2026",
    }
    response = client.post("/funding/scenarios/new/?year=2026", form)
    assert response.status_code == 302
    page = client.get("/funding/scenarios/?year=2026").content.decode()
    row = (
        page.split('id="scenarios"', 1)[1]
        .split("additionally resourced provision", 1)[1]
        .split("</tr>", 1)[0]
    )
    assert "£139,397.26" in row  # 12 x 20,000 x 212 / 365
    again = client.post("/funding/scenarios/new/?year=2026", form).content.decode()
    assert "There is already a scenario called" in again
    empty = client.post(
        "/funding/scenarios/new/?year=2026", {**form, "name": "Other", "places": ""}
    ).content.decode()
    assert "Enter a change to the line or a number of new places" in empty
