"""SEN surgeries: sessions with slots, public booking and cancelling by token, reminders; staff change or
cancel a session and cancel a booking for a family."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.core.records import set_fields
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
    by: User,
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


@transaction.atomic
def update_session(
    *,
    session: SurgerySession,
    title: str,
    venue: str,
    description: str,
    by: User,
    now: datetime | None = None,
) -> SurgerySession:
    """Change a session's title, place or description. Families booked for a time still to come are
    emailed when the place changes; the date and times are fixed once slots exist (cancel instead)."""
    now = now or timezone.now()
    session = _still_to_come(session, now, cancelled="This session is cancelled, so it cannot be changed.")
    old_venue = session.venue
    changed = set_fields(
        session, {"title": title.strip(), "venue": venue.strip(), "description": description.strip()}
    )
    if not changed:
        return session
    session.full_clean()
    session.save(update_fields=changed)
    record_event(actor=by, action="voice.surgery.updated", target=session, data={"fields": changed})
    if "venue" in changed:
        for booking in _live_bookings(session).filter(slot__starts_at__gt=now):
            send_templated(
                to=booking.email,
                template="surgery_moved",
                context={"booking": booking, "old_venue": old_venue, "link": cancel_link(booking)},
            )
    return session


@transaction.atomic
def cancel_session(
    *, session: SurgerySession, reason: str, by: User, now: datetime | None = None
) -> list[Booking]:
    """Cancel a whole session: every live booking is cancelled and its family emailed with the reason."""
    now = now or timezone.now()
    session = _still_to_come(session, now, cancelled="This session is already cancelled.")
    if not reason.strip():
        raise SendHubError(
            "Enter why the session is cancelled: the families who booked are told", field="reason"
        )
    session.cancelled_at, session.cancellation_reason = now, reason.strip()
    session.full_clean()
    session.save(update_fields=["cancelled_at", "cancellation_reason"])
    bookings = list(_live_bookings(session).select_for_update())
    for booking in bookings:
        booking.cancelled_at = now
        booking.full_clean()
        booking.save(update_fields=["cancelled_at"])
        send_templated(
            to=booking.email,
            template="surgery_session_cancelled",
            context={"booking": booking, "reason": session.cancellation_reason, "list_link": _list_link()},
        )
    record_event(
        actor=by,
        action="voice.surgery.session_cancelled",
        target=session,
        data={"bookings": [b.pk for b in bookings]},  # the reason is on the session: events hold ids only
    )
    return bookings


def _still_to_come(session: SurgerySession, now: datetime, *, cancelled: str) -> SurgerySession:
    """The session, locked, if it is neither cancelled nor past; otherwise the reason staff cannot act."""
    session = SurgerySession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None:
        raise CaseStateError(cancelled)
    if session.on < timezone.localtime(now).date():
        raise CaseStateError("This session has taken place, so it can no longer be changed or cancelled.")
    return session


def _live_bookings(session: SurgerySession) -> QuerySet[Booking]:
    return Booking.objects.filter(slot__session=session, cancelled_at__isnull=True).select_related("slot")


def _list_link() -> str:
    return settings.SENDHUB_SITE_URL + reverse("voice:surgery_public_list")


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
    # Locked, so a booking and the session's cancellation never cross: one waits for the other.
    if SurgerySession.objects.select_for_update().get(pk=slot.session_id).cancelled_at is not None:
        raise CaseStateError("This session has been cancelled. Choose another session.")
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
def cancel_booking(*, booking: Booking, by: User | None = None, now: datetime | None = None) -> Booking:
    """Cancel one booking: by the family with their link (`by` None), or by staff for them."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.cancelled_at is not None:
        raise CaseStateError("This booking is already cancelled.")
    booking.cancelled_at = now or timezone.now()
    booking.full_clean()
    booking.save(update_fields=["cancelled_at"])
    record_event(
        actor=by,
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
        booking.full_clean()
        booking.save(update_fields=["reminder_sent_at"])
        record_event(
            actor=None,
            action="voice.surgery.reminded",
            target=booking.slot.session,
            data={"booking": booking.pk},
        )
    return due
