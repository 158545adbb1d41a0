"""Reports: contacts by topic and channel, replies within 2 working days, complaint timeliness."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.urls import reverse

from sendhub.voice.selectors import reports
from sendhub.voice.services import complaints, contacts
from sendhub.voice.tests.factories import LONDON, make_contact

pytestmark = pytest.mark.django_db
START, END = date(2026, 11, 1), date(2026, 11, 30)


def test_contacts_by_topic_and_channel() -> None:
    make_contact(topic="plan", channel="phone")
    make_contact(topic="plan", channel="web")
    make_contact(topic="transport", channel="email")
    rows = reports.contacts_by_topic_and_channel(START, END)
    assert rows[0] == {"topic": "EHC plan", "total": 2, "phone": 1, "email": 0, "web": 1, "in_person": 0}
    assert rows[1]["topic"] == "Travel assistance"


def test_replies_within_two_working_days(officer) -> None:
    on_time = make_contact()  # Monday 23 Nov 10:00, due Wednesday 25
    late = make_contact()
    make_contact()  # never replied: overdue by 1 Dec
    contacts.reply_to_contact(
        contact=on_time, body="x", by=officer, version=1, now=datetime(2026, 11, 25, 16, 59, tzinfo=LONDON)
    )
    contacts.reply_to_contact(
        contact=late, body="x", by=officer, version=1, now=datetime(2026, 11, 26, 9, 0, tzinfo=LONDON)
    )
    result = reports.reply_timeliness(START, END, today=date(2026, 12, 1))
    assert (result.received, result.replied, result.in_time, result.open_overdue) == (3, 2, 1, 1)


def test_complaint_timeliness(manager) -> None:
    c = complaints.open_complaint(contact=make_contact(), received_on=date(2026, 11, 2), by=manager)
    complaints.advance_complaint(
        complaint=c, action="acknowledge", on=date(2026, 11, 10), by=manager, version=1
    )  # due 9 Nov
    late_open = complaints.open_complaint(contact=make_contact(), received_on=date(2026, 11, 3), by=manager)
    steps = reports.complaint_timeliness(START, END, today=date(2026, 11, 30))
    assert (steps[0].done, steps[0].on_time, steps[0].late_open) == (1, 0, 1)
    assert late_open.acknowledge_due == date(2026, 11, 10)


def test_reports_page(client, login, analyst, parent) -> None:
    make_contact()
    login(client, analyst)
    assert client.get(reverse("voice:reports")).status_code == 200
    login(client, parent)
    assert client.get(reverse("voice:reports")).status_code == 403
