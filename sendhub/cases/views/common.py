"""The casework form page: core's `step` with the casework template, going back to the request or child."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse

from sendhub.cases import forms
from sendhub.core.access import AuthenticatedHttpRequest
from sendhub.core.steps import step as core_step


def step(
    request: AuthenticatedHttpRequest,
    form: Any,
    target: Any,
    title: str,
    action: Callable[[dict[str, Any]], object],
    button: str = "Save",
    links: list[tuple[str, str]] | None = None,
    done: Any = None,
) -> HttpResponse:
    """The casework form page (`cases/step_form.html`) around core's `step`: back to the request or child
    (or, after a success, to ``done`` when given: a record, URL or function of the result)."""
    return core_step(
        request,
        form,
        action,
        template="cases/step_form.html",
        context={
            "title": title,
            "button": button,
            "child": getattr(target, "child", target),
            "back": target,
            "links": links or [],
        },
        done=target if done is None else done,
    )


def confirm_form(request: AuthenticatedHttpRequest) -> forms.ConfirmForm:
    # Bound on any POST: the form has no fields, so an empty POST body is still the confirmation.
    return forms.ConfirmForm(request.POST if request.method == "POST" else None)
