"""Reads for documents on a case, scoped like the records they belong to (Child.objects.visible_to).

Kept beside selectors.py rather than in it: that module is at its size limit and is being split.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import Role, User
from sendhub.cases.models import AdviceRequest, AnnualReview, AssessmentRequest, Child, PlanVersion
from sendhub.cases.models.documents import Document
from sendhub.core.exceptions import SendHubError
from sendhub.lib.dates import long_date

_RELATED = ("child", "request", "advice", "plan_version__plan", "review", "uploaded_by", "removed_by")


def get_document_for_user(user: User, pk: int, *, removed: bool = False) -> Document:
    """A document the user may see (the child is visible to them); removed ones only when asked."""
    visible = Child.objects.visible_to(user)
    documents = Document.objects.select_related(*_RELATED).filter(child__in=visible)
    if user.role == Role.PARENT:
        # A family sees only what is shared with them (their letters, what they sent): docs/domains/portal.md.
        documents = documents.filter(shared_with_family=True)
    if not removed:
        documents = documents.filter(removed_at__isnull=True)
    return get_object_or_404(documents, pk=pk)


def family_documents(child: Child) -> QuerySet[Document]:
    """What the family may read on their pages: the documents shared with them, newest first."""
    return Document.objects.filter(child=child, removed_at__isnull=True, shared_with_family=True).order_by(
        "-uploaded_at", "-pk"
    )


def child_documents(child: Child) -> QuerySet[Document]:
    return Document.objects.filter(child=child, removed_at__isnull=True).select_related(*_RELATED)


def removed_documents(child: Child) -> QuerySet[Document]:
    return Document.objects.filter(child=child, removed_at__isnull=False).select_related(*_RELATED)


def request_documents(request: AssessmentRequest) -> QuerySet[Document]:
    """The request's own documents and those of its advice requests."""
    return Document.objects.filter(request=request, removed_at__isnull=True).select_related(*_RELATED)


def version_documents(version: PlanVersion) -> QuerySet[Document]:
    return Document.objects.filter(plan_version=version, removed_at__isnull=True).select_related(*_RELATED)


def plan_documents(plan_pk: int) -> QuerySet[Document]:
    """Documents on any version or review of the plan."""
    from django.db.models import Q

    return (
        Document.objects.filter(Q(plan_version__plan_id=plan_pk) | Q(review__plan_id=plan_pk))
        .filter(removed_at__isnull=True)
        .select_related(*_RELATED)
    )


def attach_choices(child: Child, *, school: bool = False) -> list[tuple[str, str]]:
    """The child's records a document can belong to, as form choices ("kind:pk").

    ``school``: a SENCO's choices, the assessment requests (the school's advice) and annual reviews only."""
    choices: list[tuple[str, str]] = [("", "The child's record")]
    for request in AssessmentRequest.objects.filter(child=child).order_by("-received", "-id"):
        choices.append((f"request:{request.pk}", str(request)))
        if school:
            continue
        for advice in request.advice.all():
            choices.append((f"advice:{advice.pk}", f"{advice} (request of {long_date(request.received)})"))
    versions = (
        PlanVersion.objects.filter(plan__child=child).select_related("plan").order_by("-plan_id", "-number")
    )
    if not school:
        choices.extend((f"version:{version.pk}", f"EHC plan {version}") for version in versions)
    for review in AnnualReview.objects.filter(plan__child=child).order_by("-meeting"):
        choices.append((f"review:{review.pk}", f"Annual {str(review).lower()}"))
    return choices


def resolve_attachment(child: Child, value: str) -> dict[str, Any]:
    """The record named by an attach_choices value, as store_document's keyword arguments."""
    if not value:
        return {}
    kind, _, raw_pk = value.partition(":")
    models: dict[str, tuple[str, Any, dict[str, Any]]] = {
        "request": ("request", AssessmentRequest, {"child": child}),
        "advice": ("advice", AdviceRequest, {"request__child": child}),
        "version": ("plan_version", PlanVersion, {"plan__child": child}),
        "review": ("review", AnnualReview, {"plan__child": child}),
    }
    if kind not in models or not raw_pk.isdigit():
        raise SendHubError("Choose one of the child's records", field="attach_to")
    argument, model, scope = models[kind]
    record = model.objects.filter(pk=int(raw_pk), **scope).first()
    if record is None:
        raise SendHubError("That record belongs to another child", field="attach_to")
    return {argument: record}
