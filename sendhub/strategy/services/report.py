"""Publishing the annual progress report on the Local Offer (and withdrawing it)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError
from sendhub.strategy.models import Plan, ReportPublication


@transaction.atomic
def publish_report(*, plan: Plan, by: Any) -> ReportPublication:
    if ReportPublication.objects.filter(plan=plan).exists():
        raise CaseStateError(f"The {plan.year} progress report is already published")
    publication = ReportPublication(plan=plan, published_at=timezone.now(), published_by=by)
    publication.full_clean()
    publication.save()
    record_event(actor=by, action="strategy.report.published", target=plan, data={"year": plan.year})
    return publication


@transaction.atomic
def withdraw_report(*, plan: Plan, by: Any) -> None:
    deleted, _ = ReportPublication.objects.filter(plan=plan).delete()
    if not deleted:
        raise CaseStateError(f"The {plan.year} progress report is not published")
    record_event(actor=by, action="strategy.report.withdrawn", target=plan, data={"year": plan.year})
