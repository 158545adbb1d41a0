"""Writes: moderation of providers' edits, problem reports, content pages, review reminders."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.localoffer import rules
from sendhub.localoffer.indexing import reindex_services
from sendhub.localoffer.models import (
    Organisation,
    ProblemReport,
    RevisionStatus,
    Service,
    ServiceRevision,
    ServiceTerm,
    TaxonomyTerm,
)
from sendhub.localoffer.records import KINDS, find, item_from
from sendhub.localoffer.services.records import apply_records, snapshot_records

EDITABLE_FIELDS = (
    "name",
    "description",
    "url",
    "email",
    "cost_kind",
    "fees",
    "minimum_age",
    "maximum_age",
    "eligibility",
    "area",
    "how_to_access",
    "referral_needed",
    "how_decisions_are_made",
    "support_for_send",
    "how_to_give_feedback",
)


def service_snapshot(service: Service) -> dict[str, Any]:
    data = {name: getattr(service, name) for name in EDITABLE_FIELDS}
    data["term_ids"] = sorted(str(t) for t in service.service_terms.values_list("term_id", flat=True))
    return data | snapshot_records(service)


def pending_revision(service: Service) -> ServiceRevision | None:
    return service.revisions.filter(status=RevisionStatus.PENDING).order_by("-submitted_at").first()


def draft_data(service: Service) -> dict[str, Any]:
    """What the provider is working on: the published service with its latest change waiting on top."""
    pending = pending_revision(service)
    return service_snapshot(service) | (pending.data if pending else {})


@transaction.atomic
def submit_revision(
    *, organisation: Organisation, service: Service | None, data: dict[str, Any], by: User | None
) -> ServiceRevision:
    """A provider proposes a new or changed service; nothing is public until a moderator approves it.

    A change to a service that already has one waiting builds on it and replaces it in the queue, so
    approving the latest change never loses an earlier one and nothing stale can be approved after it.
    """
    if service is not None and service.organisation_id != organisation.pk:
        raise SendHubError("This service belongs to another organisation")
    clean = {k: data[k] for k in (*EDITABLE_FIELDS, "term_ids", *KINDS) if k in data}
    if "term_ids" in clean:
        clean["term_ids"] = [str(t) for t in clean["term_ids"]]
    base: dict[str, Any] = {"term_ids": []}
    if service is not None:
        service = Service.objects.select_for_update().get(pk=service.pk)  # one submission at a time
        base = draft_data(service)
        service.revisions.filter(status=RevisionStatus.PENDING).update(
            status=RevisionStatus.SUPERSEDED, decided_at=timezone.now()
        )
    revision = ServiceRevision(
        service=service,
        organisation=organisation,
        data=base | clean,
        submitted_by=by,
        submitted_at=timezone.now(),
    )
    revision.full_clean()
    revision.save()
    record_event(
        actor=by,
        action="localoffer.revision.submitted",
        target=revision,
        data={"service": str(service.pk) if service else None},
    )
    return revision


def submit_record_change(
    *, service: Service, kind: str, item_id: str | None, values: dict[str, Any] | None, by: User | None
) -> ServiceRevision:
    """Add (no item_id), change, or remove (values=None) one of the service's times, places, contacts,
    costs or languages: a new revision of the whole service, moderated like any other change."""
    spec = KINDS[kind]
    items = list(draft_data(service).get(kind, []))
    if item_id is not None and find(items, item_id) is None:
        raise SendHubError(f"This {spec.singular} has already been removed")
    items = [i for i in items if i["id"] != item_id]
    if values is not None:
        items.append(item_from(values, spec, item_id or str(uuid.uuid4())))
    return submit_revision(organisation=service.organisation, service=service, data={kind: items}, by=by)


def _apply(revision: ServiceRevision, today: dt.date) -> Service:
    data = dict(revision.data)
    term_ids = data.pop("term_ids", [])
    service = revision.service or Service(organisation=revision.organisation, approved_version=0)
    for name in EDITABLE_FIELDS:
        if name in data:
            setattr(service, name, data[name])
    service.last_reviewed = today
    service.review_reminder_sent = None
    service.last_modified = timezone.now()
    service.approved_version += 1
    service.full_clean()
    service.save()
    apply_records(service, data)
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


def _check_pending(revision: ServiceRevision) -> None:
    if revision.status == RevisionStatus.SUPERSEDED:
        raise CaseStateError("This change was replaced by a later change to the same service")
    if revision.status != RevisionStatus.PENDING:
        raise CaseStateError("This change has already been decided")


@transaction.atomic
def approve_revision(*, revision: ServiceRevision, by: User, today: dt.date) -> Service:
    # Lock the service before the revision, in the same order as submit_revision, so the two cannot deadlock.
    if revision.service_id is not None:
        list(Service.objects.select_for_update().filter(pk=revision.service_id))
    revision = ServiceRevision.objects.select_for_update().get(pk=revision.pk)
    _check_pending(revision)
    if revision.submitted_by_id is not None and revision.submitted_by_id == getattr(by, "pk", None):
        # Four eyes: whoever made a change cannot also be the one who publishes it.
        raise SendHubError("You made this change, so another moderator must approve it")
    service = _apply(revision, today)
    revision.service = service
    revision.status = RevisionStatus.APPROVED
    revision.number = service.approved_version
    revision.decided_by, revision.decided_at = by, timezone.now()
    revision.full_clean()
    revision.save()
    record_event(
        actor=by,
        action="localoffer.revision.approved",
        target=revision,
        data={"service": str(service.pk), "version": revision.number},
    )
    return service


@transaction.atomic
def reject_revision(*, revision: ServiceRevision, reason: str, by: User) -> ServiceRevision:
    revision = ServiceRevision.objects.select_for_update().get(pk=revision.pk)
    _check_pending(revision)
    if not reason.strip():
        raise SendHubError("Enter the reason for rejecting the change")
    revision.status, revision.reason = RevisionStatus.REJECTED, reason.strip()
    revision.decided_by, revision.decided_at = by, timezone.now()
    revision.full_clean()
    revision.save()
    record_event(actor=by, action="localoffer.revision.rejected", target=revision)
    return revision


@transaction.atomic
def bulk_approve(*, revisions: list[ServiceRevision], by: User, today: dt.date) -> int:
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
def resolve_problem_report(*, report: ProblemReport, by: User) -> ProblemReport:
    if report.resolved_at is not None:
        raise CaseStateError("This report has already been dealt with")
    report.resolved_at = timezone.now()
    report.full_clean()
    report.save(update_fields=["resolved_at"])
    record_event(
        actor=by, action="localoffer.problem.resolved", target=report.service, data={"report": str(report.pk)}
    )
    return report


@transaction.atomic
def send_review_reminders(*, today: dt.date) -> int:
    """Remind each organisation about its services not reviewed for 12 months; returns emails sent.

    Safe to run as often as you like: a service is reminded about at most once every
    rules.REMINDER_INTERVAL_DAYS days (`review_reminder_sent`), and rows another run is already
    reminding about are skipped rather than waited for (PostgreSQL; SQLite runs one writer at a time).
    """
    due = (
        Service.objects.filter(last_reviewed__lte=rules.review_due_cutoff(today))
        .filter(
            Q(review_reminder_sent__isnull=True) | Q(review_reminder_sent__lte=rules.reminder_cutoff(today))
        )
        .select_for_update(skip_locked=True, of=("self",))
        .order_by("organisation_id", "name")
    )
    by_org: dict[str, list[Service]] = {}
    for service in due:
        by_org.setdefault(str(service.organisation_id), []).append(service)
    sent = 0
    for organisation in Organisation.objects.filter(pk__in=by_org).prefetch_related("members"):
        services = by_org[str(organisation.pk)]
        to = [m.email for m in organisation.members.all()] or (
            [organisation.email] if organisation.email else []
        )
        if to:
            names = "\n".join(f"- {s.name}" for s in services)
            send_mail("Please check your Local Offer entries", rules.reminder_text(names), None, to)
            sent += 1
        Service.objects.filter(pk__in=[s.pk for s in services]).update(review_reminder_sent=today)
        record_event(
            actor=None,
            action="localoffer.review.reminded",
            target=organisation,
            data={"services": len(services)},
        )
    return sent
