"""SEN surgeries: sessions with slots, public booking and cancelling by token, reminders."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.voice.mail import send_templated
from sendhub.voice.models import Booking, SurgerySession, SurgerySlot

REMINDER_BEFORE = timedelta(days=1)


@transaction.atomic
def create_session(
    *,
    title: str,
    venue: str,
    on: date,
    first_slot: time,
    slot_count: int,
    minutes: int,
    by: Any,
    description: str = "",
) -> SurgerySession:
    if not 1 <= slot_count <= 24:
        raise SendHubError("A session has from 1 to 24 slots")
    session = SurgerySession(title=title, venue=venue, on=on, description=description, created_by=by)
    session.full_clean()
    session.save()
    start = timezone.make_aware(datetime.combine(on, first_slot))
    for n in range(slot_count):
        slot = SurgerySlot(session=session, starts_at=start + timedelta(minutes=minutes * n), minutes=minutes)
        slot.full_clean()
        slot.save()
    record_event(actor=by, action="voice.surgery.created", target=session, data={"slots": slot_count})
    return session


def cancel_link(booking: Booking) -> str:
    return settings.SENDHUB_SITE_URL + reverse("voice:surgery_booking", args=[booking.token])


@transaction.atomic
def book_slot(
    *,
    slot: SurgerySlot,
    name: str,
    email: str,
    phone: str = "",
    about: str = "",
    needs: str = "",
    now: datetime | None = None,
) -> Booking:
    now = now or timezone.now()
    if slot.starts_at <= now:
        raise CaseStateError("This time has passed. Choose another time.")
    booking = Booking(
        slot=slot,
        name=name,
        email=email,
        phone=phone,
        about=about,
        needs=needs,
        token=secrets.token_urlsafe(32),
        booked_at=now,
    )
    booking.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as e:
        raise CaseStateError("Someone has just booked this time. Choose another time.") from e
    record_event(actor=None, action="voice.surgery.booked", target=slot.session, data={"booking": booking.pk})
    send_templated(
        to=email, template="surgery_booked", context={"booking": booking, "link": cancel_link(booking)}
    )
    return booking


@transaction.atomic
def cancel_booking(*, booking: Booking, now: datetime | None = None) -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.cancelled_at is not None:
        raise CaseStateError("This booking is already cancelled.")
    booking.cancelled_at = now or timezone.now()
    booking.save(update_fields=["cancelled_at"])
    record_event(
        actor=None,
        action="voice.surgery.cancelled",
        target=booking.slot.session,
        data={"booking": booking.pk},
    )
    send_templated(to=booking.email, template="surgery_cancelled", context={"booking": booking})
    return booking


@transaction.atomic
def send_surgery_reminders(*, now: datetime | None = None, dry_run: bool = False) -> list[Booking]:
    """Email everyone whose surgery starts within the next day, once."""
    now = now or timezone.now()
    due = list(
        Booking.objects.select_for_update()
        .filter(
            cancelled_at__isnull=True,
            reminder_sent_at__isnull=True,
            slot__starts_at__gt=now,
            slot__starts_at__lte=now + REMINDER_BEFORE,
        )
        .select_related("slot__session")
        .order_by("slot__starts_at", "pk")
    )
    if dry_run:
        return due
    for booking in due:
        send_templated(
            to=booking.email,
            template="surgery_reminder",
            context={"booking": booking, "link": cancel_link(booking)},
        )
        booking.reminder_sent_at = now
        booking.save(update_fields=["reminder_sent_at"])
        record_event(
            actor=None,
            action="voice.surgery.reminded",
            target=booking.slot.session,
            data={"booking": booking.pk},
        )
    return due
