"""Staff invite a young person (16 or over, past compulsory school age) as the account for their record."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.cases import selectors
from sendhub.cases.forms.young_person import YoungPersonInviteForm
from sendhub.cases.services import young_person as svc
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal


@requires("cases.edit_child")
def invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = YoungPersonInviteForm(request.POST or None, initial={"full_name": child.full_name})
    if request.method == "POST" and form.is_valid():
        try:
            user = svc.invite_young_person(
                child=child,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                by=request.user,
                today=timezone.localdate(),
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, f"Invitation sent to {user.email}")
            return redirect(child)
    return render(
        request,
        "cases/step_form.html",
        {
            "form": form,
            "title": "Invite the young person to their own account",
            "button": "Send the invitation",
            "child": child,
            "back": child,
            "links": [],
        },
    )
