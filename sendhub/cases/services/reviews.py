"""The structured annual review (CFA s.44; SEND Regulations 2014 regs 19-21): who was invited and came,
the views and contributions, progress towards each outcome, Preparing for Adulthood from year 9, the
recommendations. The meeting, report and decision dates are in services/plans.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.core.files import File
from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AnnualReview,
    ContributorKind,
    DocumentKind,
    Outcome,
    OutcomeProgress,
    ParticipantRole,
    ReviewContribution,
    ReviewParticipant,
)
from sendhub.cases.models.plans import SECTION_CODES
from sendhub.cases.services.common import add_timeline
from sendhub.cases.services.documents import store_document
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.lib.dates import long_date


def reviewed_outcomes(review: AnnualReview) -> list[Outcome]:
    """The outcomes (section E) of the version in force at the meeting: the latest issued on or before it."""
    version = (
        review.plan.versions.filter(issued_on__lte=review.meeting, kind__in=["final", "amended"])
        .order_by("-number")
        .first()
    ) or review.plan.versions.order_by("-number").first()
    return list(version.outcomes.order_by("id")) if version is not None else []


def pfa_due(review: AnnualReview) -> bool:
    """Reg 20(6) / 21(6): from year 9 the review considers Preparing for Adulthood."""
    return rules.pfa_required(review.plan.child.birth_date, review.meeting)


def invite_defaults(review: AnnualReview) -> None:
    """Reg 20(3)-(4): the child or young person, each parent, the setting and the officer are invited."""
    child = review.plan.child
    rows = [ReviewParticipant(review=review, name=child.full_name, role=ParticipantRole.CHILD)]
    rows += [
        ReviewParticipant(review=review, name=p.name, role=ParticipantRole.PARENT)
        for p in child.parents.filter(parental_responsibility=True)
    ]
    setting = review.plan.named_setting or child.school
    if setting is not None:
        rows.append(ReviewParticipant(review=review, name=str(setting)[:150], role=ParticipantRole.SETTING))
    if child.officer is not None:
        rows.append(ReviewParticipant(review=review, name=child.officer.full_name, role=ParticipantRole.LA))
    ReviewParticipant.objects.bulk_create(rows)


@transaction.atomic
def add_participant(
    *, review: AnnualReview, name: str, role: str, attended: bool, by: User
) -> ReviewParticipant:
    """Reg 20(3)-(4): someone else invited to the meeting (a therapist, a social worker)."""
    person = ReviewParticipant(review=review, name=name.strip(), role=role, attended=attended)
    person.full_clean(exclude=["review"])
    person.save()
    record_event(
        actor=by, action="cases.review.invited", target=review.plan, data={"review": review.pk, "role": role}
    )
    return person


@transaction.atomic
def record_attendance(*, review: AnnualReview, attended: Iterable[int], by: User) -> None:
    """Who came to the meeting, among those invited."""
    came = set(attended)
    for person in review.participants.all():
        if person.attended != (person.pk in came):
            person.attended = person.pk in came
            person.save(update_fields=["attended"])
    record_event(
        actor=by,
        action="cases.review.attendance",
        target=review.plan,
        data={"review": review.pk, "came": len(came)},
    )


@transaction.atomic
def record_review_content(
    *,
    review: AnnualReview,
    by: User,
    child_views: str,
    parent_views: str,
    meets_needs: str,
    meets_needs_notes: str,
    recommendations: str,
    recommended_outcome: str,
    pfa: Mapping[str, str] | None = None,
    proposed_changes: Mapping[str, str] | None = None,
    at_school: bool = True,
) -> AnnualReview:
    """Regs 19-21: the views, whether the plan still meets the needs, the recommendations and, from year 9,
    the four Preparing for Adulthood sections (reg 20(6) / 21(6): required then, refused as missing)."""
    if review.decision_on is not None:
        raise CaseStateError("The decision after this review has been recorded: its record is closed")
    pfa_texts = {area.value: (pfa or {}).get(area.value, "").strip() for area in rules.PfaArea}
    if pfa_due(review):
        missing_areas = [a for a in rules.PfaArea if not pfa_texts[a.value]]
        missing = [rules.PFA_LABELS[a] for a in missing_areas]
        if missing:
            raise SendHubError(
                "From year 9 the review must consider Preparing for Adulthood (reg 20(6)): record "
                + ", ".join(label.lower() for label in missing),
                field=f"pfa_{missing_areas[0].value}",
            )
    changes = {code: text.strip() for code, text in (proposed_changes or {}).items() if text and text.strip()}
    unknown = set(changes) - set(SECTION_CODES)
    if unknown:
        raise SendHubError(f"No such section of the plan: {', '.join(sorted(unknown))}")
    review.child_views, review.parent_views = child_views.strip(), parent_views.strip()
    review.meets_needs, review.meets_needs_notes = meets_needs, meets_needs_notes.strip()
    review.recommendations, review.recommended_outcome = recommendations.strip(), recommended_outcome
    review.pfa = {k: v for k, v in pfa_texts.items() if v}
    review.proposed_changes, review.at_school = changes, at_school
    review.full_clean()
    review.save()
    record_event(
        actor=by,
        action="cases.review.recorded",
        target=review.plan,
        data={"review": review.pk, "recommended": recommended_outcome, "changes": sorted(changes)},
    )
    return review


@transaction.atomic
def record_progress(
    *, review: AnnualReview, by: User, entries: Sequence[tuple[Outcome, str, str]]
) -> list[OutcomeProgress]:
    """Reg 20(5): progress towards each outcome of the plan, as (outcome, progress, notes)."""
    if review.decision_on is not None:
        raise CaseStateError("The decision after this review has been recorded: its record is closed")
    allowed = {o.pk for o in reviewed_outcomes(review)}
    saved = []
    for outcome, progress, notes in entries:
        if outcome.pk not in allowed:
            raise SendHubError("That outcome is not in the plan reviewed")
        row, _ = OutcomeProgress.objects.get_or_create(
            review=review,
            outcome=outcome,
            defaults={"outcome_text": outcome.description, "progress": progress, "notes": notes.strip()},
        )
        row.progress, row.notes, row.outcome_text = progress, notes.strip(), outcome.description
        row.full_clean(exclude=["review", "outcome"], validate_constraints=False)
        row.save()
        saved.append(row)
    record_event(
        actor=by,
        action="cases.review.progress",
        target=review.plan,
        data={"review": review.pk, "outcomes": len(saved)},
    )
    return saved


@transaction.atomic
def add_contribution(
    *,
    review: AnnualReview,
    author_name: str,
    kind: str,
    text: str,
    by: User,
    today: date,
    files: Sequence[File[Any]] = (),
) -> ReviewContribution:
    """Reg 20(2)-(3): views, advice or information for a review, as text and/or documents, from one person.

    For any caller: the officer recording what a school or therapist sent, or the family pages (a parent
    or young person sending their views before the meeting; ``by`` is then their own account). The
    documents are kept on the child's record as "Views of the child or family" on the review, checked
    and scanned like any upload; one refused file keeps nothing. A review whose decision is recorded takes
    no more contributions.
    """
    if review.decision_on is not None:
        raise CaseStateError("This review has finished: its decision has been recorded")
    if kind not in ContributorKind.values:
        raise SendHubError("Say who the contribution is from", field="kind")
    if not text.strip() and not files:
        raise SendHubError("Write the views or attach a document", field="text")
    contribution = ReviewContribution(
        review=review,
        author=by if getattr(by, "is_authenticated", False) else None,
        author_name=author_name.strip()[:150],
        kind=kind,
        text=text.strip(),
    )
    contribution.full_clean(exclude=["review", "author"])
    contribution.save()
    child = review.plan.child
    for upload in files:
        document = store_document(
            child=child,
            upload=upload,
            kind=DocumentKind.VIEWS,
            title=f"For the review of {long_date(review.meeting)}: from {contribution.author_name}",
            by=by,
            review=review,
        )
        contribution.documents.add(document)
    add_timeline(
        child,
        on=today,
        kind="review",
        summary=f"Contribution to the review from {contribution.author_name}",
        by=by,
    )
    record_event(
        actor=by,
        action="cases.review.contribution",
        target=review.plan,
        data={"review": review.pk, "kind": kind, "documents": len(files)},
    )
    return contribution


def amendment_sections(review: AnnualReview, current: Mapping[str, str]) -> dict[str, str]:
    """The plan's sections with the review's proposed changes carried across (reg 22(1))."""
    return {**current, **review.proposed_changes}
