"""The SEND admissions panel's pages: a team manager schedules a meeting, refers a child for a special school
or ARP place, and records the panel's decision, the offer and the acceptance; the places page shows each;
bad input is refused beside the field and nothing is saved; finance officers see but do not record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from sendhub.accounts.models import Role
from sendhub.cases.tests.factories import ChildFactory, SchoolFactory
from sendhub.core.models import AuditEvent
from sendhub.funding.models import AdmissionReferral, AdmissionsPanel, SpecialistProvision
from sendhub.funding.services import places
from sendhub.funding.tests.test_maintain import date_fields, error_summary


@pytest.fixture
def provision(world: Any) -> SpecialistProvision:
    return places.add_provision(
        school_id=SchoolFactory.create(name="Swiss Cottage Test School", setting_type="special").pk,
        kind="special",
        name="Swiss Cottage Test School",
        need="ASD",
        phase="Secondary",
        places=20,
        place_value=D("10000"),
        by=None,
    )


@pytest.fixture
def child(world: Any) -> Any:
    return ChildFactory.create(team=world.manager.team, reference="SH-0000555")


def referral_form(provision: SpecialistProvision, /, **changes: str) -> dict[str, str]:
    data = {
        "child": "SH-0000555",
        "provision": str(provision.pk),
        "need": "ASD",
        "phase": "Secondary",
        "panel": "",
        **date_fields("referred_on", 1, 12, 2026),
    }
    return data | changes


def table(page: str, table_id: str) -> str:
    return page.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]


def test_a_manager_schedules_a_meeting_and_refers_a_child_to_it(
    client, login, world, provision, child
) -> None:
    login(client, world.manager)
    places_page = client.get("/funding/places/").content.decode()
    assert 'href="/funding/admissions/panels/new/"' in places_page
    assert 'href="/funding/referrals/new/"' in places_page
    response = client.post("/funding/admissions/panels/new/", date_fields("meets_on", 14, 1, 2027))
    assert response.status_code == 302
    response = client.post("/funding/referrals/new/", referral_form(provision))
    assert response.status_code == 302
    page = client.get("/funding/places/").content.decode()
    panels = table(page, "panels")
    assert "14 January 2027" in panels
    referral = AdmissionReferral.objects.get()
    row = table(page, "referrals").split(f'id="referral-{referral.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "SH-0000555" in row and "Swiss Cottage Test School" in row
    assert "1 December 2026" in row and "14 January 2027" in row and "Referred" in row
    assert f'href="/funding/referrals/{referral.pk}/"' in row
    assert ">Autistic spectrum disorder<" in table(page, "waiting")
    assert AuditEvent.objects.filter(action="funding.admissions_panel.scheduled").exists()
    assert AuditEvent.objects.get(action="funding.admission.referred").data["panel"] == referral.panel_id


def test_a_second_meeting_on_the_same_day_is_refused(client, login, world) -> None:
    login(client, world.manager)
    client.post("/funding/admissions/panels/new/", date_fields("meets_on", 14, 1, 2027))
    page = client.post(
        "/funding/admissions/panels/new/", date_fields("meets_on", 14, 1, 2027)
    ).content.decode()
    assert "The admissions panel already meets on 14 January 2027" in error_summary(page)
    assert 'href="#id_meets_on' in error_summary(page)
    assert AdmissionsPanel.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"child": "SH-9999999"}, "child", "Enter the case reference of a child you may open"),
        ({"child": ""}, "child", "Enter the child&#x27;s case reference"),
        ({"need": ""}, "need", "Select the child&#x27;s primary need"),
        ({"phase": "Year 7"}, "phase", "Select a valid choice"),
        ({"provision": ""}, "provision", "Select the special school or resourced provision"),
        (date_fields("referred_on", 1, 13, 2026), "referred_on", ""),
    ],
)
def test_bad_referrals_are_refused(client, login, world, provision, child, changes, field, message) -> None:
    login(client, world.manager)
    response = client.post("/funding/referrals/new/", referral_form(provision, **changes))
    assert response.status_code == 200
    summary = error_summary(response.content.decode())
    assert message in summary and (not field or f'href="#id_{field}' in summary)
    assert not AdmissionReferral.objects.exists()


def test_a_referral_cannot_be_listed_at_a_meeting_before_it(client, login, world, provision, child) -> None:
    early = places.schedule_admissions_panel(meets_on=date(2026, 11, 20), by=None)
    login(client, world.manager)
    page = client.post(
        "/funding/referrals/new/", referral_form(provision, panel=str(early.pk))
    ).content.decode()
    assert "The panel on 20 November 2026 meets before the referral" in error_summary(page)
    assert not AdmissionReferral.objects.exists()


def test_the_panel_agrees_offers_and_the_family_accepts(client, login, world, provision, child) -> None:
    referral = places.refer_for_place(
        provision=provision, child_id=child.pk, need="ASD", phase="Secondary", on=date(2026, 11, 2), by=None
    )
    login(client, world.manager)
    url = f"/funding/referrals/{referral.pk}/"
    form = client.get(url).content.decode()
    assert "Case SH-0000555: Swiss Cottage Test School" in form and "2 November 2026" in form
    assert 'value="accepted"' not in form  # a place is offered before it can be accepted
    steps = [
        ("agreed", (10, 11, 2026), "Agreed: waiting for a place"),
        ("offered", (20, 11, 2026), "Place offered, offered 20 November 2026"),
        ("accepted", (27, 11, 2026), "Place offered, offered 20 November 2026"),
    ]
    for n, (status, (d, m, y), _shown) in enumerate(steps, start=1):
        response = client.post(url, {"version": str(n), "status": status, **date_fields("on", d, m, y)})
        assert response.status_code == 302, status
    page = client.get("/funding/places/").content.decode()
    row = table(page, "referrals").split(f'id="referral-{referral.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Place accepted, offered 20 November 2026, accepted 27 November 2026" in row
    assert url not in row  # decided: nothing left to record
    assert "there is no step left to record" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"status": "accepted", **date_fields("on", 5, 11, 2026)}, "status_0", "Select what has happened"),
        ({"status": "", **date_fields("on", 5, 11, 2026)}, "status_0", "Select what has happened"),
        (
            {"status": "agreed", **date_fields("on", 1, 11, 2026)},
            "on",
            "The date cannot be before the referral on 2 November 2026",
        ),
        ({"status": "agreed"}, "on", "Enter the date"),
    ],
)
def test_bad_steps_are_refused(client, login, world, provision, child, data, field, message) -> None:
    referral = places.refer_for_place(
        provision=provision, child_id=child.pk, need="ASD", phase="Secondary", on=date(2026, 11, 2), by=None
    )
    login(client, world.manager)
    response = client.post(f"/funding/referrals/{referral.pk}/", {"version": "1", **data})
    assert response.status_code == 200
    summary = error_summary(response.content.decode())
    assert message in summary and (not field or f'href="#id_{field}' in summary)
    referral.refresh_from_db()
    assert (referral.status, referral.version) == ("referred", 1)


def test_who_records_the_panel(client, login, world, provision, child, quick_user) -> None:
    referral = places.refer_for_place(
        provision=provision, child_id=child.pk, need="ASD", phase="Secondary", on=date(2026, 11, 2), by=None
    )
    login(client, world.finance)  # sees the places and referrals, records nothing
    page = client.get("/funding/places/").content.decode()
    assert "SH-0000555" in table(page, "referrals") and 'href="/funding/referrals/new/"' not in page
    for path in (
        "/funding/referrals/new/",
        "/funding/admissions/panels/new/",
        f"/funding/referrals/{referral.pk}/",
    ):
        assert client.get(path).status_code == 403
    other_team = quick_user(Role.TEAM_MANAGER, "other-manager@council.test")
    login(client, other_team)
    assert client.get(f"/funding/referrals/{referral.pk}/").status_code == 404
