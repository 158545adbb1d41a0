"""Evidence documents on a plan update: upload (plan keepers) and download (council staff). Thin views."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.strategy.forms.edit import EvidenceForm
from sendhub.strategy.selectors.plan import get_evidence, get_update
from sendhub.strategy.services.evidence import attach_evidence


@requires("strategy.manage_plan")
def evidence_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    update = get_update(pk)
    form = EvidenceForm(
        request.POST or None, request.FILES or None, max_mb=int(settings.SENDHUB_MAX_UPLOAD_MB)
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = attach_evidence(
                update=update,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(
                request, f"{document.title} added to the update of {update.reported_on:%-d %B %Y}"
            )
            return redirect(update.action)
    return render(request, "strategy/evidence_upload.html", {"update": update, "form": form})


@requires("strategy.view_plan")
def evidence_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    document = get_evidence(pk)
    handle = document.file.open("rb")
    record_event(
        actor=request.user,
        action="strategy.evidence.downloaded",
        target=document.update.action,
        data={"document": document.pk},
        request=request,
    )
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
