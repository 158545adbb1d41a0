"""Exceptional Needs Grants: clusters, applications, the panel's decisions and reviews."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.cases.selectors.funding import child_summaries, children_at_schools
from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.roles import Role
from sendhub.core.steps import step
from sendhub.funding import presenters
from sendhub.funding.forms import ApplicationForm, DecisionForm, ReviewForm
from sendhub.funding.selectors import eng as selectors
from sendhub.funding.services import eng as services
from sendhub.funding.views.common import download, year_asked


@requires("funding.view_eng")
def cluster_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    start_year = year_asked(request)
    rows = selectors.cluster_rows(request.user, start_year)
    return download(request, presenters.cluster_table(start_year, rows)) or render(
        request,
        "funding/cluster_list.html",
        {"rows": rows, "start_year": start_year, "totals": selectors.eng_totals(start_year)},
    )


@requires("funding.view_eng")
def cluster_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cluster = selectors.get_cluster_for_user(request.user, pk)
    applications = list(selectors.applications_for(request.user).filter(cluster=cluster)[:200])
    return render(
        request,
        "funding/cluster_detail.html",
        {
            "cluster": cluster,
            "rows": selectors.with_children(applications),
            "panels": [(p, selectors.agenda(request.user, p)) for p in selectors.panels(cluster)[:6]],
            "outcomes": selectors.outcome_counts(cluster),
            "can_apply": request.user.has_perm("funding.apply_eng"),
            "can_decide": request.user.has_perm("funding.decide_eng")
            and selectors.leads_cluster(request.user, cluster),
        },
    )


@requires("funding.apply_eng")
def application_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cluster = selectors.get_cluster_for_user(request.user, pk)
    own = [s.pk for s in request.user.schools.all() if cluster.schools.filter(pk=s.pk).exists()]
    if not own:
        raise PermissionDenied
    pupils = list(children_at_schools(request.user, own))
    form = ApplicationForm(
        request.POST or None,
        children=[(c.pk, f"{c.first_name} {c.last_name} ({c.reference})") for c in pupils],
    )
    if request.method == "POST" and form.is_valid():
        child = next(c for c in pupils if c.pk == form.cleaned_data["child"])
        data = {k: v for k, v in form.cleaned_data.items() if k != "child"}
        try:
            application = services.submit_application(
                cluster=cluster,
                school_id=child.school_id,  # type: ignore[arg-type]
                child_id=child.pk,
                on=timezone.localdate(),
                by=request.user,
                **data,
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(application)
    return render(request, "funding/application_create.html", {"cluster": cluster, "form": form})


@requires("funding.view_eng")
def application_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.get_application_for_user(request.user, pk)
    decision = getattr(application, "decision", None)
    return render(
        request,
        "funding/application_detail.html",
        {
            "application": application,
            "child": child_summaries([application.child_id]).get(application.child_id, {}),
            "decision": decision,
            "payments": list(decision.payments.all()) if decision else [],
            "review": getattr(decision, "review", None) if decision else None,
            "can_decide": request.user.has_perm("funding.decide_eng")
            and selectors.leads_cluster(request.user, application.cluster),
            "show_name": request.user.role == Role.SENCO,
            "can_pay": request.user.has_perm("funding.manage_budget"),
            "evidence": selectors.evidence_for(application),
            "can_add_evidence": selectors.may_add_evidence(request.user, application),
        },
    )


@requires("funding.decide_eng")
def application_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.get_application_for_user(request.user, pk)
    if not selectors.leads_cluster(request.user, application.cluster):
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_application(
                application=application,
                outcome=data["outcome"],
                reasons=data["reasons"],
                amount=data["amount"] or Decimal(0),
                start=data["start"],
                end=data["end"],
                on=timezone.localdate(),
                by=request.user,
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(application)
    return render(request, "funding/application_decide.html", {"application": application, "form": form})


@requires("funding.decide_eng")
def grant_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.get_application_for_user(request.user, pk)
    decision = getattr(application, "decision", None)
    if decision is None or not selectors.leads_cluster(request.user, application.cluster):
        raise PermissionDenied
    form = ReviewForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: services.review_grant(decision=decision, on=timezone.localdate(), by=request.user, **d),
        template="funding/grant_review.html",
        context={"application": application},
        done=application,
    )


@post_only("funding.manage_budget")
def payment_record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Finance records a term's payment as made (today)."""
    payment = selectors.get_payment(pk)
    try:
        services.record_payment(payment=payment, paid_on=timezone.localdate(), by=request.user)
    except SendHubError as e:
        messages.error(request, str(e))
    return redirect(payment.decision.application)
