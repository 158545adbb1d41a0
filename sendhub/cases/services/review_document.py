"""The annual review report as a document (SEND Regulations 2014 reg 20(7)-(8), reg 21(7)-(8)): who was
invited and who came, the views of the child or young person and of the parents, progress towards each
outcome, whether the plan still meets the needs, Preparing for Adulthood from year 9 (reg 20(6)/21(6)),
the recommendations, the authority's decision (reg 20(10)/21(9)) and the deadlines. Drawn as an accessible
PDF with the plan's parts (pdf_parts); kept on the case when the report is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import AnnualReview, Document, DocumentKind
from sendhub.cases.services import pdf_parts
from sendhub.cases.services.documents import store_generated
from sendhub.cases.services.letters import long_date
from sendhub.cases.services.reviews import pfa_due, reviewed_outcomes

NOT_RECORDED = "Not recorded"


@dataclass
class ReviewDocument:
    review: AnnualReview
    child_name: str
    title: str
    facts: list[tuple[str, str]]
    participants: list[list[str]]  # name, role, came
    views: list[tuple[str, str]]
    progress: list[list[str]]  # outcome, progress, notes
    meets_needs: str
    pfa: list[tuple[str, str]]  # empty before year 9 unless recorded
    recommendations: str
    proposed_changes: list[tuple[str, str]]
    decision: str
    deadlines: list[list[str]]  # step, regulation, due, done, status


def review_document(review: AnnualReview, today: date) -> ReviewDocument:
    """Everything the review report shows, in the order of the regulations."""
    plan = review.plan
    child = plan.child
    setting = plan.named_setting_label()
    recorded = {p.outcome_id: p for p in review.progress.all()}
    progress = []
    for outcome in reviewed_outcomes(review):
        row = recorded.pop(outcome.pk, None)
        progress.append(
            [
                outcome.description,
                row.get_progress_display() if row else NOT_RECORDED,
                row.notes if row else "",
            ]
        )
    progress += [[p.outcome_text, p.get_progress_display(), p.notes] for p in recorded.values()]
    meets = {"yes": "Yes", "no": "No"}.get(review.meets_needs, NOT_RECORDED)
    if review.meets_needs_notes:
        meets += f": {review.meets_needs_notes}"
    recommendations = review.recommendations or NOT_RECORDED
    if review.recommended_outcome:
        recommendations += f"\n\nThe review recommends: {review.get_recommended_outcome_display().lower()}."
    if review.decision_on is not None:
        decision = f"{review.get_outcome_display()}, decided on {long_date(review.decision_on)}."
    else:
        decision = "Not yet decided: the local authority decides within 4 weeks of the meeting."
    deadlines = [
        [d.step, d.regulation, long_date(d.due), long_date(d.done) if d.done else "Not yet", d.label]
        for d in rules.review_deadlines(
            review.meeting, review.report_sent, review.decision_on, today, at_school=review.at_school
        )
    ]
    regs = "regs 19-20" if review.at_school else "regs 19 and 21"
    return ReviewDocument(
        review=review,
        child_name=child.full_name,
        title=f"Annual review report: {child.full_name}",
        facts=[
            ("Child or young person", child.full_name),
            ("Date of birth", long_date(child.birth_date)),
            ("Reference", child.reference),
            (
                "Year group at the meeting",
                f"Year {rules.national_curriculum_year(child.birth_date, review.meeting)}",
            ),
            ("Date of the review meeting", long_date(review.meeting)),
            ("School or college", setting or "None named"),
            ("Local authority", f"{settings.SENDHUB_LA_NAME} Council"),
            ("Law", f"Children and Families Act 2014 s.44; SEND Regulations 2014 {regs}"),
        ]
        + (
            [("Phase transfer", "A review ahead of a move between phases (reg 18)")]
            if review.phase_transfer
            else []
        ),
        participants=[
            [p.name, p.get_role_display(), "Came" if p.attended else "Did not come"]
            for p in review.participants.all()
        ],
        views=[
            ("The child or young person", review.child_views or NOT_RECORDED),
            ("The parents or carers", review.parent_views or NOT_RECORDED),
        ],
        progress=progress,
        meets_needs=meets,
        pfa=[(rules.PFA_LABELS[a], review.pfa.get(a.value, "") or NOT_RECORDED) for a in rules.PfaArea]
        if pfa_due(review) or review.pfa
        else [],
        recommendations=recommendations,
        proposed_changes=[
            (f"Section {code}", text) for code, text in sorted(review.proposed_changes.items())
        ],
        decision=decision,
        deadlines=deadlines,
    )


def review_pdf_filename(review: AnnualReview) -> str:
    return f"annual-review-{review.plan.child.reference}-{review.meeting:%Y-%m-%d}.pdf"


def review_pdf(review: AnnualReview, today: date) -> bytes:
    """The review report as a PDF: headings for each part, tables with header rows, the title set."""
    document = review_document(review, today)
    parts = pdf_parts
    h1, h2 = parts.styles().h1, parts.styles().h2
    para, table, spacer = parts.para, parts.table, parts.spacer
    story: list[Any] = [
        para(document.title, h1),
        table([[k, v] for k, v in document.facts], [55, 110], header=False),
        para("Invited to the meeting, and who came", h2),
    ]
    if document.participants:
        story.append(
            table([["Name", "Taking part as", "At the meeting"], *document.participants], [70, 60, 35])
        )
    else:
        story.append(para("No one recorded."))
    story.append(para("Views", h2))
    story.append(table([[k, v] for k, v in document.views], [55, 110], header=False))
    story.append(para("Progress towards the outcomes (reg 20(5))", h2))
    if document.progress:
        story.append(
            table([["Outcome", "Progress", "Evidence and comments"], *document.progress], [75, 30, 60])
        )
    else:
        story.append(para("The plan has no structured outcomes (section E is text only)."))
    story += [para("Does the plan still meet the needs?", h2), para(document.meets_needs)]
    if document.pfa:
        story.append(para("Preparing for Adulthood (from year 9: reg 20(6))", h2))
        story.append(table([[k, v] for k, v in document.pfa], [55, 110], header=False))
    story += [para("Recommendations", h2), para(document.recommendations)]
    if document.proposed_changes:
        story += [
            spacer(),
            para("Proposed changes to the plan", parts.styles().body),
            table([[k, v] for k, v in document.proposed_changes], [30, 135], header=False),
        ]
    story += [
        para("The local authority's decision (reg 20(10))", h2),
        para(document.decision),
        para("Deadlines after the meeting", h2),
        table(
            [["Step", "Regulation", "Due by", "Done", "Status"], *document.deadlines], [55, 28, 30, 30, 22]
        ),
        spacer(),
        para(
            "The report is sent to everyone invited within 2 weeks of the meeting (reg 20(7)-(8)); the local "
            "authority decides whether to keep, amend or cease the plan, and tells the parent or young person, "
            "within 4 weeks of the meeting (reg 20(10))."
        ),
    ]
    return parts.build(
        story,
        title=document.title,
        subject=f"Annual review of {long_date(review.meeting)}",
        decorate=parts.footer(f"{document.child_name}: annual review report, {long_date(review.meeting)}"),
    )


def keep_review_report(*, review: AnnualReview, by: User | None, today: date) -> Document:
    """Keep the report as a document on the review, shared with the family (reg 20(8): it goes to them)."""
    return store_generated(
        child=review.plan.child,
        content=review_pdf(review, today),
        filename=review_pdf_filename(review),
        kind=DocumentKind.ADVICE,
        title=f"Annual review report: meeting of {long_date(review.meeting)}",
        by=by,
        review=review,
        shared_with_family=True,
    )
