"""Documents on a case: checked (size, kind by content, virus scan), stored, listed, removed softly.

A refused file leaves nothing behind: the checks run on the upload before anything is written to the
storage, and the row and the stored file are made together (the file is deleted if the row fails).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.models import AdviceRequest, AnnualReview, AssessmentRequest, Child, PlanVersion
from sendhub.cases.models.documents import Document, DocumentKind, ScanStatus
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.lib import clamav, filecheck


def max_upload_bytes() -> int:
    return int(settings.SENDHUB_MAX_UPLOAD_MB) * 1024 * 1024


def _chunks(upload: File[Any]) -> Iterator[bytes]:
    upload.seek(0)
    yield from upload.chunks()


def check_upload(upload: File[Any]) -> tuple[filecheck.Accepted, str, ScanStatus, str]:
    """Size, kind (by content) and virus scan; returns the kind, checksum, scan status and its answer."""
    size = upload.size or 0
    if size > max_upload_bytes():
        raise SendHubError(
            f"The file is {size / 1024 / 1024:.1f} MB; it must be {settings.SENDHUB_MAX_UPLOAD_MB} MB or smaller",
            field="file",
        )
    upload.seek(0)
    head = upload.read(filecheck.SNIFF_BYTES)
    try:
        accepted = filecheck.identify(head)
    except filecheck.RefusedFile as e:
        raise SendHubError(str(e), field="file") from None
    digest = hashlib.sha256()

    def hashed() -> Iterator[bytes]:
        for chunk in _chunks(upload):
            digest.update(chunk)
            yield chunk

    address = settings.SENDHUB_CLAMAV_SOCKET
    if not address:
        for _chunk in hashed():
            pass
        return accepted, digest.hexdigest(), ScanStatus.NOT_SCANNED, ""
    try:
        result = clamav.scan_stream(address, hashed())
    except clamav.ScannerUnavailable as e:
        raise SendHubError(f"{e}. The file was not kept; try again later.", field="file") from None
    if not result.clean:
        raise SendHubError(
            f"The virus scanner found {result.signature} in this file. It was not kept.", field="file"
        )
    return accepted, digest.hexdigest(), ScanStatus.CLEAN, result.answer[:200]


def _check_belongs(
    child: Child,
    request: AssessmentRequest | None,
    advice: AdviceRequest | None,
    plan_version: PlanVersion | None,
    review: AnnualReview | None,
) -> None:
    owners = [
        request.child_id if request else None,
        advice.request.child_id if advice else None,
        plan_version.plan.child_id if plan_version else None,
        review.plan.child_id if review else None,
    ]
    if any(owner is not None and owner != child.pk for owner in owners):
        raise SendHubError("That record belongs to another child", field="attach_to")


def store_document(
    *,
    child: Child,
    upload: File[Any],
    kind: str,
    title: str,
    by: User | None,
    request: AssessmentRequest | None = None,
    advice: AdviceRequest | None = None,
    plan_version: PlanVersion | None = None,
    review: AnnualReview | None = None,
    generated: bool = False,
    shared_with_family: bool = False,
) -> Document:
    """Check an upload (or a file SEND Hub made, ``generated``) and keep it on the child's record."""
    _check_belongs(child, request, advice, plan_version, review)
    if advice is not None and request is None:
        request = advice.request
    if generated:
        upload.seek(0)
        accepted = filecheck.identify(upload.read(filecheck.SNIFF_BYTES))
        digest = hashlib.sha256()
        for chunk in _chunks(upload):
            digest.update(chunk)
        checksum, scan_answer = digest.hexdigest(), ""
        scan_status: ScanStatus = ScanStatus.GENERATED
    else:
        accepted, checksum, scan_status, scan_answer = check_upload(upload)
    original_name = (upload.name or f"document.{accepted.extension}").rsplit("/", 1)[-1][:255]
    document = Document(
        child=child,
        request=request,
        advice=advice,
        plan_version=plan_version,
        review=review,
        kind=kind,
        title=(title.strip() or original_name)[:200],
        original_name=original_name,
        content_type=accepted.mime,
        extension=accepted.extension,
        size=upload.size or 0,
        sha256=checksum,
        scan_status=scan_status,
        scan_answer=scan_answer,
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
        shared_with_family=shared_with_family,
    )
    upload.seek(0)
    document.file.save(original_name, upload, save=False)
    try:
        # A file SEND Hub made is kept inside its caller's transaction (a letter with its document): no
        # savepoint of its own, a round trip saved apiece in a batch; a failure still rolls back the whole.
        with transaction.atomic(savepoint=not generated):
            # The related records are loaded objects (checked above to be the child's): no query apiece. A
            # file SEND Hub made skips the check constraints' queries too (the database still enforces them):
            # a batch makes thousands.
            document.full_clean(
                exclude=["child", "request", "advice", "plan_version", "review", "uploaded_by"],
                validate_constraints=not generated,
            )
            document.save()
            record_event(
                actor=by,
                action="cases.document.stored",
                target=child,
                data={"document": document.pk, "kind": kind, "sha256": checksum, "scan": scan_status},
            )
    except Exception:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document


