"""The shape every small casework form shares: validate, call one service, go back; errors become form errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render

from sendhub.cases import forms
from sendhub.core.access import AuthenticatedHttpRequest
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal


def step(
    request: AuthenticatedHttpRequest,
    form: Any,
    target: Any,
    title: str,
    action: Callable[[dict[str, Any]], object],
    button: str = "Save",
    links: list[tuple[str, str]] | None = None,
) -> HttpResponse:
    """Validate, run one service, go back to the request; domain errors become form errors."""
    if request.method == "POST" and form.is_valid():
        try:
            action(form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(target)
    return render(
        request,
        "cases/step_form.html",
        {
            "form": form,
            "title": title,
            "button": button,
            "child": getattr(target, "child", target),
            "back": target,
            "links": links or [],
        },
    )


def confirm_form(request: AuthenticatedHttpRequest) -> forms.ConfirmForm:
    # Bound on any POST: the form has no fields, so an empty POST body is still the confirmation.
    return forms.ConfirmForm(request.POST if request.method == "POST" else None)
