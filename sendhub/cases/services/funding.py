"""The child's SEN status follows their Exceptional Needs Grant (called by sendhub.funding's services)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import File
from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.models import Child, SenStatus
from sendhub.cases.models.documents import Document, DocumentKind
from sendhub.cases.services.common import add_timeline
from sendhub.core.audit import record_event


@transaction.atomic
def follow_eng_grant(*, child_id: int, funded: bool, on: date, by: User) -> Child:
    """A grant awarded makes the child ENG; a grant ended returns them to SEN Support.

    A child with an EHC plan keeps that status: the plan, not the grant, is then what funds them.
    """
    child = Child.objects.select_for_update().get(pk=child_id)
    if child.sen_status == SenStatus.EHCP:
        return child
    new = SenStatus.ENG if funded else SenStatus.SUPPORT
    if child.sen_status == new:
        return child
    old = child.sen_status
    child.sen_status = new
    child.full_clean()
    child.version += 1
    child.save(update_fields=["sen_status", "version", "updated_at"])
    summary = "Exceptional Needs Grant awarded" if funded else "Exceptional Needs Grant ended"
    add_timeline(child, on=on, kind="eng", summary=summary, by=by)
    record_event(actor=by, action="cases.child.sen_status", target=child, data={"from": old, "to": new})
    return child


def store_eng_evidence(*, child_id: int, upload: File[Any], title: str, by: User) -> Document:
    """An ENG application's evidence, kept as an evidence document on the child's record: the same size,
    kind-by-content and virus checks as every upload (a refused file leaves nothing behind)."""
    from sendhub.cases.services.documents import store_document

    child = Child.objects.get(pk=child_id)
    return store_document(child=child, upload=upload, kind=DocumentKind.EVIDENCE, title=title, by=by)


def record_eng_evidence_download(*, document: Document, by: User, request: Any = None) -> None:
    """A download of an application's evidence is audited like any document's."""
    from sendhub.cases.services.documents import record_download

    record_download(document=document, by=by, request=request)
