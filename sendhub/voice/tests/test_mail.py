"""The outbox and GOV.UK Notify email backends."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.mail import EmailMessage
from django.test import override_settings
from django.urls import reverse

from sendhub.voice.mail import NotifyBackend, OutboxBackend
from sendhub.voice.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_outbox_backend_stores_messages_and_staff_can_read_them(client, login, officer) -> None:
    sent = OutboxBackend().send_messages(
        [EmailMessage("Your reference", "Body text", to=["a@example.test", "b@example.test"])]
    )
    assert sent == 1
    message = OutboxMessage.objects.get()
    assert message.recipients == ["a@example.test", "b@example.test"]
    login(client, officer)
    assert b"Your reference" in client.get(reverse("voice:outbox_list")).content
    assert b"Body text" in client.get(reverse("voice:outbox_detail", args=[message.pk])).content


def test_outbox_is_staff_only(client, login, parent) -> None:
    login(client, parent)
    assert client.get(reverse("voice:outbox_list")).status_code == 403


class FakeNotify:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def send_email_notification(self, **kwargs: Any) -> dict[str, str]:
        self.calls.append(kwargs)
        return {"id": "1"}


@override_settings(NOTIFY_TEMPLATE_ID="template-123")
def test_notify_backend_sends_one_notification_per_recipient() -> None:
    fake = FakeNotify()
    sent = NotifyBackend(client=fake).send_messages(
        [EmailMessage("Subject", "Body", to=["a@example.test", "b@example.test"])]
    )
    assert sent == 2
    assert fake.calls[0] == {
        "email_address": "a@example.test",
        "template_id": "template-123",
        "personalisation": {"subject": "Subject", "body": "Body"},
    }


@override_settings(EMAIL_BACKEND="sendhub.voice.mail.OutboxBackend")
def test_service_emails_land_in_the_outbox() -> None:
    from sendhub.voice.tests.factories import make_contact

    contact = make_contact()
    assert OutboxMessage.objects.filter(subject__contains=contact.reference).exists()
