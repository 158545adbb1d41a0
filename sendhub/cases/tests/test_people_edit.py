"""Parents, carers and professionals can be corrected and removed; each change is audited, nothing is lost."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sendhub.accounts.models import Role
from sendhub.cases.models import ParentCarer, Professional
from sendhub.cases.tests.factories import ChildFactory, ParentFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(officer):
    return ChildFactory.create(officer=officer, team=officer.team)


def test_officer_corrects_a_parents_details(client, login, officer, child):
    parent = ParentFactory.create(child=child, email="old@example.test", contact_preference="email")
    login(client, officer)
    url = reverse("cases:parent_edit", args=[child.pk, parent.pk])
    page = client.get(url)
    assert b"old@example.test" in page.content  # the form starts from what is recorded
    response = client.post(
        url,
        {
            "name": "Pat Testparent",
            "relationship": "Mother",
            "parental_responsibility": "on",
            "email": "new@example.test",
            "contact_preference": "email",
            "language": "English",
        },
    )
    assert response.status_code == 302
    parent.refresh_from_db()
    assert (parent.email, parent.relationship) == ("new@example.test", "Mother")
    event = AuditEvent.objects.get(action="cases.parent.updated")
    assert set(event.data["fields"]) >= {"email", "relationship"}


def test_a_bad_change_is_refused_with_the_reason_and_nothing_changes(client, login, officer, child):
    parent = ParentFactory.create(child=child, email="old@example.test", contact_preference="email")
    login(client, officer)
    response = client.post(
        reverse("cases:parent_edit", args=[child.pk, parent.pk]),
        {"name": "Pat Testparent", "relationship": "Mother", "email": "", "contact_preference": "email"},
    )
    assert response.status_code == 200
    assert b"Enter an email address, or choose another way" in response.content
    parent.refresh_from_db()
    assert parent.email == "old@example.test"


def test_removing_a_parent_asks_first_and_audits_ids_only(client, login, officer, child):
    parent = ParentFactory.create(child=child, name="Sam Mistake", relationship="Uncle")
    login(client, officer)
    url = reverse("cases:parent_remove", args=[child.pk, parent.pk])
    page = client.get(url)
    assert b"Remove Sam Mistake (Uncle)" in page.content
    assert ParentCarer.objects.filter(pk=parent.pk).exists()  # a GET only asks
    assert client.post(url).status_code == 302
    assert not ParentCarer.objects.filter(pk=parent.pk).exists()
    event = AuditEvent.objects.get(action="cases.parent.removed")
    assert event.data == {"parent": parent.pk, "account": None}  # ids only: no name, email or phone
    assert "Sam Mistake" not in str(event.data) and "Uncle" not in str(event.data)


def test_a_removed_parents_portal_account_no_longer_sees_the_child(client, login, officer, child, make_user):
    account = make_user(Role.PARENT)
    parent = ParentFactory.create(child=child, user=account)
    login(client, account)
    assert client.get(child.get_absolute_url(), follow=True).status_code == 200  # their family page
    login(client, officer)
    client.post(reverse("cases:parent_remove", args=[child.pk, parent.pk]))
    login(client, account)
    assert client.get(child.get_absolute_url()).status_code in {403, 404}


def test_officer_changes_and_removes_a_professional(client, login, officer, child):
    professional = Professional.objects.create(child=child, name="Dr Jo Sample", role="Paediatrician")
    login(client, officer)
    response = client.post(
        reverse("cases:professional_edit", args=[child.pk, professional.pk]),
        {
            "name": "Dr Jo Sample",
            "role": "Community paediatrician",
            "organisation": "Trust",
            "email": "",
            "phone": "",
        },
    )
    assert response.status_code == 302
    professional.refresh_from_db()
    assert professional.role == "Community paediatrician"
    detail = client.get(child.get_absolute_url())
    assert reverse("cases:professional_remove", args=[child.pk, professional.pk]).encode() in detail.content
    client.post(reverse("cases:professional_remove", args=[child.pk, professional.pk]))
    assert not Professional.objects.filter(pk=professional.pk).exists()
    removed = AuditEvent.objects.get(action="cases.professional.removed")
    assert removed.data == {"professional": professional.pk}  # ids only: no name, email or phone


def test_records_of_another_childs_case_cannot_be_reached_through_this_child(client, login, officer, child):
    other = ParentFactory.create(child=ChildFactory.create(officer=officer, team=officer.team))
    login(client, officer)
    for name in ["cases:parent_edit", "cases:parent_remove"]:
        assert client.get(reverse(name, args=[child.pk, other.pk])).status_code == 404


def test_staff_who_may_not_edit_the_case_cannot_change_people(client, login, make_user, child):
    parent = ParentFactory.create(child=child)
    login(client, make_user(Role.SENCO))
    for name in ["cases:parent_edit", "cases:parent_remove"]:
        assert client.post(reverse(name, args=[child.pk, parent.pk])).status_code in {403, 404}
    assert ParentCarer.objects.filter(pk=parent.pk).exists()


def test_officer_ends_a_placement_and_the_timeline_says_so(client, login, officer, child):
    from sendhub.cases.models import Placement
    from sendhub.cases.tests.factories import SchoolFactory

    school = SchoolFactory.create()
    placement = Placement.objects.create(child=child, school=school, rank=1, start=date(2023, 9, 1))
    login(client, officer)
    url = reverse("cases:placement_edit", args=[child.pk, placement.pk])
    assert b"2023" in client.get(url).content  # the form starts from what is recorded
    form = {"school": school.urn, "rank": "1", "start_0": "1", "start_1": "9", "start_2": "2023"}
    bad = client.post(url, {**form, "end_0": "1", "end_1": "9", "end_2": "2022"})
    assert bad.status_code == 200  # an end before the start is refused, and nothing changes
    placement.refresh_from_db()
    assert placement.end is None
    assert client.post(url, {**form, "end_0": "18", "end_1": "7", "end_2": "2025"}).status_code == 302
    placement.refresh_from_db()
    assert placement.end == date(2025, 7, 18)
    assert child.timeline.filter(summary__startswith="Placement ended").exists()
    assert AuditEvent.objects.filter(action="cases.placement.updated").count() == 1


def test_a_placement_recorded_in_error_is_removed_after_confirmation(client, login, officer, child):
    from sendhub.cases.models import Placement

    placement = Placement.objects.create(child=child, sen_setting="EHE", rank=1, start=date(2024, 1, 8))
    login(client, officer)
    url = reverse("cases:placement_remove", args=[child.pk, placement.pk])
    assert b"recorded in error" in client.get(url).content
    assert Placement.objects.filter(pk=placement.pk).exists()
    client.post(url)
    assert not Placement.objects.filter(pk=placement.pk).exists()
    assert AuditEvent.objects.get(action="cases.placement.removed").data["removed"]["start"] == "2024-01-08"
