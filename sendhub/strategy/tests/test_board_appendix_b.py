"""The board pack carries the progress report's Appendix B tables, read through the dashboard's board tables."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from sendhub.dashboard.models import Benchmark, Level, LocalAuthority, NationalIndicator, NationalValue
from sendhub.strategy.services import board


@pytest.fixture
def timeliness(db):
    """One Appendix B row as the seed has it: 96.7% of EHC plans within 20 weeks, neighbours 85.4%."""
    indicator = NationalIndicator.objects.create(
        name="ehcp_20_week_incl_exceptions",
        label="New EHC plans issued within 20 weeks, including exceptions",
        unit="percent",
        polarity="High",
        source="ees",
        source_file="x.csv",
        board="ehcp",
    )
    LocalAuthority.objects.create(code="202", name="Camden")
    for year, value in [(2022, 91.2), (2023, 96.7)]:
        Benchmark.objects.create(
            indicator=indicator,
            time_period=str(year),
            year=year,
            la_code="202",
            la_name="Camden",
            value=value,
            sn_average=85.4 if year == 2023 else 80.0,
            sn_rank=1,
            sn_rank_of=11,
            rank=4,
            rank_of=150,
        )
        NationalValue.objects.create(
            indicator=indicator,
            time_period=str(year),
            year=year,
            level=Level.ENGLAND,
            area_code="E92000001",
            area_name="England",
            value=50.3 if year == 2023 else 49.2,
        )
    return indicator


def _meeting(manager):
    return board.schedule_meeting(
        board="inclusion", held_on=date(2025, 1, 22), attendees="Chair", agenda="Performance", by=manager
    )


def test_the_pdf_pack_has_the_appendix_b_tables(client, login, manager, plan, timeliness):
    meeting = _meeting(manager)
    page = login(client, manager).get(f"/strategy/board/{meeting.pk}/pack.pdf")
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(page.content)).pages)
    text = " ".join(text.split())
    assert "Appendix B: how our area compares" in text
    assert "EHC plans: demand, timeliness, needs and placements" in text
    assert "New EHC plans issued within 20 weeks, including exceptions" in text
    assert "96.7%" in text and "85.4%" in text and "50.3%" in text


def test_the_html_pack_has_the_appendix_b_tables(client, login, officer, manager, plan, timeliness):
    meeting = _meeting(manager)
    body = login(client, officer).get(f"/strategy/board/{meeting.pk}/").content.decode()
    table = body.split("EHC plans: demand, timeliness, needs and placements</caption>", 1)[1].split(
        "</table>"
    )[0]
    row = table.split("New EHC plans issued within 20 weeks, including exceptions", 1)[1].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[:5] == ["2023", "96.7%", "85.4%", "1st of 11", "50.3%"]
    assert "Camden" in table.split("</thead>")[0]


def test_a_pack_without_national_figures_says_so(client, login, manager, plan):
    meeting = _meeting(manager)
    body = login(client, manager).get(f"/strategy/board/{meeting.pk}/").content.decode()
    assert "No national figures are loaded" in body
