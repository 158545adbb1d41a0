"""The Duty Line: queues, logging a contact, the thread with replies and notes, finding a reference."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.paging import page_of
from sendhub.voice.forms import (
    AssignForm,
    FindReferenceForm,
    LogContactForm,
    NoteForm,
    ReplyForm,
    VersionForm,
)
from sendhub.voice.selectors.contacts import (
    QUEUES,
    child_visible_to,
    children_for_chooser,
    duty_line_staff,
    duty_queue,
    family_thread,
    find_contact_by_reference,
    get_contact_for_user,
    get_own_contact,
    own_contacts,
    queue_tabs,
)
from sendhub.voice.services import claims
from sendhub.voice.services import contacts as services


@requires("voice.view_contacts")
def contact_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    queue = request.GET.get("queue", "open")
    queue = queue if queue in QUEUES else "open"
    page = page_of(request, duty_queue(request.user, today, queue), 25)
    return render(
        request,
        "voice/contact_list.html",
        {
            "page_obj": page,
            "queue": queue,
            "queue_label": QUEUES[queue],
            "today": today,
            "tabs": queue_tabs(request.user, today),
        },
    )


@requires("voice.manage_contacts")
def contact_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = LogContactForm(request.POST or None, children=children_for_chooser(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        data.pop("website", None)
        contact = services.log_contact(received_at=timezone.now(), by=request.user, **data)
        messages.success(request, f"Contact logged. Give the family the reference {contact.reference}")
        return redirect(contact)
    return render(request, "voice/contact_create.html", {"form": form})


@requires("voice.view_contacts")
def contact_find(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = FindReferenceForm(request.GET or None)
    if form.is_valid():
        contact = find_contact_by_reference(request.user, form.data["reference"])
        if contact is not None:
            return redirect(contact)
        form.add_error("reference", f"No contact has the reference {form.cleaned_data['reference']}")
    return render(request, "voice/contact_find.html", {"form": form})


def _detail_context(request: AuthenticatedHttpRequest, contact: Any) -> dict[str, object]:
    return {
        "contact": contact,
        "thread": contact.messages.select_related("author"),
        "show_child": child_visible_to(request.user, contact),
        "today": timezone.localdate(),
        "can_manage": request.user.has_perm("voice.manage_contacts"),
        "can_complain": request.user.has_perm("voice.manage_complaints"),
        "has_complaint": hasattr(contact, "complaint"),
        "follow_ups": contact.follow_ups.order_by("received_at"),
    }


@requires("voice.view_contacts")
def contact_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, pk)
    context = _detail_context(request, contact)
    context |= {
        "reply_form": ReplyForm(initial={"version": contact.version}),
        "note_form": NoteForm(),
        "assign_form": AssignForm(
            initial={"version": contact.version, "assigned_to": contact.assigned_to_id},
            staff=duty_line_staff(),
        ),
    }
    return render(request, "voice/contact_detail.html", context)


@post_only("voice.manage_contacts")
def contact_reply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, pk, write=True)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_to_contact(contact=contact, by=request.user, **form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, f"Reply sent for {contact.reference}")
            return redirect(contact)
    return render(request, "voice/contact_reply.html", {"contact": contact, "form": form})


@post_only("voice.manage_contacts")
def contact_note(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, pk, write=True)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_note(contact=contact, body=form.cleaned_data["note"], by=request.user)
        messages.success(request, "Note added")
    else:
        messages.error(request, "Enter the note")
    return redirect(contact)


@post_only("voice.manage_contacts")
def contact_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, pk, write=True)
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise SendHubError("Reload the page and try again")
        if contact.closed_at is None:
            services.close_contact(contact=contact, by=request.user, version=form.cleaned_data["version"])
            messages.success(request, f"{contact.reference} closed")
        else:
            services.reopen_contact(contact=contact, by=request.user, version=form.cleaned_data["version"])
            messages.success(request, f"{contact.reference} reopened")
    except SendHubError as e:
        messages.error(request, str(e))
    return redirect(contact)


@post_only("voice.manage_contacts")
def contact_assign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, pk, write=True)
    form = AssignForm(request.POST, staff=duty_line_staff())
    if not form.is_valid():
        messages.error(request, "Choose someone from the list")
        return redirect(contact)
    try:
        services.assign_contact(
            contact=contact,
            to=form.cleaned_data["assigned_to"],
            by=request.user,
            version=form.cleaned_data["version"],
        )
    except SendHubError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"{contact.reference} assigned")
    return redirect(contact)


@requires("voice.view_own_contacts")
def own_contact_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, own_contacts(request.user), 25)
    return render(request, "voice/own_contact_list.html", {"page_obj": page, "today": timezone.localdate()})


@requires("voice.view_own_contacts")
def own_contact_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_own_contact(request.user, pk)
    thread = family_thread(contact)
    return render(
        request,
        "voice/own_contact_detail.html",
        {"contact": contact, "thread": thread, "today": timezone.localdate()},
    )


@requires("voice.view_own_contacts")
def own_contact_claim(request: AuthenticatedHttpRequest, token: str) -> HttpResponse:
    """The link from a confirmation email: add that message to the signed-in parent's messages."""
    error = ""
    try:
        contact, _ = claims.contact_for_token(token)
    except SendHubError as e:
        contact, error = None, str(e)
    if contact is not None and request.method == "POST":
        try:
            claimed = claims.claim_contact(token=token, user=request.user)
        except SendHubError as e:
            error = str(e)
        else:
            messages.success(request, f"{claimed.reference} is now in your messages.")
            return redirect("voice:own_contact_detail", pk=claimed.pk)
    status = 400 if error else 200
    return render(
        request, "voice/own_contact_claim.html", {"contact": contact, "error": error}, status=status
    )
