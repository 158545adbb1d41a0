"""Structured outcomes and provision can be corrected or removed on a draft or proposal, never once issued."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sendhub.cases.models import Outcome, PlanVersion, Provision
from sendhub.cases.tests.factories import ChildFactory, PlanFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(officer):
    plan = PlanFactory.create(child=ChildFactory.create(officer=officer, team=officer.team))
    version = PlanVersion.objects.create(plan=plan, number=1, kind="draft", issued_on=date(2025, 5, 1))
    outcome = Outcome.objects.create(version=version, description="Reads simple sentences", area="")
    provision = Provision.objects.create(
        version=version, section="F", description="Phonics group", frequency="Daily", outcome=outcome
    )
    return plan, version, outcome, provision


def test_officer_changes_an_outcome_and_provision_on_the_draft(client, login, officer, draft):
    plan, _version, outcome, provision = draft
    login(client, officer)
    page = client.get(reverse("cases:plan_version_detail", args=[plan.pk, 1])).content
    assert reverse("cases:outcome_edit", args=[plan.pk, outcome.pk]).encode() in page
    url = reverse("cases:outcome_edit", args=[plan.pk, outcome.pk])
    assert b"Reads simple sentences" in client.get(url).content
    assert client.post(url, {"description": "Reads short books", "area": "education"}).status_code == 302
    outcome.refresh_from_db()
    assert (outcome.description, outcome.area) == ("Reads short books", "education")
    url = reverse("cases:provision_edit", args=[plan.pk, provision.pk])
    response = client.post(
        url,
        {
            "section": "F",
            "description": "Phonics group",
            "frequency": "3 x 30 minutes a week",
            "provider": "School",
        },
    )
    assert response.status_code == 302
    provision.refresh_from_db()
    assert provision.frequency == "3 x 30 minutes a week" and provision.outcome is None
    assert (
        AuditEvent.objects.filter(
            action__in=["cases.plan.outcome_updated", "cases.plan.provision_updated"]
        ).count()
        == 2
    )


def test_an_empty_description_is_refused(client, login, officer, draft):
    plan, _version, outcome, _provision = draft
    login(client, officer)
    response = client.post(reverse("cases:outcome_edit", args=[plan.pk, outcome.pk]), {"description": ""})
    assert b"Describe the outcome" in response.content
    outcome.refresh_from_db()
    assert outcome.description == "Reads simple sentences"


def test_removing_an_outcome_keeps_its_provision_without_the_link(client, login, officer, draft):
    plan, _version, outcome, provision = draft
    login(client, officer)
    url = reverse("cases:outcome_remove", args=[plan.pk, outcome.pk])
    assert b"Reads simple sentences" in client.get(url).content
    assert client.post(url).status_code == 302
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    provision.refresh_from_db()
    assert provision.outcome is None
    client.post(reverse("cases:provision_remove", args=[plan.pk, provision.pk]))
    assert not Provision.objects.filter(pk=provision.pk).exists()
    removed = AuditEvent.objects.get(action="cases.plan.provision_removed")
    assert "Phonics group" not in str(removed.data)  # ids and codes only: the text may name the child
    assert removed.data["provision"] == provision.pk
    outcome_event = AuditEvent.objects.get(action="cases.plan.outcome_removed")
    assert "Reads simple sentences" not in str(outcome_event.data)


def test_an_issued_version_cannot_be_changed(client, login, officer, draft):
    plan, _version, outcome, provision = draft
    PlanVersion.objects.create(plan=plan, number=2, kind="final", issued_on=date(2025, 6, 1))
    login(client, officer)
    page = client.get(reverse("cases:plan_version_detail", args=[plan.pk, 1])).content
    assert reverse("cases:outcome_edit", args=[plan.pk, outcome.pk]).encode() not in page
    response = client.post(
        reverse("cases:outcome_edit", args=[plan.pk, outcome.pk]), {"description": "Rewritten history"}
    )
    assert response.status_code == 200
    assert b"This version has been issued and cannot be changed" in response.content
    client.post(reverse("cases:provision_remove", args=[plan.pk, provision.pk]))
    outcome.refresh_from_db()
    assert outcome.description == "Reads simple sentences"
    assert Provision.objects.filter(pk=provision.pk).exists()


def test_rows_of_another_plan_are_not_reachable(client, login, officer, draft):
    _plan, _version, outcome, _provision = draft
    other = PlanFactory.create(child=ChildFactory.create(officer=officer, team=officer.team))
    login(client, officer)
    assert client.get(reverse("cases:outcome_edit", args=[other.pk, outcome.pk])).status_code == 404


@pytest.mark.parametrize(
    ("kinds", "editable"),
    [
        ([], None),
        (["draft"], 1),
        (["draft", "final"], None),
        (["draft", "final", "amendment_proposed"], 3),
        (["draft", "final", "amendment_proposed", "amended"], None),
    ],
)
def test_only_the_latest_version_can_change_and_only_before_it_is_issued(kinds, editable):
    plan = PlanFactory.create()
    for number, kind in enumerate(kinds, start=1):
        PlanVersion.objects.create(plan=plan, number=number, kind=kind, issued_on=date(2025, 5, number))
    version = plan.editable_version()
    assert (version.number if version else None) == editable
    latest = plan.latest_version()
    assert (latest.number if latest else 0) == len(kinds)
