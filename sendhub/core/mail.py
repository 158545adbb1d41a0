"""Email leaves through a background job, so a mail provider outage never breaks a page.

`QueuedEmailBackend` is Django's EMAIL_BACKEND: every `send_mail`, `EmailMessage.send()` and Django's
own password reset hand it their messages, and it queues one `core.send_email` job per message (in the
request's transaction: a page whose change rolls back sends nothing). The worker delivers it through
the real backend chosen by SENDHUB_EMAIL_BACKEND, retrying for about six hours. Where jobs run inline
(SQLite, or SENDHUB_JOBS_INLINE), the message is delivered at once; if that fails, the failure is
logged (without the recipients' addresses) and the page carries on.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Sequence
from email.mime.base import MIMEBase
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

log = logging.getLogger("sendhub.mail")


def message_to_payload(message: EmailMessage) -> dict[str, Any]:
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise ValueError("MIME attachments cannot be queued; attach (name, content, mimetype) instead")
        name, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([name, base64.b64encode(raw).decode(), mimetype])
    alternatives = getattr(message, "alternatives", [])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in alternatives],
        "attachments": attachments,
    }


def payload_to_message(payload: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in payload["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


def deliver(payload: dict[str, Any]) -> int:
    """Send one queued message through the real backend; an error makes the job retry."""
    connection = get_connection(settings.SENDHUB_EMAIL_DELIVERY_BACKEND, fail_silently=False)
    return connection.send_messages([payload_to_message(payload)])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from sendhub.core import tasks
        from sendhub.core.jobs import defer, jobs_run_inline

        queued = 0
        for message in email_messages:
            payload = message_to_payload(message)
            if jobs_run_inline():
                try:
                    deliver(payload)
                except Exception:  # any provider error: the page must carry on
                    log.exception("Email %r was not sent (mail provider error)", payload["subject"])
                    continue
            else:
                defer(tasks.send_email, payload=payload)
            queued += 1
        return queued
