"""Writes for Preparing for Adulthood: supported internships and year 9+ reviews, for a child the user may open."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.strategy.models import InternshipOutcome, PfaReview, SupportedInternship


def _child(user: User, reference: str) -> Child:
    child = Child.objects.visible_to(user).filter(reference=reference.strip().upper()).first()
    if child is None:
        raise SendHubError("Enter the case reference of a young person you work with", field="reference")
    return child


@transaction.atomic
def record_internship(
    *, reference: str, employer: str, provider: str, start: date, end: date | None, outcome: str, by: User
) -> SupportedInternship:
    if (outcome == InternshipOutcome.ONGOING) != (end is None):
        raise SendHubError(
            "Enter the end date when the internship has an outcome, and only then", field="end"
        )
    if end is not None and end < start:
        raise SendHubError("The internship must end on or after its start", field="end")
    internship = SupportedInternship(
        young_person=_child(by, reference),
        employer=employer,
        provider=provider,
        start=start,
        end=end,
        outcome=outcome,
    )
    internship.full_clean()
    internship.save()
    record_event(
        actor=by,
        action="strategy.internship.recorded",
        target=internship.young_person,
        data={"internship": internship.pk, "outcome": outcome},
    )
    return internship


@transaction.atomic
def record_pfa_review(*, reference: str, held_on: date, by: User, **answers: Any) -> PfaReview:
    child = _child(by, reference)
    if PfaReview.objects.filter(young_person=child, held_on=held_on).exists():
        raise SendHubError("A review on that day is already recorded for this young person", field="held_on")
    review = PfaReview(young_person=child, held_on=held_on, **answers)
    review.full_clean()
    review.save()
    record_event(actor=by, action="strategy.pfa_review.recorded", target=child, data={"review": review.pk})
    return review
