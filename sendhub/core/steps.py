"""The shape every small form page shares: validate, call one service, go on; a refusal becomes a form error.

Cases, voice, local offer and strategy pages use it, so a refusal that names a field shows beside that field
(`add_refusal`) everywhere, and a success message or redirect is written once per page, not per app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal


class HasUrl(Protocol):
    def get_absolute_url(self) -> str: ...


# Where to go after a success: a record or URL name/path for `redirect`, or a function of the service's result.
Done = HasUrl | str | Callable[[Any], HttpResponse]


def step(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], Any],
    *,
    template: str,
    context: Mapping[str, Any],
    done: Done,
    success: str | Callable[[Any], str] = "",
) -> HttpResponse:
    """On a valid POST run `action(cleaned_data)` (one service call) and go to `done`, with the `success`
    message if given; a `SendHubError` it raises becomes a form error. Otherwise render `template` with
    the form and `context`."""
    if request.method == "POST" and form.is_valid():
        try:
            result = action(form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            if success:
                messages.success(request, success(result) if callable(success) else success)
            return done(result) if callable(done) else redirect(done)
    return render(request, template, {**context, "form": form})
