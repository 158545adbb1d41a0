"""Documents on a case: the child's list, upload, download (audited) and soft removal."""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from sendhub.cases import document_selectors, selectors
from sendhub.cases.forms.documents import DocumentRemoveForm, DocumentUploadForm
from sendhub.cases.permissions import can_edit_case, can_upload_document
from sendhub.cases.services import documents as svc
from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.audit import record_view
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal


@requires("cases.view_child")
def document_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk)
    record_view(request, child)
    can_edit = can_edit_case(request.user, child)
    return render(
        request,
        "cases/document_list.html",
        {
            "child": child,
            "documents": document_selectors.child_documents(child),
            "removed": document_selectors.removed_documents(child) if can_edit else [],
            "can_edit": can_edit,
            "can_upload": can_upload_document(request.user, child),
        },
    )


@requires("cases.upload_document")
def document_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    # Scoped by Child.objects.visible_to: a SENCO reaches only their schools' pupils (another's is a 404).
    child = selectors.get_child_for_user(request.user, pk)
    choices = document_selectors.attach_choices(child, school=not can_edit_case(request.user, child))
    preselected = request.GET.get("to", "")
    form = DocumentUploadForm(
        request.POST or None,
        request.FILES or None,
        attach_choices=choices,
        max_mb=settings.SENDHUB_MAX_UPLOAD_MB,
        initial={"attach_to": preselected if preselected in dict(choices) else ""},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            attached = document_selectors.resolve_attachment(child, data["attach_to"])
            svc.store_document(
                child=child,
                upload=data["file"],
                kind=data["kind"],
                title=data["title"],
                by=request.user,
                **attached,
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect("cases:document_list", pk=child.pk)
    return render(
        request,
        "cases/step_form.html",
        {
            "form": form,
            "title": "Upload a document",
            "button": "Upload",
            "child": child,
            "back": child,
            "links": [],
        },
    )


@requires("cases.view_child")
def document_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    document = document_selectors.get_document_for_user(request.user, pk)
    handle = document.file.open("rb")
    svc.record_download(document=document, by=request.user, request=request)
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@requires("cases.remove_document")
def document_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = document_selectors.get_document_for_user(request.user, pk)
    selectors.get_child_for_user(request.user, document.child_id, write=True)
    form = DocumentRemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            svc.remove_document(document=document, reason=form.cleaned_data["reason"], by=request.user)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect("cases:document_list", pk=document.child_id)
    return render(
        request,
        "cases/step_form.html",
        {
            "form": form,
            "title": f"Remove {document.title}",
            "button": "Remove the document",
            "child": document.child,
            "back": None,
            "links": [(reverse("cases:document_list", args=[document.child_id]), "Back to the documents")],
        },
    )


@post_only("cases.edit_child")
def document_share(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Share a document with the family (their pages list it and they may download it), or stop sharing."""
    document = document_selectors.get_document_for_user(request.user, pk)
    selectors.get_child_for_user(request.user, document.child_id, write=True)
    svc.share_with_family(document=document, shared=request.POST.get("shared") == "1", by=request.user)
    return redirect("cases:document_list", pk=document.child_id)
