from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from sendhub.cases import forms, selectors
from sendhub.cases.la_codes import authority_name
from sendhub.cases.services import registers as svc
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.paging import page_of


@requires("cases.view_registers")
def appeal_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, selectors.appeals_register(request.user), 50)
    return render(
        request,
        "cases/appeal_list.html",
        {"page_obj": page, "can_edit": request.user.has_perm("cases.edit_child")},
    )


@requires("cases.edit_child")
def appeal_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.AppealForm(request.POST or None)
    return _step(
        request,
        form,
        child,
        "Record mediation or a tribunal appeal",
        lambda d: svc.record_appeal(child=child, by=request.user, **d),
    )


@requires("cases.edit_child")
def appeal_outcome(request: AuthenticatedHttpRequest, pk: int, appeal_pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    appeal = selectors.get_appeal(child, appeal_pk)
    form = forms.AppealOutcomeForm(request.POST or None)
    return _step(
        request,
        form,
        child,
        "Record the outcome",
        lambda d: svc.record_appeal_outcome(appeal=appeal, by=request.user, **d),
    )


@requires("cases.view_registers")
def transfer_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, selectors.transfers_register(request.user), 50)
    rows = [
        (t, "Outside England or unknown" if t.other_la == "XXX" else authority_name(t.other_la)) for t in page
    ]
    return render(request, "cases/transfer_list.html", {"page_obj": page, "rows": rows})


@requires("cases.edit_child")
def transfer_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.TransferForm(request.POST or None)
    return _step(
        request,
        form,
        child,
        "Record a transfer into or out of the area",
        lambda d: svc.record_transfer(child=child, by=request.user, **d),
    )
