"""Banding, packages, places and capital pages show their figures; scoped access for each role."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from sendhub.accounts.models import Role
from sendhub.cases.tests.factories import ChildFactory, SchoolFactory
from sendhub.core.exceptions import SendHubError
from sendhub.funding.models import PlanBand
from sendhub.funding.services import places
from sendhub.funding.tests.conftest import band_value


def test_banding_page_shows_the_threshold_top_up_and_moderation(client, login, world) -> None:
    login(client, world.finance)
    page = client.get("/funding/banding/?year=2026").content.decode()
    assert "first £11,000.00 of a pupil" in page and "nationally £6,000.00" in page
    bands = page.split('id="bands"', 1)[1].split("</table>", 1)[0]
    row_b = bands.split(">B<", 1)[1].split("</tr>", 1)[0]
    assert "£17,000.00" in row_b and "£6,000.00" in row_b  # band and its mainstream top-up
    moderation = page.split('id="moderation"', 1)[1].split("</table>", 1)[0]
    # decided in 2026-27: the special band (10 Sep 2026) and the draft plan's band (1 Apr 2026)
    assert "£20,000.00" in moderation and "£60,000.00" in moderation and "Test team_manager" in moderation
    csv = client.get("/funding/banding/?year=2026&format=csv").content.decode("utf-8-sig")
    assert "B,Special school,Test team_manager,1,20000.00" in csv


def test_manager_records_a_band_from_the_plan(client, login, world) -> None:
    plan = world.plans["special"]
    login(client, world.manager)
    banding_page = client.get("/funding/banding/?year=2026").content.decode()
    assert f'href="/funding/plans/{plan.pk}/band/?year=2026"' in banding_page  # a plan of the manager's team
    value = band_value(world.year, "A", "mainstream")
    response = client.post(
        f"/funding/plans/{plan.pk}/band/?year=2026",
        {
            "value": str(value.pk),
            "start_0": "1",
            "start_1": "1",
            "start_2": "2027",
            "decided_on_0": "5",
            "decided_on_1": "12",
            "decided_on_2": "2026",
            "forum": "Moderation panel",
        },
    )
    assert response.status_code == 302
    assert PlanBand.objects.get(plan=plan, end__isnull=True).value == value
    page = client.get(f"/funding/plans/{plan.pk}/band/?year=2026").content.decode()
    assert "Moderation panel" in page and "31 December 2026" in page
    refused = client.post(
        f"/funding/plans/{plan.pk}/band/?year=2026",
        {
            "value": str(value.pk),
            "start_0": "1",
            "start_1": "1",
            "start_2": "2026",
            "decided_on_0": "5",
            "decided_on_1": "12",
            "decided_on_2": "2026",
            "forum": "Moderation panel",
        },
    )
    assert "a new band must start after it" in refused.content.decode()


def test_finance_may_not_band_a_plan(client, login, world) -> None:
    login(client, world.finance)
    assert "/band/" not in client.get("/funding/banding/?year=2026").content.decode()
    assert client.get(f"/funding/plans/{world.plans['special'].pk}/band/").status_code == 403


def test_packages_against_targets(client, login, world) -> None:
    places.set_target(
        kind="tuition",
        baseline_on=date(2026, 4, 1),
        reduction_percent=D("50"),
        target_on=date(2028, 3, 31),
        by=None,
    )
    for n in range(4):
        places.add_package(
            child_id=ChildFactory.create().pk,
            kind="tuition",
            provider=f"Tutor {n}",
            hours_per_week=D("5"),
            weekly_cost=D("250"),
            start=date(2026, 1, 5),
            end=date(2026, 12, 31) if n < 2 else None,
            reason="No place",
            review_date=date(2026, 2, 1),
            by=world.manager,
        )
    from sendhub.funding.selectors.places import targets

    (row,) = targets(date(2027, 2, 1))
    assert (row.baseline, row.target, row.current) == (4, 2, 3)  # 2 open + the one starting 1 Jan 2027
    assert row.achieved == D("25.0")
    login(client, world.finance)
    page = client.get("/funding/packages/").content.decode()
    assert 'id="target-tuition"' in page


def test_places_page_shows_places_vacancies_and_waiting(client, login, world) -> None:
    special = SchoolFactory.create(name="Frank Barnes Test School", setting_type="special")
    provision = places.add_provision(
        school_id=special.pk,
        kind="special",
        name="Frank Barnes Test School",
        need="HI",
        phase="Primary",
        places=10,
        place_value=D("10000"),
        by=None,
    )
    from sendhub.cases.models import Placement

    for _ in range(7):
        Placement.objects.create(child=ChildFactory.create(), school=special, start=date(2024, 9, 1))
    for _ in range(3):
        places.refer_for_place(
            provision=provision,
            child_id=ChildFactory.create().pk,
            need="HI",
            phase="Primary",
            on=date(2026, 5, 1),
            by=None,
        )
    login(client, world.manager)
    page = client.get("/funding/places/").content.decode()
    row = page.split('id="provisions"', 1)[1].split("Frank Barnes Test School", 1)[1].split("</tr>", 1)[0]
    cells = [c.split(">")[-1] for c in row.split("</td>")[:-1]]
    assert cells[-4:] == ["10", "7", "3", "3"]  # commissioned, placed, vacancies, waiting
    assert ">Hearing impairment<" in page.split('id="waiting"', 1)[1].split("</table>", 1)[0]


def test_admissions_panel_steps_in_order(client, login, world) -> None:
    special = SchoolFactory.create(name="Special Test", setting_type="special")
    provision = places.add_provision(
        school_id=special.pk,
        kind="special",
        name="Special Test",
        need="ASD",
        phase="Secondary",
        places=5,
        place_value=D("10000"),
        by=None,
    )
    referral = places.refer_for_place(
        provision=provision,
        child_id=ChildFactory.create().pk,
        need="ASD",
        phase="Secondary",
        on=date(2026, 5, 1),
        by=None,
    )
    places.move_referral(referral=referral, status="offered", on=date(2026, 6, 10), by=None)
    referral.refresh_from_db()
    with pytest.raises(SendHubError, match="cannot become agreed"):
        places.move_referral(referral=referral, status="agreed", on=date(2026, 6, 11), by=None)
    with pytest.raises(SendHubError, match="cannot be accepted before it was offered on 10 June 2026"):
        places.move_referral(referral=referral, status="accepted", on=date(2026, 6, 9), by=None)
    places.move_referral(referral=referral, status="accepted", on=date(2026, 6, 20), by=None)
    referral.refresh_from_db()
    assert (referral.status, referral.offered_on, referral.accepted_on) == (
        "accepted",
        date(2026, 6, 10),
        date(2026, 6, 20),
    )


def test_capital_register(client, login, world) -> None:
    for n in range(3):
        places.add_capital_grant(
            school_id=SchoolFactory.create().pk,
            amount=D("86000"),
            purpose="Sensory room",
            status="completed" if n == 0 else "in_delivery",
            awarded_on=date(2024, 3, 1),
            completed_on=date(2024, 12, 1) if n == 0 else None,
            places_delivered=0,
            adaptations="Sensory room" if n == 0 else "",
            by=None,
        )
    login(client, world.finance)
    page = client.get("/funding/capital/").content.decode()
    assert "£258,000.00 to 3 schools; 1 projects completed" in page
    xlsx = client.get("/funding/capital/?format=xlsx")
    assert xlsx["Content-Disposition"] == 'attachment; filename="capital-grants.xlsx"'


@pytest.mark.parametrize(
    ("role", "path", "status"),
    [
        (Role.FINANCE, "/funding/", 200),
        (Role.FINANCE, "/funding/clusters/", 200),
        (Role.FINANCE, "/funding/packages/new/", 200),  # by case reference alone
        (Role.SENCO, "/funding/", 403),
        (Role.SENCO, "/funding/clusters/", 200),
        (Role.SENCO, "/funding/packages/", 403),
        (Role.PARENT, "/funding/clusters/", 403),
        (Role.PROVIDER, "/funding/places/", 403),
        (Role.CASE_OFFICER, "/funding/packages/new/", 200),
        (Role.CASE_OFFICER, "/funding/", 403),
        (Role.ANALYST, "/funding/banding/", 403),
    ],
)
def test_key_access_decisions(client, login, make_user, world, role: str, path: str, status: int) -> None:
    login(client, make_user(role))
    assert client.get(path).status_code == status


def test_an_officer_ends_a_package_of_a_child_they_may_see(client, login, world, quick_user) -> None:
    child = ChildFactory.create(team=world.manager.team)
    package = places.add_package(
        child_id=child.pk,
        kind="eotas",
        provider="Forest School",
        hours_per_week=D("10"),
        weekly_cost=D("850"),
        start=date(2026, 1, 5),
        end=None,
        reason="EOTAS named in the plan",
        review_date=date(2026, 4, 1),
        by=world.manager,
    )
    outsider = quick_user(Role.CASE_OFFICER, "other-officer@council.test")
    login(client, outsider)
    assert client.get(f"/funding/packages/{package.pk}/end/").status_code == 404
    login(client, world.manager)
    assert f"/funding/packages/{package.pk}/end/" in client.get("/funding/packages/").content.decode()
    before = client.post(
        f"/funding/packages/{package.pk}/end/",
        {"version": "1", "end_0": "1", "end_1": "1", "end_2": "2025"},
    ).content.decode()
    assert "A package cannot end before it starts" in before
    response = client.post(
        f"/funding/packages/{package.pk}/end/",
        {"version": "1", "end_0": "31", "end_1": "3", "end_2": "2026"},
    )
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.end == date(2026, 3, 31)


def test_the_end_link_shows_only_for_children_the_user_may_open(client, login, world, quick_user) -> None:
    package = places.add_package(
        child_id=ChildFactory.create().pk,
        kind="tuition",
        provider="Tutor",
        hours_per_week=D("5"),
        weekly_cost=D("250"),
        start=date(2026, 1, 5),
        end=None,
        reason="No place",
        review_date=date(2026, 2, 1),
        by=world.manager,
    )
    login(client, quick_user(Role.CASE_OFFICER, "another-officer@council.test"))
    page = client.get("/funding/packages/").content.decode()
    assert "Tutor" in page and f"/funding/packages/{package.pk}/end/" not in page
