"""The weekly multi-disciplinary panel: decisions with reasons and members present, and decision letters."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.letter_defaults import DEFAULT_LETTERS
from sendhub.cases.models import (
    AssessmentRequest,
    PanelDecision,
    PanelMeeting,
    PanelOutcome,
    PanelQuestion,
)
from sendhub.cases.services import letters
from sendhub.cases.services import requests as request_services
from sendhub.cases.services.common import add_timeline
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError

# The merge fields a letter body may use (the letter templates pages list them).
PLACEHOLDERS = letters.MERGE_FIELD_NAMES


@transaction.atomic
def record_panel_decision(
    *,
    meeting: PanelMeeting,
    request: AssessmentRequest,
    question: str,
    outcome: str,
    reasons: str,
    by: User,
    today: date,
    members: list[User] | None = None,
) -> PanelDecision:
    """Record a panel decision; a yes or no also records the statutory decision on the request."""
    if not reasons.strip():
        raise CaseStateError("Give the reasons for the decision")
    if request.panel_decisions.filter(meeting=meeting, question=question).exists():
        raise CaseStateError("This panel has already decided this question for this request")
    if members:
        meeting.members_present.add(*members)
    decision = PanelDecision(
        meeting=meeting,
        request=request,
        question=question,
        outcome=outcome,
        reasons=reasons.strip(),
        decided_by=by,
    )
    decision.full_clean()
    decision.save()
    if outcome != PanelOutcome.DEFER:
        if question == PanelQuestion.ASSESS:
            request_services.record_assessment_decision(
                request=request,
                assess=outcome == PanelOutcome.YES,
                decided_on=meeting.held_on,
                by=by,
                today=today,
                reasons=decision.reasons,
                decision=decision,
            )
        else:
            request_services.record_issue_decision(
                request=request,
                issue=outcome == PanelOutcome.YES,
                decided_on=meeting.held_on,
                by=by,
                today=today,
                reasons=decision.reasons,
                decision=decision,
            )
    else:  # heard but not decided: off this agenda, to be listed again for a later panel
        AssessmentRequest.objects.filter(pk=request.pk).update(panel_on=None)
        request.panel_on = None
        add_timeline(
            request.child, on=meeting.held_on, kind="panel", summary="Panel deferred its decision", by=by
        )
    record_event(
        actor=by,
        action="cases.panel.decision",
        target=request,
        data={"meeting": meeting.pk, "question": question, "outcome": outcome},
    )
    return decision


def letter_context(decision: PanelDecision, la_name: str) -> dict[str, Any]:
    """The merge fields of a panel decision's letter (plain text; escaped where shown)."""
    request = decision.request
    child = request.child
    return {
        **letters.council_details(),
        **letters.child_context(child),
        "la_name": la_name,
        "received": letters.long_date(request.received),
        "decision_date": letters.long_date(decision.meeting.held_on),
        "reasons": decision.reasons,
    }


def render_template_text(text: str, context: dict[str, Any]) -> str:
    return letters.render_text(text, context)


# The four panel letters' default text, as migration cases/0002 reads it (the texts are in letter_defaults).
DEFAULT_TEMPLATES = {
    key: (DEFAULT_LETTERS[key].name, DEFAULT_LETTERS[key].subject, DEFAULT_LETTERS[key].body)
    for key in ("assess-yes", "assess-no", "issue-no", "issue-yes")
}


def ensure_default_templates() -> None:
    letters.ensure_all_templates()


def template_key_for(decision: PanelDecision) -> str:
    outcome = "yes" if decision.outcome == PanelOutcome.YES else "no"
    return f"{decision.question}-{outcome}"


@transaction.atomic
def decide_at_panel(
    *,
    request: AssessmentRequest,
    question: str,
    outcome: str,
    reasons: str,
    held_on: date,
    members: list[User],
    other_attendees: str,
    by: User,
    today: date,
    la_name: str,
) -> PanelDecision:
    """Record the decision at the panel held on ``held_on`` and generate its letter (unless deferred)."""
    if held_on > today:
        raise CaseStateError("Record the decision once the panel has met")
    meeting, _ = PanelMeeting.objects.get_or_create(held_on=held_on, defaults={"chair": by})
    if other_attendees and other_attendees not in meeting.other_attendees:
        meeting.other_attendees = "; ".join(filter(None, [meeting.other_attendees, other_attendees]))[:300]
        meeting.full_clean()
        meeting.save(update_fields=["other_attendees"])
    decision = record_panel_decision(
        meeting=meeting,
        request=request,
        question=question,
        outcome=outcome,
        reasons=reasons,
        by=by,
        today=today,
        members=list(members),
    )
    # A yes or no records the statutory decision, whose service makes the letters (with the reasons).
    return decision
