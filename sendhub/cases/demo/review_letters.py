"""Demo letters for the structured annual reviews and the consultations with settings, made as the
services make them: each kept as a PDF document on the case, and emailed (through the outbox) where the
parent prefers email and has an address, else on the print queue.

Runs after ``demo.reviews`` has written the reviews' record and the consultations. For each structured
review: the invitation (CFA s.44(1), regs 19-20) six weeks before the meeting, the review report (reg
20(7)-(8)) on the day it was sent, and the decision after the review (reg 20(10)) on the day it was made.
For each setting consulted on a request still open (or consulted in the last six months): its
consultation letter (CFA s.39(2)) on the day it was sent. No date of the case changes.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q

from sendhub.cases import rules
from sendhub.cases.models import AnnualReview, RequestStatus, SettingConsultation
from sendhub.cases.services import letters
from sendhub.cases.services.review_document import keep_review_report
from sendhub.lib.workdays import working_day_on_or_before

INVITED_WEEKS_BEFORE = 6
RECENT_CONSULTATIONS = timedelta(weeks=26)


def load(today: date) -> dict[str, int]:
    return {"review_letters": _review_letters(), "consultation_letters": _consultation_letters(today)}


def _review_letters() -> int:
    made = 0
    reviews = (
        AnnualReview.objects.filter(plan__child__reference__startswith="DEMO-")
        .exclude(child_views="")
        .select_related("plan__child__officer")
        .prefetch_related("plan__child__parents")
        .order_by("meeting", "pk")
    )
    for review in reviews:
        plan, child = review.plan, review.plan.child
        by = child.officer
        earlier = plan.reviews.filter(meeting__lt=review.meeting).order_by("-meeting").first()
        due = rules.annual_review_due(plan.start_date or review.meeting, earlier.meeting if earlier else None)
        invited_on = max(  # a letter goes out on a working day
            working_day_on_or_before(review.meeting - timedelta(weeks=INVITED_WEEKS_BEFORE)),
            plan.start_date or review.meeting,
        )
        made += len(
            letters.for_step(
                "review-invitation",
                child=child,
                by=by,
                today=invited_on,
                plan=plan,
                review=review,
                context={"review_due": letters.long_date(due)},
            )
        )
        if review.report_sent is not None:
            keep_review_report(review=review, by=by, today=review.report_sent)
        if review.decision_on is not None and review.outcome:
            made += len(
                letters.for_step(
                    f"review-{review.outcome}",
                    child=child,
                    by=by,
                    today=review.decision_on,
                    plan=plan,
                    review=review,
                    context={
                        "review_meeting": letters.long_date(review.meeting),
                        "decision_date": letters.long_date(review.decision_on),
                    },
                )
            )
    return made


def _consultation_letters(today: date) -> int:
    made = 0
    consultations = (
        SettingConsultation.objects.filter(request__child__reference__startswith="DEMO-")
        .filter(Q(request__status=RequestStatus.OPEN) | Q(sent__gte=today - RECENT_CONSULTATIONS))
        .select_related("request__child__officer", "request__officer", "school")
        .order_by("sent", "pk")
    )
    for consultation in consultations:
        request = consultation.request
        assert request is not None  # the demo consults on requests
        made += len(
            letters.for_step(
                "consultation",
                child=request.child,
                by=request.officer or request.child.officer,
                today=consultation.sent,
                request=request,
                setting=consultation.school,
                context={
                    "setting_name": str(consultation.school),
                    "response_due": letters.long_date(consultation.response_due),
                },
            )
        )
    return made
