"""The weekly multi-disciplinary panel: decisions with reasons and members present, and decision letters."""

from __future__ import annotations

import io
from datetime import date
from html import escape
from typing import Any

from django.db import transaction
from django.template import Context, Engine, TemplateSyntaxError

from sendhub.accounts.models import User
from sendhub.cases.models import (
    AssessmentRequest,
    Letter,
    LetterTemplate,
    PanelDecision,
    PanelMeeting,
    PanelOutcome,
    PanelQuestion,
)
from sendhub.cases.services import requests as request_services
from sendhub.cases.services.common import add_timeline, check_and_bump_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError

# Letter bodies are edited by staff: a separate engine with no template directories or loaders, so
# a body cannot include other templates; autoescaping is on and the context holds only PLACEHOLDERS.
LETTER_ENGINE = Engine(autoescape=True, libraries={}, builtins=[])
PLACEHOLDERS = [
    "child_name",
    "child_reference",
    "received",
    "decision",
    "reasons",
    "panel_date",
    "officer",
    "la_name",
]


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
            )
        else:
            request_services.record_issue_decision(
                request=request,
                issue=outcome == PanelOutcome.YES,
                decided_on=meeting.held_on,
                by=by,
                today=today,
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
    request = decision.request
    child = request.child
    return {
        "child_name": child.full_name,
        "child_reference": child.reference,
        "received": f"{request.received:%d %B %Y}",
        "decision": f"{decision.get_question_display()}: {decision.get_outcome_display()}",
        "reasons": decision.reasons,
        "panel_date": f"{decision.meeting.held_on:%d %B %Y}",
        "officer": child.officer.full_name if child.officer else "the SEND team",
        "la_name": la_name,
    }


def render_template_text(text: str, context: dict[str, Any]) -> str:
    return LETTER_ENGINE.from_string(text).render(Context(context))


@transaction.atomic
def generate_letter(*, decision: PanelDecision, template: LetterTemplate, by: User, la_name: str) -> Letter:
    """Fill the template for this decision and keep the result exactly as sent."""
    context = letter_context(decision, la_name)
    letter = Letter(
        decision=decision,
        template=template,
        created_by=by,
        subject=render_template_text(template.subject, context)[:200],
        body=render_template_text(template.body, context),
    )
    letter.full_clean()
    letter.save()
    record_event(
        actor=by,
        action="cases.letter.generated",
        target=decision.request,
        data={"letter": letter.pk, "template": template.key},
    )
    return letter


@transaction.atomic
def update_letter_template(
    *, template: LetterTemplate, subject: str, body: str, by: User, expected_version: int
) -> LetterTemplate:
    try:
        LETTER_ENGINE.from_string(body)
        LETTER_ENGINE.from_string(subject)
    except TemplateSyntaxError as e:
        raise CaseStateError(f"The letter has a placeholder error: {e}") from None
    check_and_bump_version(template, expected_version)
    template.subject, template.body = subject, body
    template.full_clean()
    template.save(update_fields=["subject", "body", "updated_at"])
    record_event(actor=by, action="cases.letter_template.updated", target=template)
    return template


def letter_pdf(letter: Letter, la_name: str) -> bytes:
    """The letter as a PDF (reportlab), paragraphs as in the HTML version."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=letter.subject, author=f"{la_name} Council")
    styles = getSampleStyleSheet()
    story: list[Any] = [
        Paragraph(escape(f"{la_name} Council - SEND service"), styles["Title"]),
        Paragraph(escape(letter.subject), styles["Heading2"]),
        Spacer(1, 12),
    ]
    for paragraph in letter.body.split("\n\n"):
        story.append(Paragraph(escape(paragraph).replace("\n", "<br/>"), styles["BodyText"]))
        story.append(Spacer(1, 6))
    doc.build(story)
    return buffer.getvalue()


DEFAULT_TEMPLATES = {
    "assess-yes": (
        "Decision to assess",
        "We will carry out an EHC needs assessment for {{ child_name }}",
        "Dear parent or carer,\n\nThe SEND panel met on {{ panel_date }} to consider the request "
        "received on {{ received }} for an education, health and care needs assessment for "
        "{{ child_name }} (reference {{ child_reference }}).\n\nThe panel decided to carry out the "
        "assessment. {{ reasons }}\n\nWe will now ask for advice from the people who know "
        "{{ child_name }}. Your case officer is {{ officer }}.\n\nYours sincerely,\n\n"
        "{{ la_name }} SEND service",
    ),
    "assess-no": (
        "Decision not to assess",
        "Decision about an EHC needs assessment for {{ child_name }}",
        "Dear parent or carer,\n\nThe SEND panel met on {{ panel_date }} to consider the request "
        "received on {{ received }} for an education, health and care needs assessment for "
        "{{ child_name }} (reference {{ child_reference }}).\n\nThe panel decided not to carry out "
        "an assessment at this time, for these reasons: {{ reasons }}\n\nYou have the right to appeal "
        "to the First-tier Tribunal (SEND) within 2 months of this letter, or 1 month after a "
        "mediation certificate if that is later. Before appealing you must contact a mediation "
        "adviser. Free, impartial information, advice and support is available from the SEND "
        "information, advice and support service.\n\nYours sincerely,\n\n{{ la_name }} SEND service",
    ),
    "issue-no": (
        "Decision not to issue a plan",
        "Decision about an EHC plan for {{ child_name }}",
        "Dear parent or carer,\n\nFollowing the EHC needs assessment for {{ child_name }}, the panel "
        "met on {{ panel_date }} and decided not to issue an EHC plan. Reasons: {{ reasons }}\n\n"
        "You have the right to appeal to the First-tier Tribunal (SEND) within 2 months of this "
        "letter. You must contact a mediation adviser first.\n\nYours sincerely,\n\n"
        "{{ la_name }} SEND service",
    ),
    "issue-yes": (
        "Decision to issue a plan",
        "We will issue an EHC plan for {{ child_name }}",
        "Dear parent or carer,\n\nThe panel met on {{ panel_date }} and decided to issue an EHC plan "
        "for {{ child_name }}. {{ reasons }}\n\nWe will send you the draft plan. You will have at "
        "least 15 days to comment on it and to ask for a particular school or college to be named."
        "\n\nYours sincerely,\n\n{{ la_name }} SEND service",
    ),
}


def ensure_default_templates() -> None:
    for key, (name, subject, body) in DEFAULT_TEMPLATES.items():
        LetterTemplate.objects.get_or_create(
            key=key, defaults={"name": name, "subject": subject, "body": body}
        )


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
    if outcome != PanelOutcome.DEFER:
        ensure_default_templates()
        template = LetterTemplate.objects.get(key=template_key_for(decision))
        generate_letter(decision=decision, template=template, by=by, la_name=la_name)
    return decision
