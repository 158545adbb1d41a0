"""SEN surgeries: book, cannot double-book, cancel by token, reminders."""

from __future__ import annotations

from datetime import date, time, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from sendhub.core.exceptions import CaseStateError
from sendhub.voice.models import Booking
from sendhub.voice.services import surgeries as services

pytestmark = pytest.mark.django_db


def _session(officer, days_ahead: int = 3):
    on = timezone.localdate() + timedelta(days=days_ahead)
    return services.create_session(
        title="SEN surgery",
        venue="Crowndale Centre",
        on=on,
        first_slot=time(10, 0),
        slot_count=3,
        minutes=20,
        by=officer,
    )


def test_session_has_its_slots(officer) -> None:
    session = _session(officer)
    times = [timezone.localtime(s.starts_at).time() for s in session.slots.all()]
    assert times == [time(10, 0), time(10, 20), time(10, 40)]


def test_family_books_and_cancels_online(client, officer) -> None:
    session = _session(officer)
    slot = session.slots.first()
    listing = client.get(reverse("voice:surgery_public_list"))
    assert b"Crowndale Centre" in listing.content
    response = client.post(
        reverse("voice:surgery_book", args=[session.pk]),
        {"slot": slot.pk, "name": "Jo Example", "email": "jo@example.test"},
    )
    booking = Booking.objects.get()
    assert response["Location"] == reverse("voice:surgery_booking", args=[booking.token])
    assert booking.token in mail.outbox[-1].body
    client.post(reverse("voice:surgery_booking", args=[booking.token]))
    booking.refresh_from_db()
    assert booking.cancelled_at is not None
    # the slot is free again
    services.book_slot(slot=slot, name="Another", email="a@example.test")


def test_a_slot_cannot_be_booked_twice(officer) -> None:
    slot = _session(officer).slots.first()
    services.book_slot(slot=slot, name="First", email="f@example.test")
    with pytest.raises(CaseStateError, match="Someone has just booked"):
        services.book_slot(slot=slot, name="Second", email="s@example.test")


def test_past_slots_cannot_be_booked(officer) -> None:
    slot = _session(officer).slots.first()
    with pytest.raises(CaseStateError, match="passed"):
        services.book_slot(
            slot=slot, name="Late", email="l@example.test", now=slot.starts_at + timedelta(minutes=1)
        )


def test_reminders_go_once_the_day_before(officer) -> None:
    slot = _session(officer, days_ahead=1).slots.first()
    booking = services.book_slot(slot=slot, name="Jo", email="jo@example.test")
    mail.outbox.clear()
    assert services.send_surgery_reminders(now=slot.starts_at - timedelta(days=2)) == []
    out = StringIO()
    sent = services.send_surgery_reminders(now=slot.starts_at - timedelta(hours=20))
    assert [b.pk for b in sent] == [booking.pk] and "Reminder" in mail.outbox[0].subject
    call_command("voice", "remind", stdout=out)
    assert "0 reminder(s) sent" in out.getvalue()


def test_staff_create_a_session(client, login, officer) -> None:
    login(client, officer)
    on = date.today() + timedelta(days=7)
    response = client.post(
        reverse("voice:surgery_create"),
        {
            "title": "Drop-in",
            "venue": "Online",
            "on_0": on.day,
            "on_1": on.month,
            "on_2": on.year,
            "first_slot": "09:30",
            "slot_count": 4,
            "minutes": 15,
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert b"09:30" in page.content and b"09:45" in page.content
    bad = client.post(reverse("voice:surgery_create"), {"first_slot": "25:99"})
    assert b"Enter a time in the 24-hour format" in bad.content


def test_booking_times_are_shown_in_london_time(officer) -> None:
    from sendhub.voice.forms import BookingForm

    session = services.create_session(
        title="Summer surgery",
        venue="Online",
        on=date(2027, 7, 1),
        first_slot=time(10, 0),
        slot_count=1,
        minutes=20,
        by=officer,
    )
    form = BookingForm(slots=list(session.slots.all()))
    slot_field: Any = form.fields["slot"]
    assert slot_field.choices[0][1] == "10:00 (20 minutes)"  # 09:00 UTC in British Summer Time
