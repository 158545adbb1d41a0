"""Writes: moderation of providers' edits, problem reports, content pages, review reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError, StaleObjectError
from sendhub.localoffer import rules
from sendhub.localoffer.indexing import reindex_services
from sendhub.localoffer.models import (
    ContentPage,
    ContentPageVersion,
    Organisation,
    ProblemReport,
    RevisionStatus,
    Service,
    ServiceRevision,
    ServiceTerm,
    TaxonomyTerm,
)

EDITABLE_FIELDS = (
    "name", "description", "url", "email", "cost_kind", "fees", "minimum_age", "maximum_age", "eligibility",
    "area", "how_to_access", "referral_needed", "how_decisions_are_made", "support_for_send",
    "how_to_give_feedback",
)  # fmt: skip


def service_snapshot(service: Service) -> dict[str, Any]:
    data = {name: getattr(service, name) for name in EDITABLE_FIELDS}
    data["term_ids"] = sorted(str(t) for t in service.service_terms.values_list("term_id", flat=True))
    return data


@transaction.atomic
def submit_revision(
    *, organisation: Organisation, service: Service | None, data: dict[str, Any], by: Any
) -> ServiceRevision:
    """A provider proposes a new or changed service; nothing is public until a moderator approves it."""
    if service is not None and service.organisation_id != organisation.pk:
        raise SendHubError("This service belongs to another organisation")
    clean = {k: data[k] for k in (*EDITABLE_FIELDS, "term_ids") if k in data}
    clean["term_ids"] = [str(t) for t in clean.get("term_ids", [])]
    revision = ServiceRevision(
        service=service, organisation=organisation, data=clean, submitted_by=by, submitted_at=timezone.now()
    )
    revision.full_clean()
    revision.save()
    record_event(actor=by, action="localoffer.revision.submitted", target=revision,
                 data={"service": str(service.pk) if service else None})  # fmt: skip
    return revision


def _apply(revision: ServiceRevision, today: dt.date) -> Service:
    data = dict(revision.data)
    term_ids = data.pop("term_ids", [])
    service = revision.service or Service(organisation=revision.organisation, approved_version=0)
    for name, value in data.items():
        setattr(service, name, value)
    service.last_reviewed = today
    service.review_reminder_sent = None
    service.last_modified = timezone.now()
    service.approved_version += 1
    service.full_clean()
    service.save()
    terms = list(TaxonomyTerm.objects.filter(pk__in=term_ids))
    service.service_terms.exclude(term__in=terms).delete()
    existing = set(service.service_terms.values_list("term_id", flat=True))
    ServiceTerm.objects.bulk_create(
        [ServiceTerm(service=service, term=t) for t in terms if t.pk not in existing]
    )
    reindex_services(
        [Service.objects.select_related("organisation").prefetch_related("terms").get(pk=service.pk)]
    )
    return service


@transaction.atomic
def approve_revision(*, revision: ServiceRevision, by: Any, today: dt.date) -> Service:
    revision = ServiceRevision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != RevisionStatus.PENDING:
        raise CaseStateError("This change has already been decided")
    service = _apply(revision, today)
    revision.service = service
    revision.status = RevisionStatus.APPROVED
    revision.number = service.approved_version
    revision.decided_by, revision.decided_at = by, timezone.now()
    revision.save()
    record_event(actor=by, action="localoffer.revision.approved", target=revision,
                 data={"service": str(service.pk), "version": revision.number})  # fmt: skip
    return service


@transaction.atomic
def reject_revision(*, revision: ServiceRevision, reason: str, by: Any) -> ServiceRevision:
    revision = ServiceRevision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != RevisionStatus.PENDING:
        raise CaseStateError("This change has already been decided")
    if not reason.strip():
        raise SendHubError("Enter the reason for rejecting the change")
    revision.status, revision.reason = RevisionStatus.REJECTED, reason.strip()
    revision.decided_by, revision.decided_at = by, timezone.now()
    revision.full_clean()
    revision.save()
    record_event(actor=by, action="localoffer.revision.rejected", target=revision)
    return revision


@transaction.atomic
def bulk_approve(*, revisions: list[ServiceRevision], by: Any, today: dt.date) -> int:
    for revision in revisions:
        approve_revision(revision=revision, by=by, today=today)
    return len(revisions)


@transaction.atomic
def report_problem(*, service: Service, what_is_wrong: str, email: str = "") -> ProblemReport:
    report = ProblemReport(
        service=service, what_is_wrong=what_is_wrong, email=email, reported_at=timezone.now()
    )
    report.full_clean()
    report.save()
    record_event(
        actor=None, action="localoffer.problem.reported", target=service, data={"report": str(report.pk)}
    )
    return report


@transaction.atomic
def resolve_problem_report(*, report: ProblemReport, by: Any) -> ProblemReport:
    if report.resolved_at is not None:
        raise CaseStateError("This report has already been dealt with")
    report.resolved_at = timezone.now()
    report.save(update_fields=["resolved_at"])
    record_event(actor=by, action="localoffer.problem.resolved", target=report.service,
                 data={"report": str(report.pk)})  # fmt: skip
    return report


@transaction.atomic
def edit_content_page(
    *, page: ContentPage, title: str, summary: str, body: str, version: int, by: Any
) -> ContentPage:
    """Save a new version of a content page; the old text stays in its history."""
    updated = ContentPage.objects.filter(pk=page.pk, version=version).update(
        title=title, summary=summary, body=body, version=version + 1, updated_at=timezone.now()
    )
    if not updated:
        raise StaleObjectError()
    page.refresh_from_db()
    page.full_clean()
    ContentPageVersion.objects.create(page=page, number=page.version, title=title, summary=summary, body=body,
                                      edited_by=by, edited_at=page.updated_at)  # fmt: skip
    record_event(actor=by, action="localoffer.content.edited", target=page, data={"version": page.version})
    return page


@transaction.atomic
def send_review_reminders(*, today: dt.date) -> int:
    """Remind each organisation once about services not reviewed for 12 months; returns emails sent."""
    due = Service.objects.filter(
        last_reviewed__lte=rules.review_due_cutoff(today), review_reminder_sent__isnull=True
    )
    by_org: dict[Organisation, list[Service]] = {}
    for service in due.select_related("organisation"):
        by_org.setdefault(service.organisation, []).append(service)
    sent = 0
    for organisation, services in by_org.items():
        to = [m.email for m in organisation.members.all()] or (
            [organisation.email] if organisation.email else []
        )
        if to:
            names = "\n".join(f"- {s.name}" for s in services)
            send_mail("Please check your Local Offer entries", rules.reminder_text(names), None, to)
            sent += 1
        Service.objects.filter(pk__in=[s.pk for s in services]).update(review_reminder_sent=today)
        record_event(actor=None, action="localoffer.review.reminded", target=organisation,
                     data={"services": len(services)})  # fmt: skip
    return sent
