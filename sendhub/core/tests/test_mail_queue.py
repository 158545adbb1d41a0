"""Mail leaves through a job: a provider outage never breaks the page that sent it."""

import json
import logging

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection

from sendhub.core import tasks
from sendhub.core.mail import message_to_payload, payload_to_message

QUEUED = "sendhub.core.mail.QueuedEmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class ProviderDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail provider is down")


def test_a_message_survives_the_queue_whole():
    message = EmailMultiAlternatives(
        "Subject",
        "Plain",
        "from@example.test",
        ["a@example.test"],
        cc=["c@example.test"],
        reply_to=["r@example.test"],
        headers={"X-Thing": "1"},
    )
    message.attach_alternative("<p>Rich</p>", "text/html")
    message.attach("notes.txt", "some notes", "text/plain")
    back = payload_to_message(message_to_payload(message))
    assert (back.subject, back.body, back.from_email, back.to, back.cc, back.reply_to) == (
        "Subject",
        "Plain",
        "from@example.test",
        ["a@example.test"],
        ["c@example.test"],
        ["r@example.test"],
    )
    assert back.extra_headers == {"X-Thing": "1"}
    assert back.alternatives[0][:2] == ("<p>Rich</p>", "text/html")
    assert back.attachments[0][:3] == ("notes.txt", "some notes", "text/plain")


@pytest.mark.django_db
def test_inline_jobs_deliver_at_once(settings):
    settings.EMAIL_BACKEND, settings.SENDHUB_EMAIL_DELIVERY_BACKEND = QUEUED, LOCMEM
    settings.SENDHUB_JOBS_INLINE = True
    assert send_mail("Hello", "Body", None, ["family@example.test"]) == 1
    assert [m.subject for m in mail.outbox] == ["Hello"]


@pytest.mark.django_db
def test_a_provider_outage_is_logged_not_raised(settings, caplog):
    settings.EMAIL_BACKEND, settings.SENDHUB_EMAIL_DELIVERY_BACKEND = QUEUED, f"{__name__}.ProviderDown"
    settings.SENDHUB_JOBS_INLINE = True
    with caplog.at_level(logging.ERROR, logger="sendhub.mail"):
        send_mail("Your plan", "Body", None, ["family@example.test"])
    assert "Email 'Your plan' was not sent" in caplog.text
    assert "family@example.test" not in caplog.text, "recipients' addresses stay out of the log"


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_mail_is_a_job_with_retries(settings):
    settings.EMAIL_BACKEND, settings.SENDHUB_EMAIL_DELIVERY_BACKEND = QUEUED, LOCMEM
    if connection.vendor != "postgresql":
        pytest.skip("procrastinate queues jobs on PostgreSQL only; SQLite delivers inline (tested above)")
    settings.SENDHUB_JOBS_INLINE = False
    with connection.cursor() as cursor:  # jobs other tests queued on this worker's database are not ours
        cursor.execute("DELETE FROM procrastinate_jobs")
    send_mail("Queued", "Body", None, ["family@example.test"])
    assert mail.outbox == [], "nothing is sent inside the request"
    with connection.cursor() as cursor:
        cursor.execute("SELECT task_name, args FROM procrastinate_jobs")
        [(task_name, args)] = cursor.fetchall()
    assert task_name == "core.send_email"
    assert tasks.EMAIL_RETRY.max_attempts == 8
    assert tasks.send_email.retry_strategy is tasks.EMAIL_RETRY
    tasks.send_email(**(json.loads(args) if isinstance(args, str) else args))  # what the worker does
    assert [m.subject for m in mail.outbox] == ["Queued"]
