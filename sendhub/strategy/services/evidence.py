"""Evidence documents on an update: checked as case documents are, stored and audited."""

from __future__ import annotations

from typing import Any

from django.core.files.base import File
from django.db import transaction

from sendhub.cases.services.documents import check_upload
from sendhub.core.audit import record_event
from sendhub.strategy.models import Update, UpdateEvidence


def attach_evidence(*, update: Update, upload: File[Any], title: str, by: Any) -> UpdateEvidence:
    """A refused file (too big, a kind not accepted, a virus) raises SendHubError and leaves nothing."""
    accepted, checksum, scan_status, _answer = check_upload(upload)
    original_name = (upload.name or f"evidence.{accepted.extension}").rsplit("/", 1)[-1][:255]
    document = UpdateEvidence(
        update=update,
        title=(title.strip() or original_name)[:200],
        original_name=original_name,
        content_type=accepted.mime,
        extension=accepted.extension,
        size=upload.size or 0,
        sha256=checksum,
        scan_status=scan_status,
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    upload.seek(0)
    document.file.save(original_name, upload, save=False)
    try:
        with transaction.atomic():
            document.full_clean(exclude=["update", "uploaded_by"])
            document.save()
            record_event(
                actor=by,
                action="strategy.evidence.stored",
                target=update.action,
                data={"update": update.pk, "document": document.pk, "sha256": checksum},
            )
    except Exception:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document
