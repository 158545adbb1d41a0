"""Complaints with their LGSCO due dates, and compliments."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.paging import page_of
from sendhub.core.steps import step
from sendhub.voice import rules
from sendhub.voice.forms import AdvanceComplaintForm, ComplimentForm, OpenComplaintForm
from sendhub.voice.selectors.complaints import (
    complaints_awaiting_response,
    complaints_for,
    compliments,
    get_complaint_for_user,
)
from sendhub.voice.selectors.contacts import get_contact_for_user
from sendhub.voice.services import complaints as services


@requires("voice.view_complaints")
def complaint_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    awaiting = request.GET.get("show") == "awaiting"
    complaints = complaints_awaiting_response(request.user) if awaiting else complaints_for(request.user)
    page = page_of(request, complaints, 25)
    return render(
        request,
        "voice/complaint_list.html",
        {
            "page_obj": page,
            "today": timezone.localdate(),
            "awaiting": awaiting,
            "query": "show=awaiting" if awaiting else "",
        },
    )


@requires("voice.manage_complaints")
def complaint_create(request: AuthenticatedHttpRequest, contact_pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, contact_pk)
    form = OpenComplaintForm(
        request.POST or None, initial={"received_on": timezone.localtime(contact.received_at).date()}
    )
    return step(
        request,
        form,
        lambda d: services.open_complaint(contact=contact, by=request.user, **d),
        template="voice/complaint_create.html",
        context={"contact": contact},
        done=redirect,
    )


@requires("voice.view_complaints")
def complaint_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    complaint = get_complaint_for_user(request.user, pk)
    can_manage = request.user.has_perm("voice.manage_complaints")
    form = AdvanceComplaintForm(
        request.POST or None, initial={"version": complaint.version, "on": timezone.localdate()}
    )
    if request.method == "POST" and can_manage and form.is_valid():
        try:
            services.advance_complaint(complaint=complaint, by=request.user, **form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "Complaint updated")
            return redirect(complaint)
    today = timezone.localdate()
    steps = [
        ("Acknowledge (5 working days)", complaint.acknowledge_due, complaint.acknowledged_on),
        ("Stage 1 response (10 working days)", complaint.stage1_due, complaint.stage1_responded_on),
        ("Stage 2 response (20 working days)", complaint.stage2_due, complaint.stage2_responded_on),
    ]
    timeline = [
        (label, rules.step_timeliness(due=due, done_on=done, today=today))
        for label, due, done in steps
        if due
    ]
    return render(
        request,
        "voice/complaint_detail.html",
        {"complaint": complaint, "form": form, "can_manage": can_manage, "timeline": timeline},
    )


@requires("voice.log_compliments")
def compliment_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, compliments(), 25)
    return render(request, "voice/compliment_list.html", {"page_obj": page})


@requires("voice.log_compliments")
def compliment_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ComplimentForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.log_compliment(by=request.user, **form.cleaned_data)
        messages.success(request, "Compliment logged")
        return redirect("voice:compliment_list")
    return render(request, "voice/compliment_create.html", {"form": form})
