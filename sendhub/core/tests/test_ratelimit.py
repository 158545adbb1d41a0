"""Rate limits on the anonymous forms that send email or take a resource (issue 15), through one
mechanism counted in the database, keyed on the client address."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sendhub.core import ratelimit
from sendhub.core.models import RateLimitCounter

pytestmark = pytest.mark.django_db


def _from(address: str) -> dict[str, str]:
    return {"REMOTE_ADDR": address}


@pytest.mark.usefixtures("lo_directory")
def test_shortlist_email_is_limited_per_address(client):
    from sendhub.localoffer.models import Service

    service = Service.objects.order_by("name")[0]
    client.post(reverse("localoffer:shortlist_add"), {"service": str(service.pk)})
    url = reverse("localoffer:shortlist_email")
    for _ in range(5):
        assert client.post(url, {"email": "victim@example.test"}, **_from("198.51.100.7")).status_code == 302
    refused = client.post(url, {"email": "victim@example.test"}, **_from("198.51.100.7"))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    body = refused.content.decode()
    assert "You have emailed a shortlist 5 times recently" in body and "Try again in" in body
    assert len(mail.outbox) == 5
    # Another client is not held back by the first one's limit.
    assert client.post(url, {"email": "me@example.test"}, **_from("203.0.113.9")).status_code == 302
    assert len(mail.outbox) == 6


@pytest.mark.usefixtures("lo_directory")
def test_problem_reports_are_limited_per_address_whatever_the_session(client):
    from sendhub.localoffer.models import ProblemReport, Service

    url = reverse("localoffer:report_problem", args=[Service.objects.order_by("name")[0].pk])
    for _ in range(10):
        client.cookies.clear()
        client.post(url, {"what_is_wrong": "The phone number is wrong"}, **_from("198.51.100.8"))
    client.cookies.clear()
    refused = client.post(url, {"what_is_wrong": "The phone number is wrong"}, **_from("198.51.100.8"))
    assert refused.status_code == 429
    assert ProblemReport.objects.count() == 10


def test_one_client_cannot_book_every_slot_of_a_surgery(client, officer):
    from sendhub.voice.models import Booking
    from sendhub.voice.services import surgeries

    session = surgeries.create_session(
        title="SEN surgery",
        venue="Crowndale Centre",
        on=timezone.localdate() + timedelta(days=3),
        first_slot=time(10, 0),
        slot_count=6,
        minutes=20,
        by=officer,
    )
    url = reverse("voice:surgery_book", args=[session.pk])
    statuses = []
    for n, slot in enumerate(session.slots.order_by("starts_at")):
        form = {"slot": slot.pk, "name": f"Made Up {n}", "email": f"madeup{n}@example.test"}
        statuses.append(client.post(url, form, **_from("198.51.100.9")).status_code)
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert Booking.objects.count() == 3
    assert (
        "You have booked a SEN surgery appointment 3 times"
        in client.post(
            url,
            {
                "slot": session.slots.order_by("starts_at").values_list("pk", flat=True)[5],
                "name": "x",
                "email": "x@example.test",
            },
            **_from("198.51.100.9"),
        ).content.decode()
    )
    # The confirmation does not repeat the name typed on the form.
    assert all("Made Up" not in m.body for m in mail.outbox)


def test_the_counter_lives_in_the_database_and_windows_end(rf):
    request = rf.post("/", REMOTE_ADDR="192.0.2.1")
    now = timezone.now()
    for _ in range(5):
        assert ratelimit.check(request, "contact", now=now) is None
    wait = ratelimit.check(request, "contact", now=now)
    assert wait is not None and 0 < wait <= 3600
    assert RateLimitCounter.objects.get().hits == 6  # shared by every worker: one row, not process memory
    assert ratelimit.check(request, "contact", now=now + timedelta(hours=1)) is None
    other = rf.post("/", REMOTE_ADDR="192.0.2.2")
    assert ratelimit.check(other, "contact", now=now) is None


def test_the_key_names_nobody(rf):
    ratelimit.check(rf.post("/", REMOTE_ADDR="192.0.2.1"), "contact")
    assert "192.0.2.1" not in RateLimitCounter.objects.get().key


@pytest.mark.parametrize(
    ("action", "what"),
    [
        ("contact", "sent a message"),
        ("shortlist_email", "emailed a shortlist"),
        ("problem_report", "reported a problem"),
        ("surgery_booking", "booked a SEN surgery appointment"),
        ("password_reset", "asked for a password reset link"),
    ],
)
def test_each_limit_is_read_from_settings(rf, settings, action, what):
    settings.SENDHUB_RATE_LIMITS = {**settings.SENDHUB_RATE_LIMITS, action: 2}
    request = rf.post("/", REMOTE_ADDR="192.0.2.5")
    assert ratelimit.limit_for(action).times == 2 and ratelimit.limit_for(action).what == what
    if action == "password_reset":
        return  # counted from the audit trail: see the next test
    assert ratelimit.check(request, action) is None and ratelimit.check(request, action) is None
    assert ratelimit.check(request, action) is not None


def test_the_password_reset_limit_is_read_from_settings(client, settings):
    settings.SENDHUB_RATE_LIMITS = {**settings.SENDHUB_RATE_LIMITS, "password_reset": 1}
    url = reverse("password_reset")
    assert client.post(url, {"email": "nobody@example.test"}, **_from("198.51.100.20")).status_code == 302
    assert client.post(url, {"email": "nobody@example.test"}, **_from("198.51.100.20")).status_code == 429


def test_the_contact_form_limit_follows_the_setting(client, settings):
    from sendhub.voice.models import Contact

    settings.SENDHUB_RATE_LIMITS = {**settings.SENDHUB_RATE_LIMITS, "contact": 1}
    form = {
        "name": "Jo",
        "relationship": "parent",
        "email": "jo@example.test",
        "topic": "assessment",
        "message": "A question",
        "website": "",
    }
    assert client.post(reverse("voice:contact_public"), form, **_from("198.51.100.21")).status_code == 302
    refused = client.post(reverse("voice:contact_public"), form, **_from("198.51.100.21"))
    assert refused.status_code == 429 and "You have sent a message 1 time" in refused.content.decode()
    assert Contact.objects.count() == 1


@pytest.mark.parametrize("raw", ["0", "-3", "ten", "10001"])
def test_a_nonsense_rate_limit_stops_the_server_starting(raw):
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if not k.startswith("SENDHUB_")}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            **environment,
            "DJANGO_SETTINGS_MODULE": "sendhub.settings",
            "SENDHUB_RATE_LIMIT_CONTACT_PER_HOUR": raw,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SENDHUB_RATE_LIMIT_CONTACT_PER_HOUR must be" in result.stderr
