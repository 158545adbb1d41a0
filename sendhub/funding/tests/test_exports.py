"""Every funding report page offers its table as CSV and XLSX, with the figures the page shows."""

from __future__ import annotations

from decimal import Decimal as D
from io import BytesIO

import pytest
from openpyxl import load_workbook

from sendhub.funding.services import budget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("path", "csv_line"),
    [
        ("/funding/?year=2026", "Top-up: mainstream schools,5000.00,6000.00,6000.00,-1000.00"),
        ("/funding/scenarios/?year=2026", "Budget line,Current forecast,Fewer independent"),
        ("/funding/banding/?year=2026", "B,Special school,Test team_manager,1,20000.00"),
        (
            "/funding/banding/?year=2026&table=bands",
            "B,Significant needs across several areas,17000.00,,20000.00,,60000.00,6000.00",
        ),
        ("/funding/clusters/?year=2026", "Kentish Town cluster,2,1,0,50000.00,1742.47,48257.53"),
        ("/funding/packages/", "Kind,Baseline date"),
        ("/funding/places/", "Provision,Kind,Need,Phase,Commissioned places"),
        ("/funding/places/sufficiency/", "Total,,0,0"),
        ("/funding/capital/", "School,Amount (£),Purpose"),
    ],
)
def test_each_report_downloads_its_table(client, login, world, path: str, csv_line: str) -> None:
    budget.add_scenario(
        year=world.year,
        name="Fewer independent",
        description="",
        changes=[{"line": "independent", "percent": D("-10")}],
        by=None,
    )
    login(client, world.finance)
    joiner = "&" if "?" in path else "?"
    page = client.get(path).content.decode()
    assert "format=csv" in page and "format=xlsx" in page
    csv = client.get(f"{path}{joiner}format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert csv_line in csv.content.decode("utf-8-sig")
    xlsx = client.get(f"{path}{joiner}format=xlsx")
    assert xlsx["Content-Type"] == XLSX
    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert sheet is not None
    assert sheet.max_row >= 2  # the title and the header at least
