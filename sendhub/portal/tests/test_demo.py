"""The demo: the demo parent can comment on a draft inside its 15 days and has a thread with a reply."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.portal import selectors
from sendhub.portal.demo import SUBJECT
from sendhub.portal.models import Thread

pytestmark = pytest.mark.django_db


def test_demo_parent_has_an_open_draft_and_a_thread_with_a_reply(client, login):
    call_command("demo-data", "--seed", "3", "--scale", "0.02", stdout=io.StringIO())
    call_command("demo-data", "--seed", "3", "--scale", "0.02", stdout=io.StringIO())  # safe to run again
    parent = User.objects.get(email="parent@demo.sendhub.test")
    today = timezone.localdate()
    children = list(selectors.family_children(parent))
    windows = [selectors.draft_window(child, today) for child in children]
    assert any(w is not None and w.open for w in windows)
    thread = Thread.objects.get(subject=SUBJECT)
    assert [m.from_family for m in thread.messages.all()] == [True, False]
    login(client, parent)
    page = client.get(reverse("portal:home")).content.decode()
    assert all(child.full_name in page for child in children)
    assert "Send us your comments and the school or college you want, by" in page
