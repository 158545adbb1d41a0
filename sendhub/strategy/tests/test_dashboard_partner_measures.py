"""Partner measures on the dashboard: beside the casework figures for staff, suppressed on the public page."""

from datetime import date
from decimal import Decimal

from sendhub.dashboard.providers import provided_tables
from sendhub.strategy.services import measures


def _enter(measure, by, start, end, **entry):
    measures.record_partner_value(
        measure=measure,
        by=by,
        entry=measures.ValueInput(period_start=start, period_end=end, source="Returns", **entry),
    )


def _rows(body: str, title: str) -> list[str]:
    return body.split(f"{title}</caption>", 1)[1].split("</tbody>", 1)[0].split("<tr")[2:]


TITLE = "Partner measures: health, care and the partnership"


def test_staff_see_each_partner_measures_latest_value_beside_casework(
    client, login, analyst, health_checks, health_officer, forum_events, forum_officer
):
    _enter(
        health_checks,
        health_officer,
        date(2023, 4, 1),
        date(2024, 3, 31),
        value=None,
        numerator=120,
        denominator=200,
    )
    _enter(
        health_checks,
        health_officer,
        date(2024, 4, 1),
        date(2025, 3, 31),
        value=None,
        numerator=3,
        denominator=4,
    )
    _enter(
        forum_events,
        forum_officer,
        date(2024, 1, 1),
        date(2024, 12, 31),
        value=Decimal(3),
        numerator=None,
        denominator=None,
    )
    body = login(client, analyst).get("/dashboard/kpis/?year=2024").content.decode()
    assert "Key performance indicators" in body  # the casework figures are still there
    rows = _rows(body, TITLE)
    assert len(rows) == 2
    assert "Annual health checks 14+" in rows[0] and "Health partner" in rows[0]
    assert "2024-25" in rows[0] and "75% (3 of 4)" in rows[0]  # the latest period, with its counts
    assert "Engagement events held" in rows[1] and "Parent Carer Forum" in rows[1] and ">3<" in rows[1]


def test_the_public_page_suppresses_small_numbers(
    client, health_checks, health_officer, forum_events, forum_officer
):
    _enter(
        health_checks,
        health_officer,
        date(2024, 4, 1),
        date(2025, 3, 31),
        value=None,
        numerator=3,
        denominator=4,
    )
    _enter(
        forum_events,
        forum_officer,
        date(2024, 1, 1),
        date(2024, 12, 31),
        value=Decimal(3),
        numerator=None,
        denominator=None,
    )
    body = client.get("/dashboard/public/").content.decode()
    rows = _rows(body, TITLE)
    assert "Annual health checks 14+" in rows[0] and "fewer than 5" in rows[0] and "75%" not in rows[0]
    assert "Engagement events held" in rows[1] and "fewer than 5" in rows[1]
    assert "/strategy/" not in body


def test_the_public_page_shows_figures_of_5_and_over(
    client, health_checks, health_officer, forum_events, forum_officer
):
    _enter(
        health_checks,
        health_officer,
        date(2024, 4, 1),
        date(2025, 3, 31),
        value=None,
        numerator=140,
        denominator=200,
    )
    _enter(
        forum_events,
        forum_officer,
        date(2024, 1, 1),
        date(2024, 12, 31),
        value=Decimal(12),
        numerator=None,
        denominator=None,
    )
    tables = provided_tables(public=True, today=date(2025, 5, 1))
    rows = next(t for t in tables if t.title == TITLE).rows
    assert rows == [
        ["Annual health checks 14+", "Health partner", "2024-25", "70%"],
        ["Engagement events held", "Parent Carer Forum", "2024", "12"],
    ]
    csv = client.get("/dashboard/public/?format=csv").content.decode("utf-8-sig")
    assert TITLE in csv and "Annual health checks 14+,Health partner,2024-25,70%" in csv
