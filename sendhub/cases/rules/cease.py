"""Ceasing to maintain an EHC plan (pure functions).

Sources: Children and Families Act 2014 s.45; SEND Regulations 2014 regs 29 (under 18),
30 (18 and over not in education or training), 31 (procedure) and 46 (the academic
year of a young person's 25th birthday); Tribunal Procedure (First-tier Tribunal)
(Health, Education and Social Care Chamber) Rules 2008 r.20 (time to appeal).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from sendhub.cases.rules.periods import add_months


class CeaseReason(enum.StrEnum):
    """Why a plan stops, in the terms of CFA s.45 and the SEN2 CeaseReason codes."""

    NO_LONGER_NEEDED = "no_longer_needed"  # s.45(1)(b): needs met without a plan
    MOVED_AWAY = "moved_away"  # s.45(1)(a): another authority became responsible
    EMPLOYMENT = "employment"  # Code of Practice para 9.202: young person took up paid employment
    HIGHER_EDUCATION = "higher_education"  # Code of Practice para 9.202: moved into higher education
    OVER_18_LEFT_EDUCATION = "over_18_left_education"  # reg 30: 18+ and left education or training
    REACHED_25 = "reached_25"  # CFA s.46 and reg 46: end of the academic year of the 25th birthday
    DIED = "died"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class CeaseCheck:
    """The facts the cease rules need (recorded on the case)."""

    birth: date
    decision_date: date
    reason: CeaseReason
    consulted_parent_or_young_person: bool
    consulted_setting: bool
    reviewed_since_leaving: bool = False  # reg 30(1): only relevant to OVER_18_LEFT_EDUCATION


def age_on(birth: date, on: date) -> int:
    """Age in whole years on ``on``.

    A 29 February birthday is reached on 1 March in other years (Family Law Reform Act
    1969 s.9).
    """
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def cease_blockers(check: CeaseCheck) -> list[str]:
    """Why the authority may not (yet) cease the plan; an empty list means it may.

    - Reg 31(1): before deciding, inform and consult the parent or young person, and
      consult the head teacher or principal of the institution named in the plan.
    - Reg 29(1): for a person under 18 the only ground is that the plan is no longer
      necessary (or another authority is responsible, CFA s.45(1)(a)).
    - Reg 30(1): for a young person aged 18 or over who has left education or training,
      the plan must first be reviewed (regs 18-19).
    - CFA s.45(2)-(3) and Code of Practice para 9.202: employment, higher education, or
      (for a young person over 18) outcomes achieved may show the plan is no longer
      needed; these grounds are not open for a person under 18 (reg 29).
    - Reg 46: a plan kept for a young person aged 25 runs to the end of that academic year.
    """
    blockers: list[str] = []
    if not check.consulted_parent_or_young_person:
        blockers.append("Reg 31(1)(a)-(b): inform and consult the parent or young person first")
    if not check.consulted_setting and check.reason not in {CeaseReason.DIED, CeaseReason.MOVED_AWAY}:
        blockers.append("Reg 31(1)(c): consult the head teacher or principal of the named institution first")
    age = age_on(check.birth, check.decision_date)
    if age < 18 and check.reason not in {
        CeaseReason.NO_LONGER_NEEDED,
        CeaseReason.MOVED_AWAY,
        CeaseReason.DIED,
    }:
        blockers.append("Reg 29(1): under 18 a plan may only cease if it is no longer necessary")
    if check.reason is CeaseReason.OVER_18_LEFT_EDUCATION:
        if age < 18:
            blockers.append("Reg 30(1) applies only to young people aged 18 or over")
        elif not check.reviewed_since_leaving:
            blockers.append("Reg 30(1): review the plan (regs 18-19) before ceasing it")
    if check.reason is CeaseReason.REACHED_25 and check.decision_date < plan_end_at_25(check.birth):
        blockers.append(
            "Reg 46: the plan may continue to the end of the academic year in which the young person turns 25"
        )
    return blockers


def appeal_deadline(notice: date) -> date:
    """Tribunal Procedure (HESC) Rules 2008 r.20(1): appeal within 2 months of the decision notice.

    (Or one month after a mediation certificate, if later; record the certificate date
    and use :func:`appeal_deadline_after_mediation`.) Code of Practice para 9.210: the plan
    is maintained until this time has passed or any appeal is decided.
    """
    return add_months(notice, 2)


def appeal_deadline_after_mediation(notice: date, certificate: date) -> date:
    """Tribunal Procedure (HESC) Rules 2008 r.20(1)(b): appeal after mediation.

    The later of 2 months from the decision notice and 1 month from the mediation
    certificate.
    """
    return max(add_months(notice, 2), add_months(certificate, 1))


def plan_maintained_until(
    notice: date, *, appeal_lodged: bool, certificate: date | None = None
) -> date | None:
    """The last day the ceased plan must still be maintained, or ``None`` while an appeal is pending.

    Code of Practice para 9.210: the authority continues to maintain the plan
    until the time for appealing has expired or, if the parent or young person appeals,
    until the appeal is concluded.
    """
    if appeal_lodged:
        return None
    if certificate is not None:
        return appeal_deadline_after_mediation(notice, certificate)
    return appeal_deadline(notice)


def plan_end_at_25(birth: date) -> date:
    """SEND Regulations 2014 reg 46 and CFA s.46: a plan may be kept to the end of the academic year.

    That is the academic year in which the young person turns 25.

    The academic year ends on 31 July: a young person whose 25th birthday falls on
    1 August or later is kept to the following 31 July.
    """
    birthday_year = birth.year + 25
    return date(birthday_year if birth.month < 8 else birthday_year + 1, 7, 31)
