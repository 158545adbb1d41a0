"""Staff answer families: the family tasks list, a reply on the case page, a task marked done."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.paging import page_of
from sendhub.portal import forms, selectors
from sendhub.portal.services import staff as svc

PERM = "portal.answer_families"


@requires(PERM)
def tasks(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, selectors.open_tasks(request.user), 50)
    return render(request, "portal/tasks.html", {"page_obj": page, "today": timezone.localdate()})


def _back_to_case(child_pk: int) -> HttpResponse:
    from django.urls import reverse

    return redirect(reverse("cases:child_detail", args=[child_pk]) + "#family")


@post_only(PERM)
def reply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = selectors.get_thread_for_staff(request.user, pk)
    if not request.user.has_perm("cases.edit_child"):
        return redirect("cases:child_detail", pk=thread.child_id)
    form = forms.ReplyForm(request.POST)
    if form.is_valid():
        try:
            svc.reply(
                thread=thread, body=form.cleaned_data["body"], by=request.user, today=timezone.localdate()
            )
        except SendHubError as e:
            messages.error(request, str(e))
        else:
            messages.success(request, "Your reply has been sent. The family has been emailed a link to it.")
    else:
        messages.error(request, "Write your reply")
    return _back_to_case(thread.child_id)


@post_only(PERM)
def task_done(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = selectors.get_task_for_staff(request.user, pk)
    try:
        svc.complete_task(task=task, by=request.user)
    except SendHubError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Done: {task.title}")
    return _back_to_case(task.child_id)
