"""Where a case stands, said for a family in plain English; the family's deadlines (pure: no Django).

The stage and the next date come from casework's one source (`cases.services.status.current_status`, the
statutory milestones); this module only chooses the words a family reads. No regulation numbers, no staff
terms: a family sees "We are deciding whether to assess your child", not "Awaiting decision (reg 5)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendhub.cases.rules import Stage, draft_representations_end
from sendhub.lib.workdays import add_working_days

# The officer answers a family within this many working days (the task's due date).
TASK_WORKING_DAYS = 5


@dataclass(frozen=True)
class PlainStatus:
    where: str  # where the case stands
    next: str  # what happens next ("" when nothing is due)


NO_CASE = PlainStatus(
    "There is no assessment or plan in progress at the moment.",
    "",
)

PLAIN: dict[Stage, PlainStatus] = {
    Stage.AWAITING_DECISION_TO_ASSESS: PlainStatus(
        "We have the request for an assessment. We are deciding whether to assess.",
        "We will tell you whether we will carry out an assessment",
    ),
    Stage.NOT_ASSESSED: PlainStatus("We decided not to carry out an assessment.", ""),
    Stage.ASSESSING: PlainStatus(
        "We are assessing. We are asking the people who know your child for their advice.",
        "We will tell you whether we will write a plan",
    ),
    Stage.AWAITING_DECISION_TO_ISSUE: PlainStatus(
        "The assessment is finished. We are deciding whether to write a plan.",
        "We will tell you whether we will write a plan",
    ),
    Stage.NOT_ISSUED: PlainStatus("We decided not to write a plan.", ""),
    Stage.DRAFT_ISSUED: PlainStatus(
        "We have sent you a draft plan. You can comment on it and tell us which school or college you want.",
        "Send us your comments and the school or college you want",
    ),
    Stage.AWAITING_FINAL: PlainStatus(
        "The time for comments on the draft plan has ended. We are finishing the plan.",
        "We will send you the final plan",
    ),
    Stage.PLAN_MAINTAINED: PlainStatus(
        "There is a plan in place. We look at it with you at least once a year.",
        "The next yearly review of the plan",
    ),
    Stage.AWAITING_REVIEW_REPORT: PlainStatus(
        "The yearly review meeting has happened. The school or college is writing up what was agreed.",
        "The review report is sent to us",
    ),
    Stage.AWAITING_REVIEW_DECISION: PlainStatus(
        "We have the yearly review report. We are deciding whether the plan stays the same or changes.",
        "We will tell you what we decided",
    ),
    Stage.AMENDMENT_PROPOSED: PlainStatus(
        "We have sent you the changes we want to make to the plan.",
        "We will send you the changed plan",
    ),
    Stage.CEASING: PlainStatus(
        "We have told you that we intend to stop the plan.",
        "The plan stops, unless you appeal",
    ),
    Stage.CEASED: PlainStatus("The plan has ended.", ""),
    Stage.WITHDRAWN: PlainStatus("The request for an assessment was withdrawn.", ""),
}


def plain_status(stage: Stage | None) -> PlainStatus:
    if stage is None:
        return NO_CASE
    return PLAIN[stage]


def comments_close(draft_issued: date) -> date:
    """The last day to comment on a draft plan and name a school or college (15 days from the draft)."""
    return draft_representations_end(draft_issued)


def may_comment_on_draft(draft_issued: date | None, final_issued: date | None, today: date) -> bool:
    return draft_issued is not None and final_issued is None and today <= comments_close(draft_issued)


def task_due(today: date) -> date:
    return add_working_days(today, TASK_WORKING_DAYS)
