"""The finance officer's pages for the block's other commitments and the year's forecast adjustments:
what they enter reaches the High Needs Block position; bad input is refused beside the field and nothing is
saved; only finance officers get the pages."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from sendhub.accounts.models import Role
from sendhub.core.models import AuditEvent
from sendhub.funding.models import Commitment, ForecastAdjustment
from sendhub.funding.tests.test_maintain import date_fields, error_summary, line_row


def commitment(**changes: str) -> dict[str, str]:
    data = {
        "version": "0",
        "line": "ap",
        "description": "Commissioned AP places at the Camden centre",
        "amount": "1000",
        "frequency": "weekly",
        **date_fields("start", 1, 4, 2026),
    }
    return data | changes


def cells(row: str) -> list[str]:
    return [c.rsplit(">", 1)[-1] for c in row.split("</td>")[:-1]]


def test_a_new_commitment_is_listed_and_reaches_the_block(client, login, world) -> None:
    login(client, world.finance)
    assert client.post("/funding/maintain/commitments/new/?year=2026", commitment()).status_code == 302
    page = client.get("/funding/maintain/?year=2026").content.decode()
    added = Commitment.objects.get(line="ap")
    row = page.split(f'id="commitment-{added.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Commissioned AP places at the Camden centre" in row
    assert cells(row)[:5] == ["Alternative provision", "£1,000.00", "Weekly", "1 April 2026", "Open"]
    # £1,000 a week for the whole year of 365 days: 1,000 x 365 / 7 = £52,142.86 committed
    block = client.get("/funding/?year=2026").content.decode()
    assert cells(line_row(block, "ap"))[1] == "£52,142.86"
    assert AuditEvent.objects.filter(action="funding.commitment.saved", actor=world.finance).exists()


def test_ending_a_commitment_pro_rates_it(client, login, world) -> None:
    sensory = Commitment.objects.get(description="Sensory support service")
    login(client, world.finance)
    form = client.get(f"/funding/maintain/commitments/{sensory.pk}/?year=2026").content.decode()
    assert 'value="100000.00"' in form and 'name="version" value="1"' in form
    data = commitment(
        version="1",
        line="services",
        description="Sensory support service",
        amount="100000",
        frequency="annual",
        **date_fields("start", 1, 4, 2020),
        **date_fields("end", 30, 9, 2026),
    )
    assert client.post(f"/funding/maintain/commitments/{sensory.pk}/?year=2026", data).status_code == 302
    # 1 April to 30 September 2026 is 183 of the year's 365 days: 100,000 x 183 / 365 = £50,136.99
    block = client.get("/funding/?year=2026").content.decode()
    assert cells(line_row(block, "services"))[1] == "£50,136.99"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": ""}, "amount", "Enter the amount"),
        ({"amount": "12.345"}, "amount", "Amount must be in pounds and pence"),
        ({"line": ""}, "line", "Select the budget line"),
        ({"frequency": "monthly"}, "frequency_0", "Select how often it is paid"),  # the first radio
        ({"description": ""}, "description", "Enter what the commitment pays for"),
        (date_fields("end", 1, 3, 2026), "end", "The end date must be on or after the start date"),
    ],
)
def test_bad_commitments_are_refused(client, login, world, changes, field, message) -> None:
    login(client, world.finance)
    response = client.post("/funding/maintain/commitments/new/?year=2026", commitment(**changes))
    assert response.status_code == 200
    summary = error_summary(response.content.decode())
    assert message in summary and (not field or f'href="#id_{field}' in summary)
    assert Commitment.objects.count() == 1  # the world's sensory support service only


def adjustment(**changes: str) -> dict[str, str]:
    data = {
        "version": "0",
        "line": "independent",
        "amount": "-6000",
        "reason": "Two placements expected to end",
        **date_fields("from_month", 15, 1, 2027),
    }
    return data | changes


def test_a_saving_from_january_lowers_the_forecast(client, login, world) -> None:
    login(client, world.finance)
    assert client.post("/funding/maintain/adjustments/new/?year=2026", adjustment()).status_code == 302
    saved = ForecastAdjustment.objects.get(line="independent")
    page = client.get("/funding/maintain/?year=2026").content.decode()
    row = page.split(f'id="adjustment-{saved.pk}"', 1)[1].split("</tr>", 1)[0]
    assert cells(row)[:3] == ["\u2212£6,000.00", "January 2027", "Two placements expected to end"]
    # independent: committed £14,958.90 (band B £60,000, 91 days) less the £6,000 saving
    block = client.get("/funding/?year=2026").content.decode()
    assert cells(line_row(block, "independent"))[1:3] == ["£14,958.90", "£8,958.90"]
    changed = adjustment(version="1", amount="-3000")
    assert client.post(f"/funding/maintain/adjustments/{saved.pk}/?year=2026", changed).status_code == 302
    block = client.get("/funding/?year=2026").content.decode()
    assert cells(line_row(block, "independent"))[2] == "£11,958.90"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": "0"}, "amount", "Enter a change other than £0"),
        ({"amount": "a lot"}, "amount", "The change must be an amount of money"),
        (
            date_fields("from_month", 1, 4, 2027),
            "from_month",
            "The month must fall in the financial year 2026-27",
        ),
        ({"reason": ""}, "reason", "Enter the reason for the adjustment"),
    ],
)
def test_bad_adjustments_are_refused(client, login, world, changes, field, message) -> None:
    login(client, world.finance)
    response = client.post("/funding/maintain/adjustments/new/?year=2026", adjustment(**changes))
    assert response.status_code == 200
    summary = error_summary(response.content.decode())
    assert message in summary and (not field or f'href="#id_{field}' in summary)
    assert ForecastAdjustment.objects.count() == 1  # the world's services adjustment only


def test_a_stale_commitment_form_is_refused(client, login, world) -> None:
    sensory = Commitment.objects.get(description="Sensory support service")
    login(client, world.finance)
    data = commitment(version="1", line="services", description="Sensory", amount="90000", frequency="annual")
    client.post(f"/funding/maintain/commitments/{sensory.pk}/?year=2026", data)
    page = client.post(
        f"/funding/maintain/commitments/{sensory.pk}/?year=2026", data | {"amount": "1"}
    ).content.decode()
    assert "Someone else changed this record after you opened it" in error_summary(page)
    sensory.refresh_from_db()
    assert sensory.amount == D("90000.00")


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.ADMIN, Role.CASE_OFFICER])
def test_only_finance_officers_get_the_pages(client, login, make_user, world, role) -> None:
    login(client, make_user(role))
    assert client.get("/funding/maintain/commitments/new/").status_code == 403
    assert client.get("/funding/maintain/adjustments/new/?year=2026").status_code == 403
