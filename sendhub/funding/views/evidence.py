"""Evidence documents of an ENG application: upload (the applying school's SENCO) and audited download
(whoever may see the application)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.funding.forms import EvidenceForm
from sendhub.funding.selectors import eng as selectors
from sendhub.funding.services import evidence as services


@requires("funding.apply_eng")
def evidence_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.get_application_for_user(request.user, pk)
    if not selectors.may_add_evidence(request.user, application):
        raise PermissionDenied
    form = EvidenceForm(request.POST or None, request.FILES or None, max_mb=settings.SENDHUB_MAX_UPLOAD_MB)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_evidence(
                application=application,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(application)
    return render(request, "funding/evidence_upload.html", {"form": form, "application": application})


@requires("funding.view_eng")
def evidence_download(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> FileResponse:
    evidence = selectors.get_evidence_for_user(request.user, pk, evidence_pk)
    document = evidence.document
    handle = document.file.open("rb")
    services.record_download(evidence=evidence, by=request.user, request=request)
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
