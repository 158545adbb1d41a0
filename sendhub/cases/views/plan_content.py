"""Change or remove a structured outcome or provision row of the draft or proposed amendments."""

from __future__ import annotations

from django.forms.models import model_to_dict
from django.http import HttpResponse

from sendhub.cases import forms, selectors
from sendhub.cases.services import plan_content as svc
from sendhub.cases.views.common import confirm_form
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires


@requires("cases.edit_child")
def outcome_edit(request: AuthenticatedHttpRequest, pk: int, outcome_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    outcome = selectors.get_outcome(plan, outcome_pk)
    return _step(
        request,
        forms.OutcomeForm(request.POST or None, initial=model_to_dict(outcome, fields=svc.OUTCOME_FIELDS)),
        plan,
        "Change an outcome (section E)",
        lambda d: svc.update_outcome(plan=plan, outcome=outcome, by=request.user, **d),
    )


@requires("cases.edit_child")
def outcome_remove(request: AuthenticatedHttpRequest, pk: int, outcome_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    outcome = selectors.get_outcome(plan, outcome_pk)
    return _step(
        request,
        confirm_form(request),
        plan,
        f"Remove the outcome \u201c{outcome}\u201d? Provision linked to it stays, without the link.",
        lambda d: svc.remove_outcome(plan=plan, outcome=outcome, by=request.user),
        button="Yes, remove",
    )


@requires("cases.edit_child")
def provision_edit(request: AuthenticatedHttpRequest, pk: int, provision_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    provision = selectors.get_provision(plan, provision_pk)
    form = forms.ProvisionForm(
        request.POST or None,
        outcomes=selectors.latest_outcomes(plan),
        initial=model_to_dict(provision, fields=svc.PROVISION_FIELDS),
    )
    return _step(
        request,
        form,
        plan,
        "Change provision (sections F to H)",
        lambda d: svc.update_provision(plan=plan, provision=provision, by=request.user, **d),
    )


@requires("cases.edit_child")
def provision_remove(request: AuthenticatedHttpRequest, pk: int, provision_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    provision = selectors.get_provision(plan, provision_pk)
    return _step(
        request,
        confirm_form(request),
        plan,
        f"Remove this section {provision.section} provision? \u201c{provision.description[:80]}\u201d",
        lambda d: svc.remove_provision(plan=plan, provision=provision, by=request.user),
        button="Yes, remove",
    )
