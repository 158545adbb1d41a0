"""The advice inbox for educational psychologists, health and social care advisers (reg 6(1), reg 8)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.cases import document_selectors
from sendhub.cases.forms.documents import DeclineAdviceForm, GiveAdviceForm
from sendhub.cases.selectors.advice import advice_inbox, get_advice_for_adviser
from sendhub.cases.services import advice as svc
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_view
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal


@requires("cases.give_advice")
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request, "cases/advice_inbox.html", {"inbox": advice_inbox(request.user, today), "today": today}
    )


@requires("cases.give_advice")
def advice_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    advice = get_advice_for_adviser(request.user, pk)
    child = advice.request.child
    form = GiveAdviceForm(request.POST or None, request.FILES or None, max_mb=settings.SENDHUB_MAX_UPLOAD_MB)
    if request.method == "POST" and form.is_valid():
        try:
            svc.give_advice(
                advice=advice,
                text=form.cleaned_data["text"],
                upload=form.cleaned_data["file"],
                by=request.user,
                today=timezone.localdate(),
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "Your advice has been sent to the case officer.")
            return redirect("cases:advice_inbox")
    if request.method == "GET":
        record_view(request, child)
    return render(
        request,
        "cases/advice_detail.html",
        {
            "advice": advice,
            "child": child,
            "form": form,
            "asked": advice.received_on is None and advice.declined_on is None,
            "documents": document_selectors.request_documents(advice.request).filter(
                Q(advice__isnull=True) | Q(advice=advice)
            ),
            "today": timezone.localdate(),
        },
    )


@requires("cases.give_advice")
def advice_decline(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    advice = get_advice_for_adviser(request.user, pk)
    form = DeclineAdviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.decline_advice(
                advice=advice, reason=form.cleaned_data["reason"], by=request.user, today=timezone.localdate()
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "The case officer has been told you cannot give this advice.")
            return redirect("cases:advice_inbox")
    return render(
        request, "cases/advice_decline.html", {"advice": advice, "child": advice.request.child, "form": form}
    )
