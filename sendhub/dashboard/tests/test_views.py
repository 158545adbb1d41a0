"""Dashboard pages: who may see them, what they show, downloads, filters without JavaScript."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sendhub.accounts.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_client(client, make_user, login):
    login(client, make_user(Role.ANALYST))
    return client


def test_index_links_every_page(analyst_client, loaded):
    html = analyst_client.get(reverse("dashboard:index")).content.decode()
    for name in ("dashboard:benchmark", "dashboard:forecast", "dashboard:public", "dashboard:board"):
        assert reverse(name) in html


@pytest.mark.parametrize("role", [Role.PARENT, Role.SENCO, Role.PROVIDER])
def test_dashboard_is_for_staff_only(client, make_user, login, role, loaded):
    login(client, make_user(role))
    assert client.get(reverse("dashboard:index")).status_code == 403
    assert client.get(reverse("dashboard:board_download") + "?format=csv").status_code == 403


def test_benchmark_page_shows_camden_against_neighbours(analyst_client, loaded):
    url = reverse("dashboard:benchmark") + "?indicator=ehcp_20_week_incl_exceptions&la=202&period=2023"
    html = analyst_client.get(url).content.decode()
    assert "96.7%" in html and "49.1%" in html
    assert "Islington" in html  # a statistical neighbour, compared by default
    assert "Quartile A" in html  # bands drawn on the chart
    assert "<svg" in html and "<desc" in html


def test_comparators_can_be_added_and_removed_without_javascript(analyst_client, loaded):
    base = reverse("dashboard:benchmark") + "?indicator=ehcp_caseload&la=202&period=202425"
    html = analyst_client.get(base + "&compare=206&add=873").content.decode()
    assert "Islington" in html and "Cambridgeshire" in html
    assert "Westminster</th>" not in html  # the explicit set replaces the neighbour default
    removed = analyst_client.get(base + "&compare=206&compare=873&remove=206").content.decode()
    assert "Islington</th>" not in removed and "Cambridgeshire</th>" in removed


def test_board_table_page(analyst_client, loaded):
    html = analyst_client.get(reverse("dashboard:board") + "?board=ehcp&la=202").content.decode()
    assert "New EHC plans issued within 20 weeks, including exceptions" in html
    assert "96.7%" in html


def test_unknown_board_is_not_found(analyst_client, loaded):
    assert analyst_client.get(reverse("dashboard:board") + "?board=nope").status_code == 404


def test_board_csv_download(analyst_client, loaded):
    response = analyst_client.get(reverse("dashboard:board_download") + "?board=ehcp&la=202&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Indicator,Camden 2019")
    assert "96.7%" in text


def test_board_xlsx_download(analyst_client, loaded):
    response = analyst_client.get(reverse("dashboard:board_download") + "?board=ehcp&la=202&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet["A2"].value == "Indicator"
    labels = [row[0].value for row in sheet.iter_rows(min_row=3)]
    assert "New EHC plans issued within 20 weeks, including exceptions" in labels


def test_board_pdf_download(analyst_client, loaded):
    response = analyst_client.get(reverse("dashboard:board_download") + "?board=primary&la=202&format=pdf")
    assert response.content.startswith(b"%PDF")


def test_public_dashboard_needs_no_sign_in(client, loaded):
    html = client.get(reverse("dashboard:public")).content.decode()
    assert "Camden" in html and "EHC plans in place at January" in html
    assert 'href="/dashboard/benchmarks' not in html  # no route to staff pages


def test_forecast_page_shows_method_and_backtest(analyst_client, loaded):
    html = analyst_client.get(reverse("dashboard:forecast")).content.decode()
    assert "Back-test error (MAPE)" in html and "2030" in html


def test_pages_work_before_any_data_are_loaded(analyst_client, not_loaded):
    for name in ("dashboard:index", "dashboard:benchmark", "dashboard:board", "dashboard:forecast"):
        assert analyst_client.get(reverse(name)).status_code == 200


def test_years_filter_limits_the_history_table(analyst_client, loaded):
    url = reverse("dashboard:benchmark") + "?indicator=ehcp_20_week_incl_exceptions&la=202&period=2023"
    html = analyst_client.get(url + "&from=2022&to=2023").content.decode()
    assert '<th scope="row" class="govuk-table__header">2022</th>' in html
    assert '<th scope="row" class="govuk-table__header">2019</th>' not in html
    assert "96.7%" in html  # the headline still shows the chosen year


def test_removing_the_last_comparator_leaves_none(analyst_client, loaded):
    url = reverse("dashboard:benchmark") + "?indicator=ehcp_caseload&la=202&period=202425&custom=1"
    html = analyst_client.get(url).content.decode()
    assert "No comparators: add a local authority above." in html


def test_benchmark_page_shows_money_and_a_no_sen_comparator(analyst_client, loaded):
    url = reverse("dashboard:benchmark") + "?indicator=sen_weekly_unit_cost&la=202&period=202425"
    html = analyst_client.get(url).content.decode()
    assert "£135" in html  # LAIT SENFinance, Camden 2024-25
    url = reverse("dashboard:benchmark") + "?indicator=ks4_attainment8_no_sen&la=202"
    assert analyst_client.get(url).status_code == 200


def test_benchmark_page_draws_the_trend_with_its_table(analyst_client, loaded):
    url = reverse("dashboard:benchmark") + "?indicator=ehcp_20_week_incl_exceptions&la=202&period=2023"
    html = analyst_client.get(url + "&from=2022&to=2023").content.decode()
    chart = html[
        html.index('id="trend-chart-title"') : html.index("</svg>", html.index('id="trend-chart-title"'))
    ]
    assert "<polyline" in chart
    # one point per line per year, each titled with its figure as in the table
    assert chart.count("<circle") == 6
    assert "Camden, 2023: 96.7%" in chart and "England, 2023: 49.1%" in chart
    assert "Camden, 2019" not in chart


def test_history_periods_read_as_academic_years(analyst_client, loaded):
    url = reverse("dashboard:benchmark") + "?indicator=ehcp_caseload&la=202&period=202425"
    html = analyst_client.get(url).content.decode()
    assert '<th scope="row" class="govuk-table__header">2024/25</th>' in html
    assert '<th scope="row" class="govuk-table__header">202425</th>' not in html


def test_indicator_picker_is_grouped_by_topic(analyst_client, loaded):
    url = reverse("dashboard:benchmark") + "?indicator=ehcp_20_week_incl_exceptions&la=202&period=2023"
    html = analyst_client.get(url).content.decode()
    picker = html[html.index('<select class="govuk-select" id="indicator"') :]
    picker = picker[: picker.index("</select>")]
    timeliness = picker[picker.index('<optgroup label="EHC plan timeliness">') :]
    timeliness = timeliness[: timeliness.index("</optgroup>")]
    assert "New EHC plans issued within 20 weeks, including exceptions" in timeliness
    assert picker.count("<optgroup") > 5
