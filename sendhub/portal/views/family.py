"""The family's pages (/family/): their children only (portal.selectors.get_family_child: else 404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as djforms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_view
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.portal import forms, selectors
from sendhub.portal.services import family as svc

PERM = "portal.use_family_pages"


@requires(PERM)
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(request, "portal/home.html", {"cards": selectors.family_home(request.user, today)})


@requires(PERM)
def child(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_family_child(request.user, pk)
    record_view(request, found)
    return render(request, "portal/child.html", selectors.child_page(found, timezone.localdate()))


def _action(
    request: AuthenticatedHttpRequest,
    pk: int,
    form_class: type[djforms.Form],
    page: dict[str, Any],
    act: Callable[..., Any],
    done: str,
    **form_kwargs: Any,
) -> HttpResponse:
    """One family action: the form, the service (its refusal shown on the form), then back to the child."""
    found = selectors.get_family_child(request.user, pk)
    today = timezone.localdate()
    form = form_class(request.POST or None, request.FILES or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            act(child=found, data=data, by=request.user, today=today)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, done)
            return redirect("portal:child", pk=found.pk)
    context = {
        "child": found,
        "form": form,
        **page,
        "draft": selectors.draft_window(found, today),
        "review": selectors.open_review(found) if page.get("intro") == "review" else None,
    }
    return render(request, "portal/action.html", context)


@requires(PERM)
def give_views(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        forms.ViewsForm,
        {"heading": "Give your views", "button": "Send your views", "intro": "views"},
        lambda child, data, by, today: svc.give_views(
            child=child,
            about_child=data["about"] == "child",
            text=data["text"],
            upload=data["file"],
            by=by,
            today=today,
        ),
        "Thank you. Your views have been sent to the SEND team.",
    )


@requires(PERM)
def ask_for_assessment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        forms.AssessmentForm,
        {"heading": "Ask for an assessment", "button": "Send your request", "intro": "assessment"},
        lambda child, data, by, today: svc.request_assessment(
            child=child, text=data["text"], upload=data["file"], by=by, today=today
        ),
        "Your request has been sent. We will tell you within 6 weeks whether we will carry out an assessment.",
    )


@requires(PERM)
def draft_comments(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        forms.DraftCommentsForm,
        {"heading": "Comment on the draft plan", "button": "Send your comments", "intro": "draft"},
        lambda child, data, by, today: svc.comment_on_draft(
            child=child,
            text=data["text"],
            preferred_setting=data["preferred_setting"],
            preferred_school=data["preferred_school"],
            upload=data["file"],
            by=by,
            today=today,
        ),
        "Thank you. Your comments have been sent to the SEND team.",
    )


@requires(PERM)
def review_contribution(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        forms.ReviewForm,
        {"heading": "Send your contribution to the yearly review", "button": "Send", "intro": "review"},
        lambda child, data, by, today: svc.contribute_to_review(
            child=child,
            text=data["text"],
            child_text=data.get("child_text", ""),
            upload=data["file"],
            by=by,
            today=today,
        ),
        "Thank you. Your contribution has been sent to the SEND team.",
        young_person=selectors.is_young_person(selectors.get_family_child(request.user, pk), request.user),
    )


@requires(PERM)
def thread_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_family_child(request.user, pk)
    form = forms.NewThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = svc.start_thread(
                child=found,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                by=request.user,
                today=timezone.localdate(),
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "Your message has been sent.")
            return redirect("portal:thread", pk=thread.pk)
    return render(request, "portal/thread_new.html", {"child": found, "form": form})


@requires(PERM)
def thread(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_thread_for_family(request.user, pk)
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.family_message(
                thread=found, body=form.cleaned_data["body"], by=request.user, today=timezone.localdate()
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "Your message has been sent.")
            return redirect("portal:thread", pk=found.pk)
    return render(
        request,
        "portal/thread.html",
        {
            "thread": found,
            "child": found.child,
            "thread_messages": selectors.thread_messages(found),
            "form": form,
        },
    )
