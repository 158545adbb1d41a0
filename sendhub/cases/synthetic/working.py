"""The dates someone acts on (a request logged, a decision, advice, a plan or letter issued, a meeting) moved
onto working days: never a weekend or an England and Wales bank holiday (``sendhub.lib.workdays``).

Each date moves to the next working day, or, when that would be after ``today``, to the last one before it.
Both moves keep dates in order (a later date never moves before an earlier one), so every case keeps its
stage; only a date that must come strictly before another (advice before the draft it informs) is checked.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sendhub.cases.rules import AdviceDates, AssessmentFacts, PlanFacts
from sendhub.cases.synthetic.timelines import SyntheticCase
from sendhub.lib.workdays import working_day_on_or_after, working_day_on_or_before

ASSESSMENT_DATES = (
    "received",
    "decided_to_assess",
    "decided_not_to_assess",
    "decided_not_to_issue",
    "decided_to_issue",
    "draft_issued",
    "setting_consulted",
    "setting_responded",
    "final_issued",
    "withdrawn",
)
PLAN_DATES = (
    "issued",
    "last_review_meeting",
    "review_report_sent",
    "review_decision",
    "amendment_notice",
    "amended_issued",
    "cease_notice",
    "ceased",
)


def acted_on(day: date, today: date) -> date:
    """``day`` on a working day: the next one, or the one before when the next is after ``today``."""
    later = working_day_on_or_after(day)
    return later if later <= today else working_day_on_or_before(day)


def _maybe(day: date | None, today: date) -> date | None:
    return None if day is None else acted_on(day, today)


def _assessment(f: AssessmentFacts, today: date) -> AssessmentFacts:
    moved = {name: _maybe(getattr(f, name), today) for name in ASSESSMENT_DATES}
    draft = moved["draft_issued"]
    advice = []
    for a in f.advice:
        received = _maybe(a.received, today)
        if draft is not None and received is not None and received >= draft:
            received = working_day_on_or_before(draft - timedelta(days=1))
        requested = acted_on(a.requested, today)
        advice.append(AdviceDates(min(requested, received or requested), received))
    return replace(f, advice=tuple(advice), **moved)  # type: ignore[arg-type]


def _plan(p: PlanFacts, today: date) -> PlanFacts:
    return replace(p, **{name: _maybe(getattr(p, name), today) for name in PLAN_DATES})  # type: ignore[arg-type]


def on_working_days(case: SyntheticCase, today: date) -> SyntheticCase:
    return replace(
        case,
        assessment=_assessment(case.assessment, today),
        plan=None if case.plan is None else _plan(case.plan, today),
    )
