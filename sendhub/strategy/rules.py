"""Pure rules of the strategy tracker: the RAG status, by-when labels, measures against target, and the
Preparing for Adulthood percentages. No Django, no clock: callers pass `today`.

The RAG rule is the partnership's own (there is no statute for it); it is written down here so that the
board, the plan page and the pack all colour an action the same way:

1. An action reported complete is GREEN ("complete").
2. An action past its by-when date and not complete is RED ("overdue"), whatever the lead reports.
3. An action its lead reports as off track is RED; at risk is AMBER.
4. An action reported on track is GREEN, except one not started whose by-when is within
   NOT_STARTED_WARNING_DAYS, which is AMBER.
5. An action with no update yet is GREY ("no update") until its by-when passes (then rule 2).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

NOT_STARTED_WARNING_DAYS = 60


class Delivery(StrEnum):
    """What the action's lead reports in an update."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    COMPLETE = "complete"


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    GREY = "grey"


@dataclass(frozen=True)
class RagStatus:
    rag: Rag
    reason: str


def rag_status(*, delivery: Delivery | None, due: date | None, today: date) -> RagStatus:
    """The action's RAG status on `today` (the rule in this module's docstring)."""
    if delivery == Delivery.COMPLETE:
        return RagStatus(Rag.GREEN, "Complete")
    if due is not None and today > due:
        return RagStatus(Rag.RED, "Overdue")
    if delivery is None:
        return RagStatus(Rag.GREY, "No update yet")
    if delivery == Delivery.OFF_TRACK:
        return RagStatus(Rag.RED, "Off track")
    if delivery == Delivery.AT_RISK:
        return RagStatus(Rag.AMBER, "At risk")
    if (
        delivery == Delivery.NOT_STARTED
        and due is not None
        and (due - today).days <= NOT_STARTED_WARNING_DAYS
    ):
        return RagStatus(Rag.AMBER, "Not started and due soon")
    if delivery == Delivery.NOT_STARTED:
        return RagStatus(Rag.GREEN, "Not started; not due yet")
    return RagStatus(Rag.GREEN, "On track")


_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_BY_WHEN = re.compile(r"^([A-Za-z]{3})[- ](\d{2}|\d{4})$")


def by_when_date(label: str) -> date | None:
    """The last day of the month a by-when label names ("Oct-24" -> 31 Oct 2024).

    Labels that name no month ("Year 3", "Ongoing", blank) have no date: such an action is not overdue.
    """
    match = _BY_WHEN.match(label.strip())
    if not match or match.group(1).lower() not in _MONTHS:
        return None
    month = _MONTHS[match.group(1).lower()]
    year = int(match.group(2))
    year = year + 2000 if year < 100 else year
    return date(year, month, calendar.monthrange(year, month)[1])


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


def on_target(*, value: Decimal | None, target: Decimal, direction: str) -> bool | None:
    """Whether a measure's value meets its target (None when there is no value yet)."""
    if value is None:
        return None
    return value >= target if direction == Direction.HIGHER else value <= target


def percent(numerator: int, denominator: int) -> Decimal | None:
    """A percentage to one decimal place, or None for an empty denominator."""
    if denominator <= 0:
        return None
    return (Decimal(100) * numerator / denominator).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class PfaReviewFact:
    """One annual review from year 9 (Appendix C 3.8), as entered or read from a structured review."""

    ehcp: bool  # False: SEN Support
    year_group: int
    young_person_participated: bool
    pfa_planning_started: bool
    pfa_outcomes_included: bool


@dataclass(frozen=True)
class PfaPercentages:
    reviews: int
    participated: Decimal | None
    ehcp_year9_planning: Decimal | None
    ehcp_pfa_outcomes: Decimal | None
    sen_support_year9_planning: Decimal | None


def pfa_fractions(reviews: list[PfaReviewFact]) -> list[tuple[str, int, int]]:
    """The counts behind `pfa_percentages` as (what, numerator, denominator), for small-number suppression."""
    from_year9 = [r for r in reviews if r.year_group >= 9]
    ehcp = [r for r in from_year9 if r.ehcp]
    ehcp9 = [r for r in ehcp if r.year_group == 9]
    support9 = [r for r in from_year9 if not r.ehcp and r.year_group == 9]
    return [
        (
            "Young people taking part in their annual review (year 9 and above)",
            sum(r.young_person_participated for r in from_year9),
            len(from_year9),
        ),
        (
            "Young people with an EHC plan starting Preparing for Adulthood planning in year 9",
            sum(r.pfa_planning_started for r in ehcp9),
            len(ehcp9),
        ),
        (
            "EHC plans including Preparing for Adulthood outcomes (year 9 and above)",
            sum(r.pfa_outcomes_included for r in ehcp),
            len(ehcp),
        ),
        (
            "Young people on SEN Support starting Preparing for Adulthood planning in year 9",
            sum(r.pfa_planning_started for r in support9),
            len(support9),
        ),
    ]


def pfa_percentages(reviews: list[PfaReviewFact]) -> PfaPercentages:
    """The percentages Appendix C 3.8 asks for, from reviews of young people in year 9 and above:
    - young people participating in their annual review (all reviews);
    - young people with an EHC plan starting PfA planning in year 9 (year 9 EHCP reviews);
    - EHC plans including PfA outcomes (EHCP reviews from year 9);
    - young people on SEN Support starting PfA planning in year 9 (year 9 SEN Support reviews)."""
    from_year9 = [r for r in reviews if r.year_group >= 9]
    ehcp = [r for r in from_year9 if r.ehcp]
    ehcp9 = [r for r in ehcp if r.year_group == 9]
    support9 = [r for r in from_year9 if not r.ehcp and r.year_group == 9]
    return PfaPercentages(
        reviews=len(from_year9),
        participated=percent(sum(r.young_person_participated for r in from_year9), len(from_year9)),
        ehcp_year9_planning=percent(sum(r.pfa_planning_started for r in ehcp9), len(ehcp9)),
        ehcp_pfa_outcomes=percent(sum(r.pfa_outcomes_included for r in ehcp), len(ehcp)),
        sen_support_year9_planning=percent(sum(r.pfa_planning_started for r in support9), len(support9)),
    )
