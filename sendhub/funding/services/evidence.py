"""Evidence documents on an Exceptional Needs Grant application: uploaded through casework's documents
(the same checks of size, kind by content and viruses), linked to the application, seen with it."""

from __future__ import annotations

from typing import Any

from django.core.files.base import File
from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.services.funding import record_eng_evidence_download, store_eng_evidence
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.funding.models import ApplicationStatus, EngApplication, EngEvidence


@transaction.atomic
def add_evidence(*, application: EngApplication, upload: File[Any], title: str, by: User) -> EngEvidence:
    if application.status != ApplicationStatus.SUBMITTED:
        raise SendHubError(
            "Evidence can be added only while the application waits for the panel", field="file"
        )
    document = store_eng_evidence(child_id=application.child_id, upload=upload, title=title, by=by)
    evidence = EngEvidence(application=application, document=document)
    evidence.full_clean()
    evidence.save()
    record_event(
        actor=by,
        action="funding.eng.evidence_added",
        target=application,
        data={"document": document.pk, "sha256": document.sha256},
    )
    return evidence


def record_download(*, evidence: EngEvidence, by: User, request: Any = None) -> None:
    record_eng_evidence_download(document=evidence.document, by=by, request=request)
