"""Emails about the family pages: plain English, a link, never a child's name or any case detail.

Mail leaves through the normal path (`EmailMessage.send()`, queued as a `core.send_email` job).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.cases.models import Child


def _site_link(path: str) -> str:
    return settings.SENDHUB_SITE_URL.rstrip("/") + path


def _send(to: str, subject: str, greeting: str, what: str, link: str) -> None:
    name = settings.SENDHUB_SERVICE_NAME
    EmailMessage(
        subject=f"{name}: {subject}",
        body=f"Hello {greeting},\n\n{what}\n\nSign in to read it:\n{link}\n\n{name}",
        to=[to],
    ).send()


def tell_officer_of_task(child: Child) -> None:
    """A family sent something: the officer has a new task (the email names no child)."""
    officer = child.officer
    if officer is None or not officer.is_active or not officer.email:
        return
    _send(
        officer.email,
        "a family has sent you something",
        officer.full_name,
        "A family has sent you something through their family pages. There is a new task for you.",
        _site_link(reverse("portal:tasks")),
    )


def tell_family_of_reply(child: Child, thread_pk: int) -> None:
    """Staff replied: each account linked to the child as its family gets a link (no case details)."""
    link = _site_link(reverse("portal:thread", args=[thread_pk]))
    accounts = User.objects.filter(parent_links__child=child, is_active=True).exclude(email="").distinct()
    for account in accounts:
        _send(
            account.email,
            "you have a new reply",
            account.full_name,
            "You have a new reply to your message from the special educational needs team.",
            link,
        )
