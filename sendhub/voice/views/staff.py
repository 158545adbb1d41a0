"""Surgeries (staff), the outbox and the reports."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.paging import page_of
from sendhub.core.steps import step
from sendhub.voice.forms import SessionCancelForm, SessionDetailsForm, SessionForm
from sendhub.voice.rules import SATISFACTION_TARGET
from sendhub.voice.selectors import reports
from sendhub.voice.selectors.mail import get_outbox_message, outbox_messages
from sendhub.voice.selectors.surgeries import get_live_booking, get_session, session_slots, sessions_for_staff
from sendhub.voice.services import surgeries as services


@requires("voice.manage_surgeries")
def surgery_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, sessions_for_staff(timezone.localdate()), 20)
    return render(request, "voice/surgery_list.html", {"page_obj": page})


@requires("voice.manage_surgeries")
def surgery_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SessionForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: services.create_session(by=request.user, **d),
        template="voice/surgery_create.html",
        context={},
        done=redirect,
    )


@requires("voice.manage_surgeries")
def surgery_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = get_session(pk)
    slots = session_slots(session)
    changeable = session.cancelled_at is None and session.on >= timezone.localdate()
    return render(
        request, "voice/surgery_detail.html", {"session": session, "slots": slots, "changeable": changeable}
    )


@requires("voice.manage_surgeries")
def surgery_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = get_session(pk)
    current = {"title": session.title, "venue": session.venue, "description": session.description}
    form = SessionDetailsForm(request.POST or None, initial=current)
    return step(
        request,
        form,
        lambda d: services.update_session(session=session, by=request.user, **d),
        template="voice/surgery_edit.html",
        context={"session": session},
        done=session,
        success="Session details saved",
    )


@requires("voice.manage_surgeries")
def surgery_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = get_session(pk)
    form = SessionCancelForm(request.POST or None)
    booked = sum(1 for _, booking in session_slots(session) if booking)
    return step(
        request,
        form,
        lambda d: services.cancel_session(session=session, by=request.user, **d),
        template="voice/surgery_cancel.html",
        context={"session": session, "booked": booked},
        done=session,
        success=lambda cancelled: f"Session cancelled. {len(cancelled)} families were emailed.",
    )


@requires("voice.manage_surgeries")
def surgery_booking_cancel(request: AuthenticatedHttpRequest, pk: int, booking: int) -> HttpResponse:
    """Cancel a booking for a family who asked by phone or email (they are emailed as if they had)."""
    session = get_session(pk)
    live = get_live_booking(session, booking)
    error = ""
    if request.method == "POST":
        try:
            services.cancel_booking(booking=live, by=request.user)
        except SendHubError as e:
            error = str(e)
        else:
            messages.success(request, f"Booking for {live.name} cancelled. They have been emailed.")
            return redirect(session)
    return render(
        request, "voice/surgery_booking_cancel.html", {"session": session, "booking": live, "error": error}
    )


@requires("voice.view_outbox")
def outbox_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, outbox_messages(), 50)
    return render(request, "voice/outbox_list.html", {"page_obj": page})


@requires("voice.view_outbox")
def outbox_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return render(request, "voice/outbox_detail.html", {"message": get_outbox_message(pk)})


@requires("voice.view_reports")
def voice_reports(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    start = date(today.year - 1, today.month, 1)
    return render(
        request,
        "voice/reports.html",
        {
            "start": start,
            "today": today,
            "by_topic": reports.contacts_by_topic_and_channel(start, today),
            "replies": reports.reply_timeliness(start, today, today),
            "complaints": reports.complaint_timeliness(start, today, today),
            "satisfaction": reports.satisfaction_by_month(start, today),
            "overall": reports.overall_satisfaction(start, today),
            "target": SATISFACTION_TARGET,
        },
    )
