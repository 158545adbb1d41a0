"""The demo parent account is the recorded parent of its children (same name and email), one of them with a
draft plan inside its 15 days; a family account sees exactly the children whose records name it."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.models import Child, ParentCarer
from sendhub.cases.tests.factories import ChildFactory, ParentFactory

pytestmark = pytest.mark.django_db


def test_demo_parent_is_the_recorded_parent_of_exactly_its_children():
    call_command("demo-data", "--seed", "3", "--scale", "0.02", stdout=io.StringIO())
    parent = User.objects.get(email="parent@demo.sendhub.test")
    records = ParentCarer.objects.filter(user=parent)
    assert records.count() == 2
    assert {r.name for r in records} == {parent.full_name}
    assert {r.email for r in records} == {parent.email}
    children = Child.objects.visible_to(parent)
    assert set(children) == {r.child for r in records}
    today = timezone.localdate()
    in_draft = children.filter(
        requests__draft_issued__gt=today - timedelta(days=15),
        requests__draft_issued__lte=today,
        requests__final_issued__isnull=True,
    )
    assert in_draft.exists(), "the demo parent needs a child whose draft plan is inside its 15 days"


def test_a_family_loses_a_child_the_moment_the_link_ends(make_user):
    account = make_user("parent", email="family@example.test")
    theirs = ChildFactory.create(first_name="Ana")
    link = ParentFactory.create(child=theirs, name=account.full_name, user=account)
    ChildFactory.create(first_name="Zed")  # another family's child
    assert list(Child.objects.visible_to(account)) == [theirs]
    link.user = None
    link.save(update_fields=["user"])
    assert not Child.objects.visible_to(account).exists()
