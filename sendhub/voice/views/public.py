"""Public pages (no sign-in): contact the SEND service, answer a survey, "you said, we did", surgeries."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core import ratelimit
from sendhub.core.clientip import client_address
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.voice.forms import BookingForm, PublicContactForm, answer_form_class
from sendhub.voice.selectors.surgeries import bookable_sessions, free_slots, get_booking_by_token, get_session
from sendhub.voice.selectors.surveys import get_invitation_by_token, published_you_said_we_did
from sendhub.voice.services import contacts as contact_services
from sendhub.voice.services import surgeries as surgery_services
from sendhub.voice.services import surveys as survey_services

SESSION_REFERENCE = "voice_contact_reference"


@login_not_required
def contact_public(request: HttpRequest) -> HttpResponse:
    form = PublicContactForm(request.POST if request.method == "POST" else None)
    show_honeypot = False
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        source_key = contact_services.source_key_for(client_address(request))
        if form.is_spam:
            show_honeypot = True  # a person whose browser filled it in can see it, clear it and send
            form.add_error(
                None,
                "Your message was not sent. Clear the box labelled 'Leave this empty' and send it again.",
            )
        elif refusal := ratelimit.refuse(request, "contact"):
            return refusal
        else:
            data = form.cleaned_data
            contact = contact_services.log_contact(
                channel="web",
                topic=data["topic"],
                name=data["name"],
                relationship=data["relationship"],
                email=data["email"],
                phone=data["phone"],
                child_name=data["child_name"],
                summary=data["message"][:120],
                message=data["message"],
                received_at=now,
                source_key=source_key,
                quoted_reference=data["quoted_reference"],
                sender_account=request.user if request.user.is_authenticated else None,
            )
            request.session[SESSION_REFERENCE] = [contact.reference, contact.reply_due.isoformat()]
            return redirect("voice:contact_public_sent")
    return render(request, "voice/contact_public.html", {"form": form, "show_honeypot": show_honeypot})


@login_not_required
def contact_public_sent(request: HttpRequest) -> HttpResponse:
    sent = request.session.get(SESSION_REFERENCE)
    if not sent:
        return redirect("voice:contact_public")
    return render(
        request,
        "voice/contact_public_sent.html",
        {"reference": sent[0], "reply_due": datetime.fromisoformat(sent[1]).date()},
    )


@login_not_required
def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_invitation_by_token(token)
    if invitation.answered_at is not None:
        return render(request, "voice/survey_thanks.html", {"survey": invitation.survey, "already": True})
    questions = list(invitation.survey.questions.all())
    form = answer_form_class(questions)(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        answers = {q.pk: form.cleaned_data.get(f"q{q.pk}") for q in questions}
        try:
            survey_services.submit_response(invitation=invitation, answers=answers)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return render(
                request, "voice/survey_thanks.html", {"survey": invitation.survey, "already": False}
            )
    return render(request, "voice/survey_answer.html", {"survey": invitation.survey, "form": form})


@login_not_required
def you_said_we_did(request: HttpRequest) -> HttpResponse:
    entries = published_you_said_we_did()
    return render(request, "voice/you_said_we_did.html", {"entries": entries})


@login_not_required
def surgery_public_list(request: HttpRequest) -> HttpResponse:
    return render(request, "voice/surgery_public_list.html", {"sessions": bookable_sessions(timezone.now())})


@login_not_required
def surgery_book(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session(pk)
    slots = free_slots(session, timezone.now())
    if not slots and request.method != "POST":
        raise Http404("No free times in this session")
    form = BookingForm(request.POST or None, slots=slots)
    if request.method == "POST" and form.is_valid():
        if refusal := ratelimit.refuse(request, "surgery_booking"):
            return refusal
        data = form.cleaned_data
        slot = next(s for s in slots if s.pk == data.pop("slot"))
        try:
            booking = surgery_services.book_slot(slot=slot, **data)
        except SendHubError as e:
            form.add_error("slot", str(e))
        else:
            return redirect("voice:surgery_booking", token=booking.token)
    return render(request, "voice/surgery_book.html", {"session": session, "form": form})


@login_not_required
def surgery_booking(request: HttpRequest, token: str) -> HttpResponse:
    booking = get_booking_by_token(token)
    error = ""
    if request.method == "POST":
        try:
            surgery_services.cancel_booking(booking=booking)
        except SendHubError as e:
            error = str(e)
        else:
            return redirect("voice:surgery_booking", token=token)
    return render(request, "voice/surgery_booking.html", {"booking": booking, "error": error})
