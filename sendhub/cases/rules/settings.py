"""Which settings an EHC plan names in section I (SEN2 <PlanDetail>, items 4.7a-4.7f).

Section I names the school or other institution, or the type of setting (SEND Regulations 2014 reg
12(1)(i); CFA 2014 s.39-40). The SEN2 return describes each named setting by exactly one of a URN or
UKPRN (an institution) or a setting type with no URN, plus its rank: 1 the main setting, 2 a second
setting of a dual placement ("complete only one of 4.7a to 4.7c"). A type needs words of its own only
where DfE asks for them: "not in education or training - other" (NIEO). Items 4.7e (SEN unit) and 4.7f
(resourced provision) say the place named is a special unit or resourced provision within the named
institution, so they only make sense when an institution is named.

Work-based learning (an apprenticeship, traineeship or supported internship: SEN2 PlanWBP on a plan,
item 4.3, and WBP on a placement, item 5.3) is a post-16 route, so casework refuses it for a child of
compulsory school age (``school_leaving_date``), the same test SEN2 check COD-03 makes on the census date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendhub.cases.rules.reviews import school_leaving_date
from sendhub.cases.vocab import WORK_BASED_LEARNING

NEEDS_DESCRIPTION = frozenset({"NIEO"})


@dataclass(frozen=True)
class NamedSetting:
    """One setting named in section I: an institution (by its id) or a setting type, with any description."""

    institution: int | None = None
    setting_type: str = ""
    description: str = ""
    sen_unit: bool = False  # item 4.7e
    resourced_provision: bool = False  # item 4.7f

    @property
    def named(self) -> bool:
        return self.institution is not None or bool(self.setting_type)


def named_setting_problems(main: NamedSetting, second: NamedSetting) -> list[str]:
    """What is wrong with the settings named in section I, in words for the case officer; empty if none."""
    problems = []
    for which, setting in (("the main setting", main), ("the second setting", second)):
        if setting.institution is not None and setting.setting_type:
            problems.append(f"Choose a school or a type of setting for {which}, not both")
        if setting.setting_type in NEEDS_DESCRIPTION and not setting.description.strip():
            problems.append(f"Describe {which}: the return asks for more about this type")
        if setting.description.strip() and not setting.setting_type:
            problems.append(f"A description is for a type of setting: choose the type of {which}")
        if (setting.sen_unit or setting.resourced_provision) and setting.institution is None:
            instead = " rather than a type of setting" if setting.setting_type else ""
            problems.append(
                f"A SEN unit or resourced provision is part of a school: name the school for {which}"
                f"{instead}, or untick it"
            )
    if second.named and not main.named:
        problems.append("Name the main setting before a second one")
    if second.institution is not None and second.institution == main.institution:
        problems.append("The second setting must differ from the named setting")
    return problems


WORK_BASED_NAMES = {code: label.lower() for code, label in WORK_BASED_LEARNING}  # in a sentence


def work_based_problem(birth: date, code: str, on: date) -> str | None:
    """Why work-based learning ``code`` cannot apply to a child born on ``birth`` from ``on``; None if it can.

    Apprenticeships, traineeships and supported internships are post-16 routes, for young people over
    compulsory school age (Education Act 1996 s.8; ``school_leaving_date``): from the day after the last
    Friday in June of the school year they turn 16. A 16-year-old still in year 11 is not yet; a
    15-year-old born in July or August is, from that Saturday. ``on`` is the day of the change for a plan,
    the start of a placement (its earliest day). No code, no problem.
    """
    if not code:
        return None
    leaves = school_leaving_date(birth)
    if on > leaves:
        return None
    name = WORK_BASED_NAMES.get(code, code)
    return (
        f"Work-based learning ({name}) is only for young people over compulsory school age, and this "
        f"child is of compulsory school age until {leaves.day} {leaves:%B %Y} (the last Friday in June of "
        "the school year they turn 16). Choose None, or check the date of birth"
    )
