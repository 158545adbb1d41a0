"""The package edit page: a finance officer (any package) or casework (children they may open) changes a
tuition or EOTAS package's terms; the list shows the new figures; bad input and stale forms save nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from sendhub.accounts.models import Role
from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.models import AuditEvent
from sendhub.funding.models import Package
from sendhub.funding.services import places
from sendhub.funding.tests.test_maintain import date_fields, error_summary


@pytest.fixture
def package(world: Any) -> Package:
    return places.add_package(
        child_id=ChildFactory.create(team=world.manager.team, reference="SH-0000777").pk,
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


def terms(**changes: str) -> dict[str, str]:
    data = {
        "version": "1",
        "kind": "eotas",
        "provider": "Forest School",
        "hours_per_week": "10",
        "weekly_cost": "850",
        "reason": "EOTAS named in the plan",
        **date_fields("start", 5, 1, 2026),
        **date_fields("review_date", 1, 4, 2026),
    }
    return data | changes


def row_of(page: str, reference: str) -> str:
    return page.split('id="packages"', 1)[1].split(reference, 1)[1].split("</tr>", 1)[0]


def test_finance_changes_the_weekly_cost_and_the_list_shows_it(client, login, world, package) -> None:
    login(client, world.finance)
    listing = client.get("/funding/packages/").content.decode()
    assert f'href="/funding/packages/{package.pk}/"' in row_of(listing, "SH-0000777")
    form = client.get(f"/funding/packages/{package.pk}/").content.decode()
    assert "Case SH-0000777" in form and 'value="850.00"' in form and 'value="Forest School"' in form
    response = client.post(
        f"/funding/packages/{package.pk}/",
        terms(weekly_cost="912.50", hours_per_week="12.5", **date_fields("review_date", 1, 2, 2027)),
    )
    assert response.status_code == 302
    row = row_of(client.get("/funding/packages/").content.decode(), "SH-0000777")
    assert "£912.50" in row and "12.5" in row and "1 Feb 2027" in row
    event = AuditEvent.objects.get(action="funding.package.changed")
    assert event.actor == world.finance
    assert event.data["changed"] == ["hours_per_week", "review_date", "weekly_cost"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"weekly_cost": "lots"}, "weekly_cost", "Weekly cost must be an amount of money, like 1250.00"),
        ({"weekly_cost": "-5"}, "weekly_cost", "Weekly cost must be £0 or more"),
        ({"hours_per_week": "61"}, "hours_per_week", "Hours a week must be 60 or fewer"),
        ({"provider": ""}, "provider", "Enter the provider"),
        (date_fields("review_date", 1, 12, 2025), "review_date", "The review date must be on or after"),
        (date_fields("end", 1, 1, 2026), "end", "The end date must be on or after the start date"),
        (date_fields("start", 31, 2, 2026), "start", ""),
    ],
)
def test_bad_terms_are_refused_beside_the_field_and_nothing_is_saved(
    client, login, world, package, changes: dict[str, str], field: str, message: str
) -> None:
    login(client, world.finance)
    response = client.post(f"/funding/packages/{package.pk}/", terms(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    summary = error_summary(page)
    assert message in summary and (not field or f'href="#id_{field}' in summary)
    assert page.startswith("<!DOCTYPE html>") and "<title>Error: Change the package" in page
    package.refresh_from_db()
    assert (package.weekly_cost, package.provider, package.version) == (D("850.00"), "Forest School", 1)


def test_a_stale_form_is_refused(client, login, world, package) -> None:
    login(client, world.finance)
    assert client.post(f"/funding/packages/{package.pk}/", terms(weekly_cost="900")).status_code == 302
    page = client.post(f"/funding/packages/{package.pk}/", terms(weekly_cost="1")).content.decode()
    assert "Someone else changed this record after you opened it" in error_summary(page)
    package.refresh_from_db()
    assert package.weekly_cost == D("900.00")


def test_casework_changes_only_packages_of_children_they_may_open(
    client, login, world, package, quick_user
) -> None:
    login(client, quick_user(Role.CASE_OFFICER, "elsewhere@council.test"))
    assert client.get(f"/funding/packages/{package.pk}/").status_code == 404
    assert f"/funding/packages/{package.pk}/" not in client.get("/funding/packages/").content.decode()
    login(client, world.manager)
    assert (
        client.post(f"/funding/packages/{package.pk}/", terms(provider="Woodland Learning")).status_code
        == 302
    )
    login(client, quick_user(Role.SENCO, "senco2@school.test"))
    assert client.get(f"/funding/packages/{package.pk}/").status_code == 403
    package.refresh_from_db()
    assert package.provider == "Woodland Learning"


def test_finance_ends_a_package(client, login, world, package) -> None:
    login(client, world.finance)
    response = client.post(
        f"/funding/packages/{package.pk}/end/", {"version": "1", **date_fields("end", 18, 12, 2026)}
    )
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.end == date(2026, 12, 18) and package.version == 2