def store_generated(
    *, child: Child, content: bytes, filename: str, kind: str, title: str, by: User | None, **attached: Any
) -> Document:
    """Keep a file SEND Hub made (a letter, a plan) as a document on the case."""
    return store_document(
        child=child,
        upload=ContentFile(content, name=filename),
        kind=kind,
        title=title,
        by=by,
        generated=True,
        **attached,
    )


@transaction.atomic
def remove_document(*, document: Document, reason: str, by: User) -> Document:
    """Take a document off the case; the file is kept for the retention period and the audit trail."""
    if document.removed_at is not None:
        raise SendHubError("This document has already been removed")
    if not reason.strip():
        raise SendHubError("Say why the document is being removed", field="reason")
    document.removed_at = timezone.now()
    document.removed_by = by
    document.removal_reason = reason.strip()[:300]
    document.full_clean()
    document.save(update_fields=["removed_at", "removed_by", "removal_reason"])
    record_event(
        actor=by,
        action="cases.document.removed",
        target=document.child,
        data={"document": document.pk},
    )
    return document


@transaction.atomic
def share_with_family(*, document: Document, shared: bool, by: User) -> Document:
    """Show the document to the family on their pages (docs/domains/portal.md), or stop showing it."""
    if document.removed_at is not None:
        raise SendHubError("This document has been removed")
    document.shared_with_family = shared
    document.full_clean()
    document.save(update_fields=["shared_with_family"])
    record_event(
        actor=by,
        action="cases.document.shared" if shared else "cases.document.unshared",
        target=document.child,
        data={"document": document.pk},
    )
    return document


def record_download(*, document: Document, by: User, request: Any = None) -> None:
    """Every download is an audit event (who had which document, when, from where)."""
    record_event(
        actor=by,
        action="cases.document.downloaded",
        target=document.child,
        data={"document": document.pk, "sha256": document.sha256},
        request=request,
    )


@transaction.atomic
def receive_advice(
    *, advice: AdviceRequest, received_on: Any, upload: File[Any] | None, by: User, today: Any
) -> Document | None:
    """Record advice as received and keep the advice itself; a refused file records nothing."""
    from sendhub.cases.services.requests import record_advice_received

    if upload is not None:
        check_upload(upload)  # refuse before the date is recorded
    record_advice_received(advice=advice, received_on=received_on, by=by, today=today)
    if upload is None:
        return None
    return store_document(
        child=advice.request.child,
        upload=upload,
        kind=DocumentKind.ADVICE,
        title=advice.get_kind_display(),
        by=by,
        advice=advice,
    )


__all__ = [
    "DocumentKind",
    "check_upload",
    "max_upload_bytes",
    "receive_advice",
    "record_download",
    "remove_document",
    "store_document",
    "store_generated",
]
