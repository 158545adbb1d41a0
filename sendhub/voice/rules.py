"""Family voice rules: reply deadlines, complaint timescales, satisfaction and reference numbers.

Pure functions: no Django, no clock, no settings. Working days come from `sendhub.lib.workdays`
(weekends and England and Wales bank holidays, including the one-off 2022 and 2023 holidays, are not
working days).

Sources
-------
* Reply within 2 working days: Camden Local Area SEND Strategy progress report 2024, Appendix C item 1.4
  ("logging all calls with reference numbers - tracked and audited, 48 hour reply ... Ref number closed
  when done"). The council expresses the 48 hours as 2 working days so that a Friday call is not due on
  Sunday.
* Complaint timescales: Local Government and Social Care Ombudsman, Complaint Handling Code (2024),
  https://www.lgo.org.uk/information-centre/information-for-organisations-we-investigate/complaint-handling-code
  section 6 "Complaints stages": 6.2 acknowledge and log a complaint within 5 working days of receiving
  it; 6.3 full stage 1 response within 10 working days of the acknowledgement; stage 2 response within
  20 working days of acknowledging the request to escalate.
* Satisfaction target: progress report Appendix C items 1.1 and 1.4, "Over 75% of parent/carers report
  satisfaction on the services that they receive".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from sendhub.lib.workdays import add_working_days, is_working_day, working_days_between

# --- Contacts: reply within 2 working days -------------------------------------------------------

REPLY_WORKING_DAYS = 2
# How long the emailed link that adds a public-form message to the sender's account keeps working.
CLAIM_LINK_DAYS = 7
OFFICE_OPENS = time(9, 0)
OFFICE_CLOSES = time(17, 0)


def contact_received_on(received_at: datetime) -> date:
    """The working day a contact counts as received on (its "day 0").

    `received_at` is local (Europe/London) wall-clock time. A contact that arrives on a working day
    before 17:00 counts from that day. One that arrives at or after 17:00, or on a weekend or bank
    holiday, counts as received on the next working day: nobody is at the Duty Line to read it.
    Before 09:00 on a working day still counts as that day (it is read when the line opens).
    """
    day = received_at.date()
    if is_working_day(day) and received_at.time() < OFFICE_CLOSES:
        return day
    return add_working_days(day, 1)


def reply_due(received_at: datetime) -> date:
    """The last day on which the reply is on time: 2 working days after the day it counts from.

    Examples: received Monday 10:00 → due Wednesday; Monday 17:30 → counts from Tuesday → due Thursday;
    Friday 16:59 → due Tuesday; Saturday → counts from Monday → due Wednesday. The reply is on time
    if it is sent on or before the due day (until 23:59 local time).
    """
    return add_working_days(contact_received_on(received_at), REPLY_WORKING_DAYS)


def is_reply_overdue(*, due: date, today: date, replied_on: date | None) -> bool:
    """Overdue once the due day has passed without a reply. A reply stops the clock for good."""
    if replied_on is not None:
        return False
    return today > due


def replied_in_time(*, due: date, replied_on: date) -> bool:
    return replied_on <= due


# --- The public contact form's abuse control ------------------------------------------------------

# --- Complaints: LGSCO timescales ----------------------------------------------------------------


class ComplaintStep(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    STAGE_1 = "stage_1"
    STAGE_2 = "stage_2"


COMPLAINT_WORKING_DAYS: dict[ComplaintStep, int] = {
    ComplaintStep.ACKNOWLEDGE: 5,  # LGSCO Complaint Handling Code 6.2: acknowledge within 5 working days
    ComplaintStep.STAGE_1: 10,  # 6.3: stage 1 response within 10 working days of the acknowledgement
    ComplaintStep.STAGE_2: 20,  # section 6, stage 2: within 20 working days of acknowledging escalation
}


def complaint_step_due(step: ComplaintStep, start: date) -> date:
    """The due date of a complaint step, counted in working days from the day the clock starts.

    The clock for ACKNOWLEDGE starts on the day the complaint is received; for STAGE_1 on the day it
    was acknowledged; for STAGE_2 on the day the escalation request was acknowledged. Received on a
    weekend or bank holiday, the count still starts from the next working day, because
    `add_working_days` never counts the start day itself.
    """
    return add_working_days(start, COMPLAINT_WORKING_DAYS[step])


@dataclass(frozen=True)
class Timeliness:
    due: date
    done_on: date | None
    on_time: bool | None  # None while still open and not yet late
    working_days_late: int


def step_timeliness(*, due: date, done_on: date | None, today: date) -> Timeliness:
    """Whether a step was (or is being) done on time, and by how many working days it is late."""
    if done_on is not None:
        late = working_days_between(due, done_on)
        return Timeliness(due, done_on, done_on <= due, late)
    if today > due:
        return Timeliness(due, None, False, working_days_between(due, today))
    return Timeliness(due, None, None, 0)


# --- Satisfaction --------------------------------------------------------------------------------

SATISFACTION_TARGET = Decimal("75")
SATISFIED_SCORES = frozenset({4, 5})  # on a 1 (very dissatisfied) to 5 (very satisfied) scale


@dataclass(frozen=True)
class SatisfactionRate:
    satisfied: int
    answered: int
    percent: Decimal | None  # one decimal place, None when nobody answered
    meets_target: bool | None


def satisfaction_rate(scores: list[int], target: Decimal = SATISFACTION_TARGET) -> SatisfactionRate:
    """Share of answers that are 4 or 5 on the 1 to 5 scale, against the 75% target.

    Progress report 2024 Appendix C 1.4: "Over 75% of parent/carers report satisfaction". "Over" is read
    strictly: exactly 75.0% does not meet the target. Scores outside 1 to 5 are refused (a bad import or
    a bug, not an answer), and an empty list has no rate.
    """
    for score in scores:
        if not 1 <= score <= 5:
            raise ValueError(f"A satisfaction score must be from 1 to 5, not {score}")
    answered = len(scores)
    satisfied = sum(1 for s in scores if s in SATISFIED_SCORES)
    if answered == 0:
        return SatisfactionRate(0, 0, None, None)
    percent = (Decimal(satisfied) * 100 / answered).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    exact = Decimal(satisfied) * 100 / answered
    return SatisfactionRate(satisfied, answered, percent, exact > target)


def response_rate(*, sent: int, answered: int) -> Decimal | None:
    """Responses as a percentage of invitations sent, one decimal place."""
    if sent < 0 or answered < 0 or answered > sent:
        raise ValueError("Answered must be between 0 and the number sent")
    if sent == 0:
        return None
    return (Decimal(answered) * 100 / sent).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- Reference numbers: SEN-YYYY-NNNNNN ----------------------------------------------------------

REFERENCE_PREFIX = "SEN"
REFERENCE_DIGITS = 6
MAX_SEQUENCE = 10**REFERENCE_DIGITS - 1
_REFERENCE_RE = re.compile(r"^\s*SEN[\s\-/]*(\d{4})[\s\-/]*(\d{1,6})\s*$", re.IGNORECASE)


_PARSE_HINT = "Enter a reference in the format SEN-2026-000123"


class ReferenceError(ValueError):
    """Text that is not a SEND Hub reference; the message is written for the person who typed it."""


@dataclass(frozen=True, order=True)
class Reference:
    year: int
    number: int

    def __str__(self) -> str:
        return format_reference(self.year, self.number)


def format_reference(year: int, number: int) -> str:
    """`SEN-2026-000123`: the year the contact was logged and a sequence that restarts each year."""
    if not 2000 <= year <= 9999:
        raise ReferenceError(f"The year in a reference must be four digits from 2000, not {year}")
    if not 1 <= number <= MAX_SEQUENCE:
        raise ReferenceError(f"The number in a reference must be from 1 to {MAX_SEQUENCE}, not {number}")
    return f"{REFERENCE_PREFIX}-{year:04d}-{number:0{REFERENCE_DIGITS}d}"


def parse_reference(text: str) -> Reference:
    """Read a reference as a family might quote it: case, spaces, slashes and missing zeros forgiven.

    `sen 2026 123`, `SEN/2026/000123` and `SEN-2026-000123` are all the same reference.
    """
    match = _REFERENCE_RE.match(text or "")
    if not match:
        raise ReferenceError(_PARSE_HINT)
    year, number = int(match.group(1)), int(match.group(2))
    if not (year >= 2000 and 1 <= number <= MAX_SEQUENCE):
        raise ReferenceError(_PARSE_HINT)
    return Reference(year, number)


def is_reference(text: str) -> bool:
    try:
        parse_reference(text)
    except ReferenceError:
        return False
    return True
