"""Strategy pages of the partner measures: the catalogue, a measure's values, entering and uploading them.
Thin views."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import ImportRejected
from sendhub.core.steps import step
from sendhub.strategy.forms import (
    UploadForm,
    ValueForm,
)
from sendhub.strategy.selectors.measures import (
    get_partner_measure_for_user,
    partner_measures_for,
    partner_values,
)
from sendhub.strategy.services import measures as measure_services


@requires("strategy.view_partner_measures")
def partner_measure_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/partner_measure_list.html",
        {
            "measures": partner_measures_for(request.user),
            "can_enter": request.user.has_perm("strategy.enter_partner_measures"),
            "can_see_visits": request.user.has_perm("strategy.view_plan"),
        },
    )


@requires("strategy.view_partner_measures")
def partner_measure_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    measure = get_partner_measure_for_user(request.user, pk)
    return render(
        request,
        "strategy/partner_measure_detail.html",
        {
            "measure": measure,
            "values": partner_values(measure),
            "can_enter": measure_services.can_enter(request.user, measure),
        },
    )


@requires("strategy.enter_partner_measures")
def value_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    measure = get_partner_measure_for_user(request.user, pk)
    if not measure_services.can_enter(request.user, measure):
        raise PermissionDenied
    form = ValueForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: measure_services.record_partner_value(
            measure=measure, by=request.user, entry=measure_services.ValueInput(**d)
        ),
        template="strategy/value_create.html",
        context={"measure": measure},
        done=measure,
        success=f"Value saved for {measure.name}",
    )


@requires("strategy.enter_partner_measures")
def value_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = measure_services.upload_partner_values(text=form.cleaned_data["file"], by=request.user)
        except ImportRejected as e:
            form.add_error("file", str(e))
            problems = e.errors
        else:
            messages.success(request, f"{len(saved)} value(s) saved")
            return redirect("strategy:partner_measure_list")
    return render(request, "strategy/value_upload.html", {"form": form, "problems": problems})
