from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from sendhub.voice.models import Booking, SurgerySession, SurgerySlot


def bookable_sessions(now: datetime) -> list[tuple[SurgerySession, int]]:
    """Sessions from today on with at least one free future slot, and how many are free."""
    result = []
    upcoming = SurgerySession.objects.filter(
        on__gte=timezone.localtime(now).date(), cancelled_at__isnull=True
    )
    for session in upcoming.order_by("on", "pk"):
        free = len(free_slots(session, now))
        if free:
            result.append((session, free))
    return result


def free_slots(session: SurgerySession, now: datetime) -> list[SurgerySlot]:
    if session.cancelled_at is not None:
        return []
    taken = Booking.objects.filter(cancelled_at__isnull=True).values("slot_id")
    return list(session.slots.filter(starts_at__gt=now).exclude(pk__in=taken).order_by("starts_at"))


def sessions_for_staff(today: Any) -> QuerySet[SurgerySession]:
    live = Booking.objects.filter(cancelled_at__isnull=True)
    return (
        SurgerySession.objects.annotate(
            slot_total=Count("slots", distinct=True),
            booked=Count(
                "slots__bookings", filter=Q(slots__bookings__cancelled_at__isnull=True), distinct=True
            ),
        )
        .prefetch_related(Prefetch("slots__bookings", queryset=live))
        .order_by("-on", "-pk")
    )


def get_session(pk: int) -> SurgerySession:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(SurgerySession, pk=pk)


def get_live_booking(session: SurgerySession, pk: int) -> Booking:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Booking.objects.select_related("slot__session"),
        pk=pk,
        slot__session=session,
        cancelled_at__isnull=True,
    )


def get_booking_by_token(token: str) -> Booking:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Booking.objects.select_related("slot__session"), token=token)


def session_slots(session: SurgerySession) -> list[tuple[SurgerySlot, Booking | None]]:
    """Each slot of the session with its live booking, or None when it is free (a slot can have several
    cancelled bookings but only one live one). For a cancelled session: the bookings it cancelled."""
    if session.cancelled_at is None:
        live = Booking.objects.filter(cancelled_at__isnull=True)
    else:
        live = Booking.objects.filter(cancelled_at=session.cancelled_at)
    slots = session.slots.prefetch_related(Prefetch("bookings", queryset=live, to_attr="live"))
    return [(slot, slot.live[0] if slot.live else None) for slot in slots]
