"""Removing what was entered in error: a commitment, a forecast adjustment, a specialist provision
(finance officers) and a plan's band decision (casework). The row is kept with who, when and why; the
High Needs Block forecast no longer counts it (figures from conftest's worked example, to the penny)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from sendhub.accounts.models import Role
from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.models import AuditEvent
from sendhub.funding.models import (
    AdmissionReferral,
    Commitment,
    ForecastAdjustment,
    PlanBand,
    SpecialistProvision,
)
from sendhub.funding.services import banding
from sendhub.funding.tests.conftest import band_value
from sendhub.funding.tests.test_commitments import cells
from sendhub.funding.tests.test_maintain import error_summary, line_row


def block(client) -> str:
    return client.get("/funding/?year=2026").content.decode()


def total_forecast(page: str) -> str:
    return page.split('id="total-forecast">', 1)[1].split("<", 1)[0]


def test_removing_a_commitment_takes_it_out_of_the_forecast(client, login, world) -> None:
    sensory = Commitment.objects.get(description="Sensory support service")
    login(client, world.finance)
    before = block(client)
    assert cells(line_row(before, "services"))[1:3] == ["£100,000.00", "£112,000.00"]
    assert total_forecast(before) == "£153,673.97"
    maintain = client.get("/funding/maintain/?year=2026").content.decode()
    url = f"/funding/maintain/commitments/{sensory.pk}/remove/?year=2026"
    assert f'href="{url}"' in maintain.replace("&amp;", "&")
    form = client.get(url).content.decode()
    assert "Sensory support service" in form and "£100,000.00 annual" in form and "1 April 2020" in form
    response = client.post(url, {"version": "1", "reason": "Entered twice: the contract is in services"})
    assert response.status_code == 302
    after = block(client)
    # services: only the £12,000 adjustment is left; the total falls by exactly £100,000.00
    assert cells(line_row(after, "services"))[1:3] == ["£0.00", "£12,000.00"]
    assert total_forecast(after) == "£53,673.97"
    assert f'id="commitment-{sensory.pk}"' not in client.get("/funding/maintain/?year=2026").content.decode()
    kept = Commitment.with_removed.get(pk=sensory.pk)
    assert kept.removed_by == world.finance and kept.removal_reason.startswith("Entered twice")
    event = AuditEvent.objects.get(action="funding.commitment.removed")
    assert event.actor == world.finance
    assert client.get(url).status_code == 404  # gone from the pages


def test_a_removal_needs_a_reason_and_the_version_seen(client, login, world) -> None:
    sensory = Commitment.objects.get(description="Sensory support service")
    login(client, world.finance)
    url = f"/funding/maintain/commitments/{sensory.pk}/remove/?year=2026"
    page = client.post(url, {"version": "1", "reason": "  "}).content.decode()
    assert "Enter why it is being removed" in error_summary(page)
    page = client.post(url, {"version": "7", "reason": "Wrong"}).content.decode()
    assert "govuk-error-summary" in page
    assert Commitment.objects.filter(pk=sensory.pk).exists()
    assert total_forecast(block(client)) == "£153,673.97"


def test_removing_a_forecast_adjustment(client, login, world) -> None:
    adjustment = ForecastAdjustment.objects.get(reason="New outreach contract")
    login(client, world.finance)
    url = f"/funding/maintain/adjustments/{adjustment.pk}/remove/?year=2026"
    assert "October 2026" in client.get(url).content.decode()
    ForecastAdjustment.objects.filter(pk=adjustment.pk).update(amount=D("-500.00"))  # a saving
    assert "\u2212£500.00" in client.get(url).content.decode()  # as the maintain page writes money
    ForecastAdjustment.objects.filter(pk=adjustment.pk).update(amount=D("12000.00"))
    assert client.post(url, {"version": "1", "reason": "The contract was not signed"}).status_code == 302
    after = block(client)
    assert cells(line_row(after, "services"))[1:3] == ["£100,000.00", "£100,000.00"]
    assert total_forecast(after) == "£141,673.97"
    assert not ForecastAdjustment.objects.exists()
    assert ForecastAdjustment.with_removed.get().removal_reason == "The contract was not signed"


def test_removing_a_provision_takes_its_place_funding_out(client, login, world) -> None:
    provision = SpecialistProvision.objects.create(
        school=world.other_school,
        kind="special",
        name="Netley Special Unit",
        need="ASD",
        phase="Primary",
        commissioned_places=10,
        place_value=D("10000"),
    )
    login(client, world.finance)
    # special: the band's £9,972.60 and 10 places at £10,000 for the whole year
    assert cells(line_row(block(client), "top_up_special"))[1] == "£109,972.60"
    url = f"/funding/maintain/provisions/{provision.pk}/remove/?year=2026"
    referral = AdmissionReferral.objects.create(
        provision=provision,
        child=ChildFactory.create(),
        need="ASD",
        phase="Primary",
        referred_on=date(2026, 9, 1),
    )
    page = client.post(url, {"version": "1", "reason": "Never opened"}).content.decode()
    assert (
        "1 referral is to Netley Special Unit still waiting for the admissions panel: settle the referrals "
        "before removing the provision"
    ) in error_summary(page)
    referral.status = "withdrawn"
    referral.save()
    assert client.post(url, {"version": "1", "reason": "Never opened"}).status_code == 302
    assert cells(line_row(block(client), "top_up_special"))[1] == "£9,972.60"
    places = client.get("/funding/places/").content.decode()
    assert "Netley Special Unit" not in places.split('id="provisions"', 1)[1].split("</table>", 1)[0]
    # the school can have a special provision again
    SpecialistProvision.objects.create(
        school=world.other_school,
        kind="special",
        name="Netley Special",
        need="ASD",
        phase="Primary",
        commissioned_places=5,
    )


def test_removing_a_band_decision_entered_in_error_restores_the_band_before(client, login, world) -> None:
    plan = world.plans["mainstream"]
    wrong = banding.record_band(
        plan_id=plan.pk,
        value=band_value(world.year, "A", "mainstream"),
        start=date(2026, 10, 1),
        decided_on=date(2026, 9, 20),
        forum="EHCP panel",
        by=world.manager,
    )
    login(client, world.manager)
    # band A (£9,000) is below the £11,000 threshold: no top-up from October, so 183 days of band B's £6,000
    assert cells(line_row(block(client), "top_up_mainstream"))[1] == "£3,008.22"
    history = client.get(f"/funding/plans/{plan.pk}/band/?year=2026").content.decode()
    url = f"/funding/plans/{plan.pk}/band/{wrong.pk}/remove/?year=2026"
    assert f'href="{url}"' in history.replace("&amp;", "&")
    assert "Band A" in client.get(url).content.decode()
    assert client.post(url, {"reason": "Band A was for another child"}).status_code == 302
    assert cells(line_row(block(client), "top_up_mainstream"))[1] == "£6,000.00"
    history = client.get(f"/funding/plans/{plan.pk}/band/?year=2026").content.decode()
    row = history.split(f'id="band-{wrong.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Removed" in row and "Band A was for another child" in row
    current = PlanBand.objects.get(plan=plan)
    assert current.end is None and current.value.band.code == "B"
    assert AuditEvent.objects.filter(action="funding.band.removed", actor=world.manager).exists()


def test_who_may_remove(client, login, world, quick_user) -> None:
    sensory = Commitment.objects.get(description="Sensory support service")
    band = PlanBand.objects.get(plan=world.plans["special"])
    login(client, world.manager)
    assert client.get(f"/funding/maintain/commitments/{sensory.pk}/remove/").status_code == 403
    login(client, world.finance)
    assert client.get(f"/funding/plans/{band.plan_id}/band/{band.pk}/remove/").status_code == 403
    login(client, quick_user(Role.CASE_OFFICER, "officer@council.test"))
    assert client.get(f"/funding/plans/{band.plan_id}/band/{band.pk}/remove/").status_code == 403
