"""The finance officer's edit pages: the figures they change reach the funding pages; bad input is refused
with a clear error and nothing saved; a stale form is refused; only finance officers get the pages."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from sendhub.cases.tests.factories import SchoolFactory
from sendhub.core.models import AuditEvent
from sendhub.funding.models import (
    BandValue,
    BudgetLine,
    CapitalGrant,
    Cluster,
    FundingYear,
    ReductionTarget,
    SpecialistProvision,
)
from sendhub.funding.tests.conftest import band_value


def date_fields(name: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


def error_summary(page: str) -> str:
    assert "govuk-error-summary" in page, "expected an error summary"
    return page.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]


def line_row(page: str, line: str) -> str:
    return page.split(f'id="line-{line}"', 1)[1].split("</tr>", 1)[0]


def test_finance_sees_what_the_year_holds(client, login, world) -> None:
    login(client, world.finance)
    page = client.get("/funding/maintain/?year=2026").content.decode()
    assert '<dd class="govuk-summary-list__value" id="threshold">£11,000.00</dd>' in page
    assert '<dd class="govuk-summary-list__value" id="allocation">£140,000.00</dd>' in page
    mainstream = page.split('id="budget-top_up_mainstream"', 1)[1].split("</tr>", 1)[0]
    assert "£5,000.00" in mainstream
    assert "Not set" in page.split('id="budget-ap"', 1)[1].split("</tr>", 1)[0]
    clusters = page.split('id="clusters"', 1)[1].split("</table>", 1)[0]
    assert "Kentish Town cluster" in clusters and "£50,000.00" in clusters and "Test senco" in clusters
    bands = page.split('id="bands"', 1)[1].split("</table>", 1)[0]
    assert "£17,000.00" in bands and "£60,000.00" in bands
    home = client.get("/funding/?year=2026").content.decode()
    assert 'href="/funding/maintain/"' in home  # linked from the funding pages' navigation


def test_a_new_threshold_changes_the_mainstream_top_up_on_the_block(client, login, world) -> None:
    login(client, world.finance)
    form = client.get("/funding/maintain/year/?year=2026").content.decode()
    assert 'value="11000.00"' in form and 'name="version" value="1"' in form
    response = client.post(
        "/funding/maintain/year/?year=2026",
        {"version": "1", "notional_threshold": "12000", "allocation": "150000", "eng_children_target": "288"},
    )
    assert response.status_code == 302
    assert FundingYear.objects.get(start_year=2026).eng_children_target == 288
    page = client.get("/funding/?year=2026").content.decode()
    # band B £17,000 - £12,000 = £5,000 for the whole year
    assert "£5,000.00" in line_row(page, "top_up_mainstream")
    assert "High Needs Block allocation: £150,000.00" in page
    assert AuditEvent.objects.filter(action="funding.year.set", actor=world.finance).exists()


def test_a_stale_form_is_refused_and_nothing_is_saved(client, login, world) -> None:
    login(client, world.finance)
    client.post(
        "/funding/maintain/year/?year=2026",
        {"version": "1", "notional_threshold": "12000", "allocation": "150000"},
    )
    page = client.post(
        "/funding/maintain/year/?year=2026",
        {"version": "1", "notional_threshold": "6000", "allocation": "1"},
    ).content.decode()
    assert "Someone else changed this record after you opened it" in error_summary(page)
    assert FundingYear.objects.get(start_year=2026).notional_threshold == D("12000")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"notional_threshold": "", "allocation": "1"}, "Enter the notional SEN threshold"),
        ({"notional_threshold": "eleven", "allocation": "1"}, "must be an amount of money, like 1250.00"),
        ({"notional_threshold": "-1", "allocation": "1"}, "Notional SEN threshold must be £0 or more"),
        ({"notional_threshold": "1.234", "allocation": "1"}, "must be in pounds and pence"),
        ({"notional_threshold": "1", "allocation": "1", "eng_children_target": "-3"}, "cannot be negative"),
    ],
)
def test_bad_threshold_is_refused(client, login, world, data: dict[str, str], message: str) -> None:
    login(client, world.finance)
    response = client.post("/funding/maintain/year/?year=2026", {"version": "1", **data})
    assert response.status_code == 200
    assert message in error_summary(response.content.decode())
    assert FundingYear.objects.get(start_year=2026).notional_threshold == D("11000")


def test_a_new_year_is_added_from_the_page(client, login, world) -> None:
    login(client, world.finance)
    page = client.get("/funding/maintain/?year=2027").content.decode()
    assert "There is no High Needs Block for 2027 yet" in page
    client.post(
        "/funding/maintain/year/?year=2027",
        {"version": "0", "notional_threshold": "11000", "allocation": "0"},
    )
    assert FundingYear.objects.get(start_year=2027).notional_threshold == D("11000")


def test_budget_lines_set_and_changed_reach_the_block(client, login, world) -> None:
    login(client, world.finance)
    assert (
        client.post("/funding/maintain/lines/ap/?year=2026", {"version": "0", "amount": "2500"}).status_code
        == 302
    )
    line = BudgetLine.objects.get(year=world.year, line="top_up_mainstream")
    client.post(
        "/funding/maintain/lines/top_up_mainstream/?year=2026",
        {"version": str(line.version), "amount": "7000"},
    )
    page = client.get("/funding/?year=2026").content.decode()
    assert "£2,500.00" in line_row(page, "ap")
    assert "£7,000.00" in line_row(page, "top_up_mainstream")
    # 5,000 + 10,000 + 20,000 + 2,000 + 8,000 + 100,000 with mainstream at 7,000 and AP 2,500
    assert '<p class="govuk-heading-m" id="total-budget">£149,500.00</p>' in page


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Enter the budget for the line"),
        ("lots", "Budget must be an amount of money"),
        ("-5", "£0 or more"),
    ],
)
def test_bad_budget_is_refused(client, login, world, amount: str, message: str) -> None:
    login(client, world.finance)
    page = client.post(
        "/funding/maintain/lines/ap/?year=2026", {"version": "0", "amount": amount}
    ).content.decode()
    assert message in error_summary(page)
    assert not BudgetLine.objects.filter(year=world.year, line="ap").exists()


def test_unknown_line_or_version_tampering(client, login, world) -> None:
    login(client, world.finance)
    assert client.get("/funding/maintain/lines/nonsense/?year=2026").status_code == 404
    assert client.get("/funding/maintain/lines/ap/?year=1999").status_code == 404
    page = client.post(
        "/funding/maintain/lines/ap/?year=2026", {"version": "x", "amount": "1"}
    ).content.decode()
    assert "govuk-error-summary" in page
    assert not BudgetLine.objects.filter(year=world.year, line="ap").exists()


def cluster_data(world: Any, **extra: Any) -> dict[str, Any]:
    return {
        "version": "0",
        "name": "Camden Town cluster",
        "schools": [str(world.school.pk), str(world.other_school.pk)],
        "lead_school": str(world.other_school.pk),
        "leads": [str(world.lead.pk)],
        "budget": "40000",
    } | extra


def test_finance_adds_a_cluster_with_members_lead_and_budget(client, login, world) -> None:
    login(client, world.finance)
    assert client.post("/funding/maintain/clusters/new/?year=2026", cluster_data(world)).status_code == 302
    cluster = Cluster.objects.get(name="Camden Town cluster")
    assert set(cluster.schools.all()) == {world.school, world.other_school}
    assert list(cluster.leads.all()) == [world.lead]
    page = client.get("/funding/clusters/?year=2026").content.decode()
    row = page.split("Camden Town cluster", 1)[1].split("</tr>", 1)[0]
    assert "£40,000.00" in row
    # change it: the budget for the year and one school fewer
    data = cluster_data(
        world, version=str(cluster.version), schools=[str(world.other_school.pk)], budget="45000"
    )
    assert client.post(f"/funding/maintain/clusters/{cluster.pk}/?year=2026", data).status_code == 302
    page = client.get("/funding/maintain/?year=2026").content.decode()
    row = page.split("Camden Town cluster", 1)[1].split("</tr>", 1)[0]
    assert "£45,000.00" in row and ">1<" in row


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"name": ""}, "Enter the cluster&#x27;s name"),
        ({"schools": []}, "Select the cluster&#x27;s schools"),
        ({"lead_school": ""}, "Select the lead school"),
        ({"budget": "abc"}, "Budget for the year must be an amount of money"),
        ({"name": "kentish town cluster"}, "There is already a cluster called"),
        ({"schools": "999999"}, "Member schools: select from the list"),
    ],
)
def test_bad_cluster_is_refused(client, login, world, extra: dict[str, Any], message: str) -> None:
    login(client, world.finance)
    page = client.post(
        "/funding/maintain/clusters/new/?year=2026", cluster_data(world, **extra)
    ).content.decode()
    assert message in error_summary(page)
    assert Cluster.objects.count() == 1


def test_the_lead_school_must_be_a_member(client, login, world) -> None:
    login(client, world.finance)
    other = SchoolFactory.create(name="Outside Primary")
    page = client.post(
        "/funding/maintain/clusters/new/?year=2026", cluster_data(world, lead_school=str(other.pk))
    ).content.decode()
    assert "The lead school must be one of the cluster&#x27;s schools" in error_summary(page)
    assert Cluster.objects.count() == 1


def band_data(**extra: Any) -> dict[str, Any]:
    return {
        "version": "0",
        "code": "C",
        "descriptor": "Complex needs",
        "order": "3",
        "value_mainstream": "",
        "value_arp": "",
        "value_special": "30000",
        "value_post_16": "",
        "value_independent": "",
    } | extra


def test_finance_adds_and_changes_a_band(client, login, world) -> None:
    login(client, world.finance)
    assert client.post("/funding/maintain/bands/new/?year=2026", band_data()).status_code == 302
    page = client.get("/funding/banding/?year=2026").content.decode()
    bands = page.split('id="bands"', 1)[1].split("</table>", 1)[0]
    assert "Complex needs" in bands and "£30,000.00" in bands
    value = band_value(world.year, "B", "mainstream")
    band = value.band
    data = band_data(
        version=str(band.version),
        code="B",
        descriptor=band.descriptor,
        value_mainstream="18000",
        value_special="20000",
        value_independent="60000",
    )
    assert client.post(f"/funding/maintain/bands/{band.pk}/?year=2026", data).status_code == 302
    block = client.get("/funding/?year=2026").content.decode()
    assert "£7,000.00" in line_row(block, "top_up_mainstream")  # £18,000 - £11,000


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"code": ""}, "Enter the band&#x27;s code"),
        ({"code": "B!"}, "The code must be up to 10 letters or digits"),
        ({"code": "b"}, "Band B is already in the 2026-27 framework"),
        ({"value_special": ""}, "Enter the band&#x27;s value for at least one type of setting"),
        ({"value_special": "-1"}, "£0 or more"),
        ({"order": "first"}, "The position must be a whole number"),
    ],
)
def test_bad_band_is_refused(client, login, world, extra: dict[str, Any], message: str) -> None:
    login(client, world.finance)
    before = BandValue.objects.count()
    page = client.post("/funding/maintain/bands/new/?year=2026", band_data(**extra)).content.decode()
    assert message in error_summary(page)
    assert BandValue.objects.count() == before


def test_a_band_value_held_by_plans_cannot_be_removed(client, login, world) -> None:
    login(client, world.finance)
    band = band_value(world.year, "B", "special").band
    data = band_data(
        version=str(band.version),
        code="B",
        value_mainstream="17000",
        value_special="",
        value_independent="60000",
    )
    page = client.post(f"/funding/maintain/bands/{band.pk}/?year=2026", data).content.decode()
    assert "held by plans: give it a value" in error_summary(page)
    assert band_value(world.year, "B", "special").annual_value == D("20000")


def provision_data(world: Any, **extra: Any) -> dict[str, Any]:
    return {
        "version": "0",
        "school": str(world.school.pk),
        "kind": "arp",
        "name": "Rhyl language base",
        "need": "slcn",
        "phase": "Primary",
        "commissioned_places": "12",
        "place_value": "10000",
    } | extra


def test_finance_adds_a_specialist_provision_seen_on_places(client, login, world) -> None:
    login(client, world.finance)
    assert client.post("/funding/maintain/provisions/new/", provision_data(world)).status_code == 302
    provision = SpecialistProvision.objects.get()
    assert provision.need == "SLCN"
    page = client.get("/funding/places/").content.decode()
    row = page.split("Rhyl language base", 1)[1].split("</tr>", 1)[0]
    assert ">12<" in row
    data = provision_data(world, version=str(provision.version), commissioned_places="16")
    client.post(f"/funding/maintain/provisions/{provision.pk}/", data)
    page = client.get("/funding/places/").content.decode()
    assert ">16<" in page.split("Rhyl language base", 1)[1].split("</tr>", 1)[0]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"school": ""}, "Select the school"),
        ({"kind": ""}, "Select the kind of provision"),
        ({"need": "autism"}, "Enter a SEN2 need code, like ASD"),
        ({"commissioned_places": "-2"}, "Commissioned places cannot be negative"),
        ({"place_value": "ten"}, "Annual place funding must be an amount of money"),
    ],
)
def test_bad_provision_is_refused(client, login, world, extra: dict[str, Any], message: str) -> None:
    login(client, world.finance)
    page = client.post("/funding/maintain/provisions/new/", provision_data(world, **extra)).content.decode()
    assert message in error_summary(page)
    assert not SpecialistProvision.objects.exists()


def test_a_second_provision_of_the_same_kind_is_refused(client, login, world) -> None:
    login(client, world.finance)
    client.post("/funding/maintain/provisions/new/", provision_data(world))
    page = client.post(
        "/funding/maintain/provisions/new/", provision_data(world, name="Another")
    ).content.decode()
    assert "This school already has a provision of that kind" in error_summary(page)
    assert SpecialistProvision.objects.count() == 1


def target_data(**extra: Any) -> dict[str, Any]:
    return (
        {"version": "0", "reduction_percent": "50"}
        | date_fields("baseline_on", 1, 4, 2024)
        | date_fields("target_on", 31, 3, 2028)
        | extra
    )


def test_finance_sets_the_tuition_target_seen_on_packages(client, login, world) -> None:
    login(client, world.finance)
    assert client.post("/funding/maintain/targets/tuition/", target_data()).status_code == 302
    page = client.get("/funding/maintain/").content.decode()
    assert "Down 50.0% from 1 April 2024 by 31 March 2028" in page.split('id="targets"', 1)[1]
    target = ReductionTarget.objects.get(kind="tuition")
    assert target.reduction_percent == D("50")
    assert client.get("/funding/maintain/targets/nothing/").status_code == 404


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"reduction_percent": "150"}, "The reduction must be 100% or less"),
        ({"reduction_percent": "half"}, "The reduction must be a number, like 50"),
        (date_fields("target_on", 1, 4, 2023), "The target date must be after the baseline date"),
        (date_fields("baseline_on", 31, 2, 2024), "The baseline date must be a real date"),
    ],
)
def test_bad_target_is_refused(client, login, world, extra: dict[str, Any], message: str) -> None:
    login(client, world.finance)
    page = client.post("/funding/maintain/targets/eotas/", target_data(**extra)).content.decode()
    assert message in error_summary(page)
    assert not ReductionTarget.objects.exists()


def capital_data(world: Any, **extra: Any) -> dict[str, Any]:
    return (
        {
            "version": "0",
            "school": str(world.school.pk),
            "amount": "85000",
            "purpose": "Sensory room",
            "status": "agreed",
            "places_delivered": "0",
            "adaptations": "",
        }
        | date_fields("awarded_on", 1, 5, 2026)
        | {"completed_on_0": "", "completed_on_1": "", "completed_on_2": ""}
        | extra
    )


def test_finance_adds_and_completes_a_capital_grant(client, login, world) -> None:
    login(client, world.finance)
    assert client.post("/funding/maintain/capital/new/", capital_data(world)).status_code == 302
    grant = CapitalGrant.objects.get()
    data = capital_data(
        world, version=str(grant.version), status="completed", places_delivered="8", adaptations="Hoist"
    ) | date_fields("completed_on", 1, 9, 2026)
    assert client.post(f"/funding/maintain/capital/{grant.pk}/", data).status_code == 302
    page = client.get("/funding/capital/").content.decode()
    assert "£85,000.00 to 1 schools; 1 projects completed; 8 places delivered." in page
    assert "Completed (1 Sep 2026)" in page


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"amount": "0"}, "The amount must be more than £0"),
        ({"purpose": ""}, "Enter the purpose of the grant"),
        ({"status": "completed"}, "Enter the date the project was completed"),
        (
            date_fields("completed_on", 1, 1, 2026),
            "The project cannot be completed before the grant was awarded",
        ),
        ({"places_delivered": "many"}, "Places delivered must be a whole number"),
    ],
)
def test_bad_capital_grant_is_refused(client, login, world, extra: dict[str, Any], message: str) -> None:
    login(client, world.finance)
    page = client.post("/funding/maintain/capital/new/", capital_data(world, **extra)).content.decode()
    assert message in error_summary(page)
    assert not CapitalGrant.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/funding/maintain/",
        "/funding/maintain/year/",
        "/funding/maintain/lines/ap/?year=2026",
        "/funding/maintain/clusters/new/",
        "/funding/maintain/bands/new/?year=2026",
        "/funding/maintain/provisions/new/",
        "/funding/maintain/targets/tuition/",
        "/funding/maintain/capital/new/",
    ],
)
def test_only_finance_officers_maintain_funding(client, login, world, path: str) -> None:
    for user in (world.manager, world.senco, world.lead):
        login(client, user)
        assert client.get(path).status_code == 403
    login(client, world.finance)
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("percent", "message"),
    [("-150", "The change cannot be below -100%"), ("600", "The change must be 500% or less")],
)
def test_a_scenario_out_of_range_is_a_clear_error_not_a_500(
    client, login, world, percent: str, message: str
) -> None:
    # The limit messages carry a percent sign, which Django's %-formatting of the message once broke.
    login(client, world.finance)
    response = client.post(
        "/funding/scenarios/new/?year=2026", {"name": "Big", "line": "independent", "percent": percent}
    )
    assert response.status_code == 200
    assert message in error_summary(response.content.decode())
