"""Live KPI pages read casework; the drill-down is for casework staff and shows only visible children."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from sendhub.accounts.models import Role
from sendhub.cases.tests.factories import ChildFactory, PlanFactory, RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def casework(officer):
    mine = ChildFactory(officer=officer, sen_status="ehcp", first_name="Mine")
    other = ChildFactory(sen_status="ehcp", first_name="Other")
    RequestFactory(child=mine, received=date(2025, 1, 6), final_issued=date(2025, 5, 26), status="issued")
    RequestFactory(child=other, received=date(2025, 1, 6), final_issued=date(2025, 6, 30), status="issued")
    PlanFactory(child=mine)
    return mine, other


@time_machine.travel(date(2025, 11, 1))
def test_kpi_page_shows_numerator_and_denominator(client, login, analyst, casework):
    login(client, analyst)
    html = client.get(reverse("dashboard:kpis") + "?year=2025").content.decode()
    assert "EHC plans issued within 20 weeks (including exceptions)" in html
    assert "50.0%" in html  # one of two plans on time
    assert reverse("dashboard:kpi_cases") not in html  # analysts see aggregates only


@time_machine.travel(date(2025, 11, 1))
def test_drill_down_lists_only_the_viewers_children(client, login, officer, casework):
    login(client, officer)
    url = reverse("dashboard:kpi_cases") + "?kpi=twenty_week_incl&part=denominator&year=2025"
    html = client.get(url).content.decode()
    assert "Mine" in html and "Other" not in html
    assert "2 children" in html


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SENCO, Role.PARENT])
def test_drill_down_is_for_casework_staff(client, login, make_user, role):
    login(client, make_user(role))
    assert client.get(reverse("dashboard:kpi_cases")).status_code == 403


@time_machine.travel(date(2025, 11, 1))
def test_unknown_kpi_is_not_found(client, login, officer):
    login(client, officer)
    assert client.get(reverse("dashboard:kpi_cases") + "?kpi=nope").status_code == 404


@time_machine.travel(date(2025, 11, 1))
def test_disproportionality_page(client, login, analyst, casework):
    ChildFactory(sen_status="support", sex="F")
    login(client, analyst)
    html = client.get(reverse("dashboard:disproportionality")).content.decode()
    assert "Risk ratio (95% CI)" in html and "Free school meals" in html


@time_machine.travel(date(2025, 11, 1))
def test_public_page_suppresses_small_numbers(client, casework):
    html = client.get(reverse("dashboard:public")).content.decode()
    assert "fewer than 5 (not shown)" in html  # two children with plans
    assert "Mine" not in html and "Other" not in html


@time_machine.travel(date(2025, 11, 1))
def test_forecast_splits_by_age_from_casework(client, login, analyst, casework, loaded):
    login(client, analyst)
    html = client.get(reverse("dashboard:forecast")).content.decode()
    assert "EHC plans by age in January" in html and "5 to 10" in html
    assert "2030 (forecast)" in html


@time_machine.travel(date(2025, 11, 1))
def test_kpi_page_counts_annual_reviews_due_not_held(client, login, analyst, casework):
    """The plan made 29 February 2024 was due for review by 27 February 2025 and never reviewed: one review
    due, none on time (before, with no review held, the KPI had no denominator at all)."""
    login(client, analyst)
    html = client.get(reverse("dashboard:kpis") + "?year=2025").content.decode()
    row = html[html.index("Annual reviews on time") :]
    row = row[: row.index("</tr>")]
    assert "Reviews due" in row and "0.0%" in row
    assert ">0<" in row.replace("\n", "") or "0<br>" in row


@time_machine.travel(date(2025, 11, 1))
def test_public_page_counts_plans_from_casework(client):
    for _ in range(6):
        ChildFactory(sen_status="ehcp")
    ChildFactory(sen_status="support")
    html = client.get(reverse("dashboard:public")).content.decode()
    plans = html[html.index("Children and young people with an EHC plan") :]
    assert ">6<" in plans[: plans.index("</tr>")].replace(" ", "")


@time_machine.travel(date(2025, 11, 1))
def test_kpi_page_downloads_as_csv_and_xlsx(client, login, analyst, casework):
    import io

    from openpyxl import load_workbook

    login(client, analyst)
    url = reverse("dashboard:kpis") + "?year=2025&format="
    response = client.get(url + "csv")
    assert response["Content-Disposition"] == 'attachment; filename="send-live-figures-2025.csv"'
    text = response.content.decode("utf-8-sig")
    assert "EHC plans issued within 20 weeks (including exceptions),1,2,50.0," in text
    book = load_workbook(io.BytesIO(client.get(url + "xlsx").content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert ("EHC plans issued within 20 weeks (including exceptions)", 1, 2, 50.0) in [r[:4] for r in rows]
    assert client.get(url + "pdf").status_code == 404


@time_machine.travel(date(2025, 11, 1))
def test_disproportionality_and_public_downloads(client, login, analyst, casework):
    login(client, analyst)
    text = client.get(reverse("dashboard:disproportionality") + "?format=csv").content.decode("utf-8-sig")
    assert "Sex\r\nGroup,Children on the register,With an EHC plan" in text
    public = client.get(reverse("dashboard:public") + "?format=csv").content.decode("utf-8-sig")
    assert "Children and young people with an EHC plan,fewer than 5 (not shown)" in public
    assert "Mine" not in public


@pytest.mark.parametrize("role", [Role.SENCO, Role.PARENT])
def test_kpi_download_keeps_the_page_access_rule(client, login, make_user, role):
    login(client, make_user(role))
    assert client.get(reverse("dashboard:kpis") + "?format=csv").status_code == 403
    assert client.get(reverse("dashboard:disproportionality") + "?format=xlsx").status_code == 403


@time_machine.travel(date(2025, 11, 1))
def test_kpi_page_draws_the_20_week_trend_with_its_table(client, login, analyst, casework):
    RequestFactory(received=date(2023, 1, 9), final_issued=date(2023, 5, 1), status="issued")
    login(client, analyst)
    html = client.get(reverse("dashboard:kpis") + "?year=2025").content.decode()
    chart = html[html.index('id="timeliness-trend-title"') : html.index("</svg>")]
    assert "Including exceptions, 2025 (so far): 50.0%" in chart
    assert "Including exceptions, 2023: 100.0%" in chart
    assert "Including exceptions, 2024" not in chart  # no plan issued in 2024: no point, no zero
    table = html[html.index("EHC plans issued within 20 weeks: the figures") :]
    assert "50.0% (1 of 2)" in table and "100.0% (1 of 1)" in table


@time_machine.travel(date(2025, 11, 1))
def test_public_page_sets_live_and_published_figures_side_by_side(client, loaded):
    """Issue #22: "96.1%" beside "54.6% so far" contradicted itself; each figure now says what it is, the
    period it covers and why the two differ."""
    for n in range(12):
        child = ChildFactory(sen_status="ehcp")
        issued = date(2025, 5, 19) if n < 7 else date(2025, 7, 7)  # 19 weeks; 26 weeks
        RequestFactory(child=child, received=date(2025, 1, 6), final_issued=issued, status="issued")
    html = client.get(reverse("dashboard:public")).content.decode()
    assert "<strong>published figures</strong>" in html and "<strong>up-to-date figures</strong>" in html
    pairs = html[html.index("Published and up-to-date figures side by side") :]
    twenty = pairs[pairs.index("New EHC plans issued within 20 weeks, including exceptions") :]
    twenty = twenty[: twenty.index("</tr>")]
    assert "DfE, Calendar year 2024" in twenty
    assert "Our case records, 1 January 2025 to 1 November 2025 (the year so far)" in twenty
    assert "58.3%" in twenty  # seven of twelve plans on time this year
    assert "whole calendar year" in twenty
    plans = pairs[pairs.index("EHC plans in place at January") :]
    plans = plans[: plans.index("</tr>")]
    assert "DfE, January 2025" in plans and "Our case records, on 1 November 2025" in plans
    assert "census day" in plans
    csv = client.get(reverse("dashboard:public") + "?format=csv").content.decode("utf-8-sig")
    assert "Measure,Figure,Period covered" in csv


def test_a_plan_ended_before_the_transfer_deadline_is_not_a_transfer_due():
    """Reg 18 asks for an amended plan by 15 February only of a plan still maintained then: a plan that
    ended in the autumn is not a late transfer."""
    from sendhub.dashboard.selectors.live import transfer_facts

    # Both children move into year 7 in September 2025 (born in the 2013/14 school year).
    kept, late = (
        ChildFactory.create(birth_date=date(2014, 3, 1)),
        ChildFactory.create(birth_date=date(2014, 3, 3)),
    )
    PlanFactory(child=kept, start_date=date(2020, 5, 1))
    PlanFactory(
        child=ChildFactory(birth_date=date(2014, 3, 2)),
        start_date=date(2020, 5, 1),
        status="ceased",
        ceased=date(2024, 11, 29),
        cease_reason="3",
    )
    PlanFactory(  # ended after the deadline: still a transfer that was due
        child=late,
        start_date=date(2020, 5, 1),
        status="ceased",
        ceased=date(2025, 6, 30),
        cease_reason="3",
    )
    facts = transfer_facts(years=range(2025, 2026))
    assert sorted(f.child_id for f in facts) == sorted([kept.pk, late.pk])
    assert {f.transfer.amended_plan_due for f in facts} == {date(2025, 2, 15)}
