"""What every SEN2 rule module shares: the checking context and date helpers. Pure, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

NOT_IN_EDUCATION = {"NEET", "NIEC", "NIEO"}


@dataclass(slots=True)
class Context:
    year: int
    reference_date: date
    la_code: str | None = None
    seen_persons: set[tuple[str, str]] = field(default_factory=set)
    period_start: date = field(init=False)  # the calendar year before the census (spec 1.2)

    def __post_init__(self) -> None:
        self.period_start = date(self.year - 1, 1, 1)


Found = tuple[str, str, str, str]  # rule, path, message, fix


def fmt(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "(no date)"


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
