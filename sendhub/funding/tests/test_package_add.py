"""A finance officer adds a tuition or EOTAS package by the child's case reference alone: the page and
the list show the reference, never the child's name; an unknown reference is refused beside the field
and nothing is saved. Casework still adds only for children they may open."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D

from django.utils import timezone

from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.models import AuditEvent
from sendhub.funding.models import Package
from sendhub.funding.tests.test_maintain import date_fields, error_summary


def package(reference: str) -> dict[str, str]:
    start = timezone.localdate() - timedelta(days=3)  # live today, so the list shows it
    review = start + timedelta(days=60)
    return {
        "child": reference,
        "kind": "eotas",
        "provider": "Camden Learning Centre",
        "hours_per_week": "12.5",
        "weekly_cost": "640",
        "reason": "Education otherwise than at school in the plan",
        **date_fields("start", start.day, start.month, start.year),
        **date_fields("review_date", review.day, review.month, review.year),
    }


def test_finance_adds_a_package_by_case_reference(client, login, world) -> None:
    child = ChildFactory.create(first_name="Morgan", last_name="Privatename")
    login(client, world.finance)
    listing = client.get("/funding/packages/").content.decode()
    assert 'href="/funding/packages/new/"' in listing
    form = client.get("/funding/packages/new/").content.decode()
    assert "the funding pages show only the reference" in form
    response = client.post("/funding/packages/new/", package(f" {child.reference.lower()} "), follow=True)
    page = response.content.decode()
    assert f"The package for {child.reference} is added" in page
    added = Package.objects.get(provider="Camden Learning Centre")
    assert added.child_id == child.pk and added.created_by == world.finance
    assert added.weekly_cost == D("640.00") and added.hours_per_week == D("12.5")
    row = page.split("Camden Learning Centre", 1)[0].rsplit("<tr", 1)[1]
    assert child.reference in row and "Education otherwise than at school (EOTAS)" in row
    assert "Privatename" not in page and "Morgan" not in page
    assert AuditEvent.objects.filter(action="funding.package.added", actor=world.finance).exists()


def test_an_unknown_reference_is_refused_and_nothing_is_saved(client, login, world) -> None:
    login(client, world.finance)
    before = Package.objects.count()
    page = client.post("/funding/packages/new/", package("SH-9999999")).content.decode()
    assert (
        "No child has this case reference: enter it as it appears on the case, like SH-0000123"
        in error_summary(page)
    )
    assert 'href="#id_child"' in page
    assert Package.objects.count() == before
    page = client.post("/funding/packages/new/", package("")).content.decode()
    assert "Enter the child&#x27;s case reference" in error_summary(page)


def test_casework_still_adds_only_for_children_they_may_open(client, login, world) -> None:
    stranger = ChildFactory.create()
    login(client, world.manager)  # team manager: their team's children; this child is in none
    page = client.post("/funding/packages/new/", package(stranger.reference)).content.decode()
    assert "Enter the case reference of a child on your caseload, like SH-0000123" in error_summary(page)
    assert not Package.objects.filter(child=stranger).exists()
