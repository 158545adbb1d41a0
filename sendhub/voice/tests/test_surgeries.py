"""SEN surgeries: book, cannot double-book, cancel by token, reminders."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
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


# Staff change and cancel sessions, and cancel a booking for a family ------------------------------------


def test_changing_the_place_emails_the_families_who_booked(client, login, officer) -> None:
    from sendhub.core.models import AuditEvent

    session = _session(officer)
    first, second, _free = session.slots.all()
    services.book_slot(slot=first, name="Jo", email="jo@example.test")
    services.book_slot(slot=second, name="Sam", email="sam@example.test")
    mail.outbox.clear()
    login(client, officer)
    url = reverse("voice:surgery_edit", args=[session.pk])
    assert b"Crowndale Centre" in client.get(url).content  # the form starts with the current details
    response = client.post(url, {"title": "SEN surgery", "venue": "Online (Teams)", "description": ""})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.venue == "Online (Teams)"
    assert sorted(m.to[0] for m in mail.outbox) == ["jo@example.test", "sam@example.test"]
    assert "Now: Online (Teams)" in mail.outbox[0].body and "Was: Crowndale Centre" in mail.outbox[0].body
    event = AuditEvent.objects.get(action="voice.surgery.updated")
    assert event.data == {"fields": ["venue"]}
    mail.outbox.clear()
    client.post(url, {"title": "SEN drop-in", "venue": "Online (Teams)", "description": ""})
    assert mail.outbox == []  # a new title is not worth an email
    assert b"Enter where the surgery is" in client.post(url, {"title": "x", "venue": ""}).content


def test_cancelling_a_session_cancels_every_booking_and_tells_each_family(client, login, officer) -> None:
    from sendhub.core.models import AuditEvent

    session = _session(officer)
    first, second, third = session.slots.all()
    jo = services.book_slot(slot=first, name="Jo", email="jo@example.test")
    services.cancel_booking(booking=services.book_slot(slot=second, name="Al", email="al@example.test"))
    sam = services.book_slot(slot=second, name="Sam", email="sam@example.test")
    mail.outbox.clear()
    login(client, officer)
    url = reverse("voice:surgery_cancel", args=[session.pk])
    page = client.get(url)
    assert b"2 families have booked" in page.content
    refused = client.post(url, {"reason": "  "})
    assert b"Enter why the session is cancelled" in refused.content
    assert Booking.objects.filter(cancelled_at__isnull=True).count() == 2  # nothing changed
    response = client.post(url, {"reason": "The venue is closed for repairs."})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.cancelled_at is not None
    assert set(Booking.objects.filter(cancelled_at=session.cancelled_at)) == {jo, sam}
    assert sorted(m.to[0] for m in mail.outbox) == ["jo@example.test", "sam@example.test"]
    assert "The venue is closed for repairs." in mail.outbox[0].body
    event = AuditEvent.objects.get(action="voice.surgery.session_cancelled")
    assert sorted(event.data["bookings"]) == sorted([jo.pk, sam.pk])
    detail = client.get(reverse("voice:surgery_detail", args=[session.pk])).content
    assert b"Cancelled" in detail and b"Emailed that the session is cancelled" in detail
    assert b"Cancel this session" not in detail
    # families can no longer book it, and see why on their booking page
    assert b"SEN surgery" not in client.get(reverse("voice:surgery_public_list")).content
    assert client.get(reverse("voice:surgery_book", args=[session.pk])).status_code == 404
    with pytest.raises(CaseStateError, match="cancelled"):
        services.book_slot(slot=third, name="Late", email="late@example.test")
    assert b"closed for repairs" in client.get(reverse("voice:surgery_booking", args=[jo.token])).content
    with pytest.raises(CaseStateError, match="already cancelled"):
        services.cancel_session(session=session, reason="Again", by=officer)
    with pytest.raises(CaseStateError, match="cancelled"):
        services.update_session(session=session, title="x", venue="y", description="", by=officer)


def test_a_session_that_has_taken_place_cannot_be_changed_or_cancelled(officer) -> None:
    session = _session(officer)
    after = timezone.make_aware(datetime.combine(session.on + timedelta(days=1), time(9, 0)))
    with pytest.raises(CaseStateError, match="taken place"):
        services.cancel_session(session=session, reason="Too late", by=officer, now=after)
    with pytest.raises(CaseStateError, match="taken place"):
        services.update_session(session=session, title="x", venue="y", description="", by=officer, now=after)


def test_staff_cancel_a_booking_for_a_family(client, login, officer) -> None:
    from sendhub.core.models import AuditEvent

    session = _session(officer)
    booking = services.book_slot(slot=session.slots.first(), name="Jo", email="jo@example.test")
    mail.outbox.clear()
    login(client, officer)
    detail = client.get(reverse("voice:surgery_detail", args=[session.pk])).content.decode()
    url = reverse("voice:surgery_booking_cancel", args=[session.pk, booking.pk])
    assert url in detail
    assert b"Cancel Jo's booking" in client.get(url).content
    assert client.post(url).status_code == 302
    booking.refresh_from_db()
    assert booking.cancelled_at is not None and mail.outbox[0].to == ["jo@example.test"]
    assert AuditEvent.objects.get(action="voice.surgery.cancelled").actor == officer
    after = client.get(reverse("voice:surgery_detail", args=[session.pk])).content.decode()
    assert after.count(">Free</td>") == 3  # the slot is listed, and free again
    assert client.get(url).status_code == 404  # no longer a live booking
    other = _session(officer, days_ahead=4)
    assert client.get(reverse("voice:surgery_booking_cancel", args=[other.pk, booking.pk])).status_code == 404
