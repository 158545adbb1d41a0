"""Email: Django's mail API with templates, plus two backends chosen by SENDHUB_EMAIL_BACKEND.

* `OutboxBackend` stores each message in `OutboxMessage`, listed on the staff "Outbox" page: the demo
  sends nothing to the internet.
* `NotifyBackend` sends through GOV.UK Notify with one generic template whose personalisation is
  ((subject)) and ((body)) (`SENDHUB_NOTIFY_API_KEY`, `SENDHUB_NOTIFY_TEMPLATE_ID`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string

from sendhub.voice.models import OutboxMessage


def send_templated(*, to: str, template: str, context: dict[str, Any]) -> None:
    """Render `voice/email/<template>_subject.txt` and `<template>.txt` and send one plain-text email."""
    context = {"la_name": settings.SENDHUB_LA_NAME, "service_name": settings.SENDHUB_SERVICE_NAME, **context}
    subject = " ".join(render_to_string(f"voice/email/{template}_subject.txt", context).split())
    body = render_to_string(f"voice/email/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[to]).send()


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            html = ""
            if isinstance(message, EmailMultiAlternatives):
                html = next((str(c) for c, mime in message.alternatives if mime == "text/html"), "")
            OutboxMessage.objects.create(
                to="\n".join(message.recipients()),
                from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
                subject=str(message.subject),
                body=str(message.body),
                html_body=html,
            )
        return len(email_messages)


class NotifyBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, client: Any = None, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            from notifications_python_client.notifications import NotificationsAPIClient

            self._client = NotificationsAPIClient(settings.NOTIFY_API_KEY)
        return self._client

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from notifications_python_client.errors import APIError

        sent = 0
        for message in email_messages:
            for recipient in message.recipients():
                try:
                    self.client.send_email_notification(
                        email_address=recipient,
                        template_id=settings.NOTIFY_TEMPLATE_ID,
                        personalisation={"subject": message.subject, "body": str(message.body)},
                    )
                except APIError:
                    if not self.fail_silently:
                        raise
                    continue
                sent += 1
        return sent
