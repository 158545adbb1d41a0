"""Demo: the demo parent has one message thread with a reply from their child's officer, and has sent
their views once (so the officer's family task list and the family's pages are not empty)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.core.roles import Role
from sendhub.portal.models import Thread
from sendhub.portal.services import family, staff

SUBJECT = "Transport to school from September"


def load(*, seed: int, scale: float, stdout: Any) -> None:
    parent = User.objects.filter(email="parent@demo.sendhub.test", is_active=True).first()
    if parent is None:
        return
    children = list(Child.objects.visible_to(parent).select_related("officer").order_by("pk"))
    if not children or Thread.objects.filter(child__in=children, subject=SUBJECT).exists():
        return
    today = timezone.localdate()
    child = children[0]
    thread = family.start_thread(
        child=child,
        subject=SUBJECT,
        body="Hello, will the plan say anything about transport? The bus journey is very hard for us.",
        by=parent,
        today=today,
    )
    officer = (
        child.officer or User.objects.filter(role=Role.CASE_OFFICER, is_active=True).order_by("pk").first()
    )
    if officer is not None:
        staff.reply(
            thread=thread,
            body="Thank you for asking. Transport is decided separately from the plan; I will send you the "
            "form and we can talk it through at the meeting.",
            by=officer,
            today=today,
        )
    if len(children) > 1:
        family.give_views(
            child=children[1],
            about_child=True,
            text="I like drawing and swimming. Loud rooms are hard for me. I want to be a vet.",
            upload=None,
            by=parent,
            today=today,
        )
    stdout.write(f"Family pages: a message thread with a reply for {parent.email}")
