from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sendhub.cases import document_selectors, forms, selectors
from sendhub.cases.forms.documents import AdviceReceivedForm
from sendhub.cases.presenters import request_summary
from sendhub.cases.selectors import reviews as review_selectors
from sendhub.cases.services import documents as document_services
from sendhub.cases.services import plans as plan_services
from sendhub.cases.services import requests as svc
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_view


@requires("cases.record_request")
def child_request_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.RequestForm(request.POST or None)
    return _step(
        request,
        form,
        child,
        "Record a request for an EHC needs assessment",
        lambda d: svc.record_request(child=child, by=request.user, today=timezone.localdate(), **d),
    )


@requires("cases.view_child")
def request_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.get_request_for_user(request.user, pk)
    record_view(request, assessment.child)
    context = request_summary(assessment, request.user, timezone.localdate())
    context["documents"] = document_selectors.request_documents(assessment)
    context["consultations"] = review_selectors.request_consultations(assessment, timezone.localdate())
    return render(request, "cases/request_detail.html", context)


@requires("cases.edit_child")
def request_decision(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    form = forms.DecisionForm(request.POST or None, initial={"version": a.version})
    return _step(
        request,
        form,
        a,
        "Decision whether to assess (reg 5)",
        lambda d: svc.record_assessment_decision(
            request=a,
            assess=d["decision"] == "yes",
            decided_on=d["decided_on"],
            by=request.user,
            today=timezone.localdate(),
            expected_version=d["version"],
        ),
    )


@requires("cases.edit_child")
def advice_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    form = forms.AdviceForm(request.POST or None)
    return _step(
        request,
        form,
        a,
        "Request advice (reg 6)",
        lambda d: svc.request_advice(request=a, by=request.user, today=timezone.localdate(), **d),
    )


@requires("cases.edit_child")
def advice_received(request: AuthenticatedHttpRequest, pk: int, advice_pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    advice = selectors.get_advice(a, advice_pk)
    form = AdviceReceivedForm(
        request.POST or None, request.FILES or None, max_mb=settings.SENDHUB_MAX_UPLOAD_MB
    )
    return _step(
        request,
        form,
        a,
        f"{advice.get_kind_display()} received",
        lambda d: document_services.receive_advice(
            advice=advice, received_on=d["on"], upload=d["file"], by=request.user, today=timezone.localdate()
        ),
    )


@requires("cases.edit_child")
def exception_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    form = forms.ExceptionForm(request.POST or None)
    return _step(
        request,
        form,
        a,
        "Record an exception to the time limits (reg 10(4))",
        lambda d: svc.record_exception(request=a, by=request.user, **d),
    )


@requires("cases.edit_child")
def issue_decision(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    form = forms.DecisionForm(request.POST or None, initial={"version": a.version})
    return _step(
        request,
        form,
        a,
        "Decision whether to issue a plan (reg 10)",
        lambda d: svc.record_issue_decision(
            request=a,
            issue=d["decision"] == "yes",
            decided_on=d["decided_on"],
            by=request.user,
            today=timezone.localdate(),
            expected_version=d["version"],
        ),
    )


@requires("cases.edit_child")
def draft_issue(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    form = forms.SectionsForm(request.POST or None, initial_sections=selectors.latest_sections(a))
    return _step(
        request,
        form,
        a,
        "Issue the draft plan (reg 13(1))",
        lambda d: svc.issue_draft(
            request=a,
            issued_on=d["on"],
            sections=plan_services.sections_from(d),
            by=request.user,
            today=timezone.localdate(),
        ),
        button="Issue the draft",
    )


@requires("cases.edit_child")
def final_issue(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    form = forms.FinalForm(request.POST or None, initial_sections=selectors.latest_sections(a))
    return _step(
        request,
        form,
        a,
        "Issue the final plan (reg 13(2))",
        lambda d: svc.issue_final(
            request=a,
            issued_on=d["on"],
            sections=plan_services.sections_from(d),
            named_setting=d["named_setting"],
            by=request.user,
            today=timezone.localdate(),
        ),
        button="Issue the final plan",
        links=selectors.structured_links(selectors.plan_of(a)),
    )


@requires("cases.edit_child")
def request_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    form = forms.WithdrawForm(
        request.POST or None, initial={"version": a.version}, label="Date the request was withdrawn"
    )
    return _step(
        request,
        form,
        a,
        "Withdraw the request",
        lambda d: svc.withdraw_request(
            request=a,
            withdrawn_on=d["on"],
            by=request.user,
            today=timezone.localdate(),
            expected_version=d["version"],
        ),
        button="Withdraw",
    )
