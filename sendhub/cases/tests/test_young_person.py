"""A young person (CFA 2014 s.83(2)) holds the account for their own record: staff invite them (the child's
page or `sendhub invite --role young_person --child REF`), refused while they are still a child; once linked
they see their own record where a parent would, and nobody else's."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from sendhub.accounts.models import Role, User
from sendhub.cases.models import Child
from sendhub.cases.tests.factories import ChildFactory, ParentFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel("2026-12-07 10:00:00+00:00", tick=False):
        yield


@pytest.fixture
def sam(officer):
    return ChildFactory.create(
        first_name="Sam",
        last_name="Okafor",
        birth_date=date(2009, 12, 25),
        officer=officer,
        team=officer.team,
    )


@pytest.fixture
def younger(officer):
    return ChildFactory.create(
        first_name="Lily",
        last_name="Okafor",
        birth_date=date(2011, 1, 10),
        officer=officer,
        team=officer.team,
    )


def invite(client, child, email="sam@example.test"):
    return client.post(
        reverse("cases:young_person_invite", args=[child.pk]), {"full_name": "Sam Okafor", "email": email}
    )


def test_officer_invites_a_young_person_from_their_record(client, login, officer, sam):
    login(client, officer)
    page = client.get(reverse("cases:child_detail", args=[sam.pk])).content.decode()
    assert "Invite Sam to their own account" in page
    response = invite(client, sam)
    assert response.status_code == 302
    user = User.objects.get(email="sam@example.test")
    assert (user.role, Child.objects.get(pk=sam.pk).account) == (Role.YOUNG_PERSON, user)
    assert not user.has_usable_password() and not user.is_professional
    [message] = mail.outbox
    assert message.to == ["sam@example.test"] and sam.reference not in message.body
    assert AuditEvent.objects.filter(action="cases.young_person.account_linked", actor=officer).exists()
    page = client.get(reverse("cases:child_detail", args=[sam.pk])).content.decode()
    assert "has their own account as a young person (sam@example.test)" in page


def test_under_16_is_refused_with_the_reason_and_nothing_is_made(client, login, officer, younger):
    login(client, officer)
    page = client.get(reverse("cases:child_detail", args=[younger.pk])).content.decode()
    assert "to their own account" not in page
    response = invite(client, younger)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Lily Okafor cannot have their own account yet" in text
    assert "Under 16" in text and "26 June 2027" in text and "s.83(2)" in text
    assert not User.objects.filter(email="sam@example.test").exists() and not mail.outbox


def test_a_record_has_one_account_and_an_address_one_person(client, login, officer, sam, parent):
    login(client, officer)
    assert "already exists" in invite(client, sam, email=parent.email).content.decode()
    assert invite(client, sam).status_code == 302
    assert "already has its own account" in invite(client, sam, email="other@example.test").content.decode()
    assert User.objects.filter(role=Role.YOUNG_PERSON).count() == 1


def test_young_person_sees_their_own_record_and_not_anothers(client, login, officer, sam, younger):
    login(client, officer)
    invite(client, sam)
    user = User.objects.get(email="sam@example.test")
    login(client, user)
    own = client.get(reverse("cases:child_detail", args=[sam.pk]), follow=True)
    assert own.redirect_chain == [(reverse("portal:child", args=[sam.pk]), 302)]
    assert "Sam Okafor" in own.content.decode()
    assert client.get(reverse("cases:document_list", args=[sam.pk])).status_code == 302
    assert client.get(reverse("cases:child_detail", args=[younger.pk])).status_code == 404
    assert client.get(reverse("cases:child_edit", args=[sam.pk])).status_code == 403
    assert client.get(reverse("cases:young_person_invite", args=[sam.pk])).status_code == 403


def test_parent_of_a_young_person_keeps_what_the_record_gives_and_others_see_nothing(
    client, login, officer, sam, parent, make_user
):
    ParentFactory.create(child=sam, user=parent)
    login(client, officer)
    invite(client, sam)
    login(client, parent)
    assert client.get(reverse("cases:child_detail", args=[sam.pk])).status_code == 302  # their family page
    other_young_person = make_user(Role.YOUNG_PERSON, "someone@example.test")
    login(client, other_young_person)
    assert client.get(reverse("cases:child_detail", args=[sam.pk])).status_code == 404
    assert list(Child.objects.visible_to(other_young_person)) == []


def test_staff_user_form_sends_young_people_to_their_record(client, login, admin_user):
    login(client, admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {"full_name": "Sam Okafor", "email": "sam@example.test", "role": Role.YOUNG_PERSON},
    )
    assert response.status_code == 200
    assert "Invite a young person from their own record" in response.content.decode()
    assert not User.objects.filter(email="sam@example.test").exists()


def test_invite_command_links_a_young_person_and_refuses_a_child(sam, younger, capsys):
    call_command("invite", "Sam@Example.test", "--role", "young_person", "--child", sam.reference)
    user = User.objects.get(email="sam@example.test")
    assert Child.objects.get(pk=sam.pk).account == user and user.full_name == "Sam Okafor"
    assert re.search(r"/account/\S+/", str(mail.outbox[0].body))
    with pytest.raises(CommandError, match=r"Under 16.*s\.83\(2\)"):
        call_command("invite", "lily@example.test", "--role", "young_person", "--child", younger.reference)
    with pytest.raises(CommandError, match="--child REFERENCE is required"):
        call_command("invite", "x@example.test", "--role", "young_person")
    with pytest.raises(CommandError, match="No child with the reference"):
        call_command("invite", "x@example.test", "--role", "young_person", "--child", "NOPE")
    assert not User.objects.filter(email__in=["lily@example.test", "x@example.test"]).exists()
