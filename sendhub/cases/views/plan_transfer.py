"""Transferring a plan to another local authority in England (SEND Regulations 2014 reg 15)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from sendhub.cases import forms, selectors
from sendhub.cases.services import plan_transfer as svc
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires


@requires("cases.edit_child")
def plan_transfer_out(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = forms.PlanTransferForm(request.POST or None)
    return _step(
        request,
        form,
        plan,
        "Transfer the plan to another local authority (reg 15)",
        lambda d: svc.transfer_plan_out(plan=plan, by=request.user, today=timezone.localdate(), **d),
        button="Transfer the plan and write to the new authority and the family",
    )
