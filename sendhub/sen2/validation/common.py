"""What every SEN2 rule module shares: the checking context and date helpers. Pure, no Django."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from sendhub.cases.rules import WORK_BASED_NAMES, age_on, school_leaving_date

NOT_IN_EDUCATION = {"NEET", "NIEC", "NIEO"}


@dataclass(slots=True)
class Context:
    year: int
    reference_date: date
    la_code: str | None = None
    seen_persons: set[tuple[str, str]] = field(default_factory=set)
    period_start: date = field(init=False)  # the calendar year before the census (spec 1.2)
    period_end: date = field(init=False)

    def __post_init__(self) -> None:
        self.period_start, self.period_end = reporting_period(self.year)


def reporting_period(year: int) -> tuple[date, date]:
    """The reporting period of the SEN2 return for the January ``year`` census: the previous calendar year.

    DfE's SEN2 technical specification (2023 v1.1, sections 1.2-1.3) and the data guidance of DfE's
    "Education, health and care plans" statistics built from SEN2 (reporting years 2022-2025: requests,
    assessments, new plans, 20-week timeliness, reviews and ceased plans "in the previous calendar year";
    active plans "at January of the calendar year") set the same rule every year: events from 1 January
    to 31 December of the year before the census are reported, and the plans active on the census date
    (the third Thursday of January) are the snapshot. An event from 1 January up to the census date of
    the census year is *not* in that year's return: it belongs to the next one.
    """
    return date(year - 1, 1, 1), date(year - 1, 12, 31)


Found = tuple[str, str, str, str]  # rule, path, message, fix


def fmt(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "(no date)"


def check_work_based(birth: date | None, code: str, ctx: Context, path: str) -> Iterator[Found]:
    """COD-03: apprenticeships, traineeships and supported internships (PlanWBP, WBP; items 4.3 and 5.3)
    are post-16 routes, open only to young people over compulsory school age (Education Act 1996 s.8):
    nobody still of that age on the reference date (in January, anyone in year 11 or below) can be in one."""
    if birth is not None and ctx.reference_date <= (leaves := school_leaving_date(birth)):
        yield (
            "COD-03",
            path,
            f"Work-based learning ({WORK_BASED_NAMES.get(code, code)}) is given for a child of compulsory school "
            f"age (aged {age_on(birth, ctx.reference_date)} on the reference date, in school until {fmt(leaves)}).",
            "Work-based learning is for young people over compulsory school age: remove the code, or correct "
            "the date of birth.",
        )
