"""Every family voice page, reached by following links from the navigation over demo data, renders
valid HTML for the roles that may see it (a quick local version of the browser crawl)."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.test import override_settings
from django.urls import Resolver404, resolve, reverse

from sendhub.voice import demo

pytestmark = pytest.mark.django_db
LINK = re.compile(r'href="(/[^"#?]*)(?:\?[^"#]*)?"')


@override_settings(EMAIL_BACKEND="sendhub.voice.mail.OutboxBackend")
@pytest.mark.parametrize("who", ["officer", "manager", "analyst"])
def test_follow_every_voice_link(client, login, request, who: str) -> None:
    user = request.getfixturevalue(who)
    request.getfixturevalue("manager")
    demo.load(seed=7, scale=0.02, stdout=StringIO())
    login(client, user)
    start = [
        reverse(n)
        for n in (
            "voice:contact_list",
            "voice:complaint_list",
            "voice:survey_list",
            "voice:reports",
            "voice:surgery_list",
            "voice:contact_public",
            "voice:you_said_we_did",
        )
    ]
    seen, queue, reached = set(start), list(start), set()
    while queue:
        path = queue.pop()
        response = client.get(path)
        assert response.status_code in (200, 403), f"{path}: {response.status_code}"
        if response.status_code != 200:
            continue
        reached.add(resolve(path).view_name)
        for link in LINK.findall(response.content.decode()):
            try:
                name = resolve(link).view_name
            except Resolver404:
                continue
            if name.startswith("voice:") and link not in seen and len(seen) < 400:
                seen.add(link)
                queue.append(link)
    if who == "manager":
        assert {
            "voice:contact_detail",
            "voice:complaint_detail",
            "voice:survey_detail",
            "voice:answer_themes",
            "voice:surgery_detail",
            "voice:outbox_detail",
            "voice:compliment_create",
            "voice:yswd_create",
            "voice:survey_invite",
            "voice:question_create",
            "voice:surgery_book",
            "voice:surgery_edit",
            "voice:surgery_cancel",
            "voice:surgery_booking_cancel",
            "voice:survey_edit",
            "voice:question_edit",
            "voice:question_remove",
        } <= reached
