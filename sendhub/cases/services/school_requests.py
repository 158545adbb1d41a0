"""A SENCO asks the council for an EHC needs assessment (CFA s.36(1)) with the school's evidence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.cases.models import AssessmentRequest, Child, DocumentKind, SchoolRequestEvidence
from sendhub.cases.rules import RequestSource
from sendhub.cases.services import documents
from sendhub.cases.services.requests import record_request
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError


@transaction.atomic
def request_assessment_for_pupil(
    *,
    child: Child,
    review_cycles: int,
    support_plan: bool,
    notional_budget_used: Decimal,
    summary: str,
    upload: File[Any] | None,
    by: User,
    today: date,
) -> AssessmentRequest:
    """Only for a pupil of one of the SENCO's schools; the request is received today, from the school."""
    school = child.school
    if school is None or not by.schools.filter(pk=school.pk).exists():
        raise SendHubError("You can only ask for an assessment for a pupil at your school", field="child")
    if upload is not None:
        documents.check_upload(upload)  # refuse a bad file before anything is recorded
    request = record_request(
        child=child,
        received=today,
        source=RequestSource.SCHOOL.value,
        requester_name=f"{by.full_name}, SENCO, {school.name}"[:150],
        by=by,
        today=today,
    )
    evidence = SchoolRequestEvidence(
        request=request,
        school=school,
        made_by=by,
        review_cycles=review_cycles,
        support_plan=support_plan,
        notional_budget_used=notional_budget_used,
        summary=summary.strip(),
    )
    evidence.full_clean()
    evidence.save()
    if upload is not None:
        documents.store_document(
            child=child,
            upload=upload,
            kind=DocumentKind.EVIDENCE,
            title=f"Evidence from {school.name}"[:200],
            by=by,
            request=request,
        )
    record_event(
        actor=by,
        action="cases.request.made_by_school",
        target=request,
        data={"school": school.pk, "cycles": review_cycles, "budget": str(notional_budget_used)},
    )
    officer = child.officer
    if officer is not None and officer.email:
        link = settings.SENDHUB_SITE_URL.rstrip("/") + reverse("cases:request_detail", args=[request.pk])
        EmailMessage(
            subject=f"{settings.SENDHUB_SERVICE_NAME}: new request for an assessment",
            body=(
                f"Hello {officer.full_name},\n\nA school has asked for an EHC needs assessment for a child "
                f"on your caseload.\n\nSign in to see it:\n{link}\n\n{settings.SENDHUB_SERVICE_NAME}"
            ),
            to=[officer.email],
        ).send()
    return request
