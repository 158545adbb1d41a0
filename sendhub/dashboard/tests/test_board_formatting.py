"""Board tables formatted for people (issue #22): gaps in percentage points, none for counts, suppression
as a word, DfE periods as "2024/25" with provisional marked, trends with a threshold, no abolished LAs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sendhub.accounts.models import Role
from sendhub.dashboard.models import LocalAuthority
from sendhub.dashboard.rules.boards import (
    BoardRow,
    BoardTable,
    Cell,
    format_gap,
    format_value,
    period_label,
    trend_word,
)


def _table(unit: str, la: float, england: float) -> dict[str, str]:
    row = BoardRow("i", "Indicator", unit, "High", la={2025: Cell(la)}, england={2025: Cell(england)})
    row.latest_year = 2025
    row.latest_period = "202425"
    table = BoardTable("k", "Title", "202", "Camden", [2025], [row])
    return dict(zip(table.header(), table.as_rows()[0], strict=True))


def test_percentage_gap_is_in_points_not_percent():
    cells = _table("percent", 96.7, 46.5)
    assert cells["Difference from England"] == "+50.2 points"
    assert cells["Latest period"] == "2024/25"


def test_no_difference_from_england_for_counts():
    # Camden's plans minus England's (-637,138) means nothing
    assert _table("count", 1609, 638747)["Difference from England"] == "\u2013"
    assert format_gap(-5.4, "percent") == "\u22125.4 points"


@pytest.mark.parametrize("marker", ["x", "c"])
def test_suppression_shown_as_a_word(marker):
    assert format_value(None, "percent", marker) == "suppressed"


@pytest.mark.parametrize(
    ("code", "label"),
    [("202425", "2024/25"), ("2024", "2024"), ("202425 (prov)", "2024/25 (provisional)")],
)
def test_periods_as_people_write_them(code, label):
    assert period_label(code) == label


@pytest.mark.parametrize(
    ("change", "unit", "previous", "word"),
    [
        (-0.1, "percent", 93.1, "No real change"),  # 93.1% -> 93.0% is rounding, not a worsening
        (-0.6, "percent", 93.1, "Worsening"),
        (0.6, "percent", 93.1, "Improving"),
        (10, "count", 1600, "No real change"),  # under 1% of the previous count
        (40, "count", 1600, "Improving"),
        (0, "count", 0, "No real change"),
    ],
)
def test_trend_wording_has_a_threshold(change, unit, previous, word):
    assert trend_word(change, "High", unit=unit, previous=previous) == word


@pytest.mark.django_db
def test_board_page_formats_for_people_and_offers_no_abolished_authorities(client, make_user, login, loaded):
    login(client, make_user(Role.ANALYST))
    LocalAuthority.objects.create(code="837", name="Bournemouth (Pre LG)")
    html = client.get(reverse("dashboard:board") + "?board=ehcp&la=202").content.decode()
    assert "Bournemouth (Pre LG)" not in html
    assert " points<" in html  # percentage gaps in points
    assert '%</td><td class="govuk-table__cell">+' not in html
    assert "202425" not in html and "2024/25" in html
